package com.cruddur.messaging.adapters.web.api;

/** {@code {message}}: the new text of a message of the caller's. */
record EditMessageRequest(String message) {
}
