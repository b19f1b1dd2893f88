package com.cruddur.messaging.adapters.web.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cruddur.ui.*}.
 *
 * @param enabled serve the web UI at {@code /} (its files under {@code /ui/}); on in the embedded default, off
 *                elsewhere unless set
 */
@ConfigurationProperties("cruddur.ui")
public record UiProperties(@DefaultValue("false") boolean enabled) {
}
