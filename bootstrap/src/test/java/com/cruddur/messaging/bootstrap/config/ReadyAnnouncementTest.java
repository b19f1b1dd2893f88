package com.cruddur.messaging.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.support.StaticApplicationContext;

/**
 * The ready line is a log event, so it goes wherever the log goes (the console of bin/cruddur, the structured log
 * elsewhere), rather than a print beside it.
 */
class ReadyAnnouncementTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ReadyAnnouncement.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level level;

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
        // Whatever another test in this JVM left the logging system at, INFO reaches the appender.
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        logger.setLevel(level);
        logger.detachAppender(logged);
    }

    @Test
    void theReadyLineIsLoggedAtInfo() {
        try (StaticApplicationContext context = new StaticApplicationContext()) {
            new ReadyAnnouncement().onApplicationEvent(new ApplicationReadyEvent(new SpringApplication(),
                    new String[0], context, Duration.ofMillis(2_345)));
        }

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage()).isEqualTo(
                    "Cruddur Messaging is ready on http://localhost:? (started in 2.3 s)");
        });
    }
}
