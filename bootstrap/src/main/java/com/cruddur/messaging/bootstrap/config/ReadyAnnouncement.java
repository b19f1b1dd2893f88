package com.cruddur.messaging.bootstrap.config;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;

/**
 * Says where the service listens once it is ready: one INFO line in the log, which is the console of
 * {@code bin/cruddur} (and the structured log elsewhere), not a print beside it. Its text is what people and the
 * tests of the embedded default wait for.
 */
final class ReadyAnnouncement implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncement.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? String.valueOf(web.getWebServer().getPort())
                : "?";
        log.info("Cruddur Messaging is ready on http://localhost:{} (started in {} s)", port,
                String.format(Locale.ROOT, "%.1f", event.getTimeTaken().toMillis() / 1000.0));
    }
}
