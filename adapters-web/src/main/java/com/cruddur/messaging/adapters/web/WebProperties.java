package com.cruddur.messaging.adapters.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
public record WebProperties(@DefaultValue List<String> frontendOrigin,
                            @DefaultValue("16KB") DataSize maxRequestBody,
                            @DefaultValue("60s") Duration idleTimeout,
                            @DefaultValue("10s") Duration headerTimeout,
                            @DefaultValue("10s") Duration readTimeout,
                            @DefaultValue("30s") Duration requestTimeout) {
}
