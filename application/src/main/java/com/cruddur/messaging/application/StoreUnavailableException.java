package com.cruddur.messaging.application;

/**
 * A store could not answer (throttled, missing table, endpoint down, timeout). Nothing was half-written; the
 * client may retry later. The web layer answers 503 with a generic detail naming only {@link #store()}; the
 * specifics in {@link #getMessage()} (endpoint, table, the store's own words) go to the log.
 */
public class StoreUnavailableException extends RuntimeException {

    private final String store;

    public StoreUnavailableException(String store, String message, Throwable cause) {
        super(message, cause);
        this.store = store;
    }

    /** Which store: {@code "messages"} or {@code "users"}. */
    public String store() {
        return store;
    }
}
