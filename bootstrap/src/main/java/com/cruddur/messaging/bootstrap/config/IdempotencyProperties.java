package com.cruddur.messaging.bootstrap.config;

import com.cruddur.messaging.application.IdempotencyWindow;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cruddur.idempotency.*}: how sends with an {@code Idempotency-Key} are remembered.
 *
 * @param window how long a key stands for its first request (a repeat gets the first answer, another request a
 *               422); after it the key is free and its record is left to DynamoDB's time to live. At least 1s.
 */
@ConfigurationProperties("cruddur.idempotency")
@Validated
public record IdempotencyProperties(@DefaultValue("24h") @DurationMin(seconds = 1) Duration window) {

    /** Fails the start-up with the property's name when the window is too short to mean anything. */
    IdempotencyWindow toWindow() {
        try {
            return new IdempotencyWindow(window);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cruddur.idempotency.window: " + e.getMessage(), e);
        }
    }
}
