package com.cruddur.messaging.adapters.web;

import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.validation.annotation.Validated;
import org.springframework.util.unit.DataSize;

/**
 * {@code cruddur.web.*}.
 *
 * @param frontendOrigin the origins the browser frontend is served from (comma separated); none means no
 *                       cross-origin calls are allowed
 * @param maxRequestBody the largest request body accepted; larger ones get 413
 * @param idleTimeout    a kept-alive connection with no request for this long is closed
 * @param headerTimeout  a request's headers must be complete within this long of the connection opening or of their
 *                       first byte, or the connection is closed
 * @param readTimeout    a request body that pauses this long between two reads closes the connection
 * @param requestTimeout a request body must be complete within this long of its headers
 */
@ConfigurationProperties("cruddur.web")
@Validated
public record WebProperties(@DefaultValue List<String> frontendOrigin,
                            @DefaultValue("16KB") DataSize maxRequestBody,
                            @DefaultValue("60s") @DurationMin(millis = 1) Duration idleTimeout,
                            @DefaultValue("10s") @DurationMin(millis = 1) Duration headerTimeout,
                            @DefaultValue("10s") @DurationMin(millis = 1) Duration readTimeout,
                            @DefaultValue("30s") @DurationMin(millis = 1) Duration requestTimeout) {

    /** A body limit of nothing would refuse every send; a negative one means nothing. */
    @AssertTrue(message = "cruddur.web.max-request-body must be at least 1B")
    boolean isMaxRequestBodyPositive() {
        return maxRequestBody != null && maxRequestBody.toBytes() > 0;
    }
}
