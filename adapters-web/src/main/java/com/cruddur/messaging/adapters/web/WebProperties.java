package com.cruddur.messaging.adapters.web;

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
 */
@ConfigurationProperties("cruddur.web")
public record WebProperties(@DefaultValue List<String> frontendOrigin,
                            @DefaultValue("16KB") DataSize maxRequestBody) {
}
