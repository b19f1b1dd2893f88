package com.cruddur.messaging.bootstrap.config;

import com.cruddur.messaging.domain.EditWindow;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cruddur.edits.*}: how senders may change their messages.
 *
 * @param window how long after sending a message its sender may still edit its text (PATCH); later edits are
 *               refused with 403 edit_window_passed. Deleting is allowed at any time. At least 1s.
 */
@ConfigurationProperties("cruddur.edits")
@Validated
public record EditProperties(@DefaultValue("15m") @DurationMin(seconds = 1) Duration window) {

    EditWindow toWindow() {
        return new EditWindow(window);
    }
}
