package com.cruddur.messaging.application.port;

import com.cruddur.messaging.domain.IdempotencyKey;

/**
 * The sender used this idempotency key, within its window, for a different request (another text, another
 * conversation, a handle instead of a conversation). Nothing was stored: a key stands for one request.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(IdempotencyKey key) {
        super("the Idempotency-Key '" + key.value() + "' was used for a different request; use a new key for a new "
                + "request");
    }
}
