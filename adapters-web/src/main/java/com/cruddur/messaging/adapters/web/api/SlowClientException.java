package com.cruddur.messaging.adapters.web.api;

/** A stream's client did not read the events buffered for it; the stream is cut off and the client resumes. */
final class SlowClientException extends RuntimeException {

    SlowClientException(int buffer) {
        super("the client did not read its events: " + buffer + " were waiting");
    }
}
