package com.cruddur.messaging.bootstrap.config;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cruddur.stream-pump.*}: pattern E without a Lambda.
 *
 * @param enabled      read the table's stream in this process and move inbox rows (on in the embedded default); leave
 *                     it off where the stream function is deployed
 * @param pollInterval the pause between two reads of the stream while the pump is healthy (and the first backoff
 *                     of its retries)
 */
@ConfigurationProperties("cruddur.stream-pump")
@Validated
public record StreamPumpProperties(@DefaultValue("false") boolean enabled,
                                   @DefaultValue("250ms") @DurationMin(millis = 1) Duration pollInterval) {
}
