package com.cruddur.messaging.bootstrap.config;

import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.bootstrap.demo.DemoConversation;
import com.cruddur.messaging.adapters.postgres.UsersSeed;
import com.cruddur.messaging.adapters.web.dev.DevTokenIssuer;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * The embedded default's demo data: the demo users get the Cognito subjects the development token issuer signs
 * ({@link DevTokenIssuer#subjectOf}), and a demo conversation is written once. Only the {@code embedded} profile has it, and
 * that profile refuses a users database or a table that is not on this machine, so the demo data never reaches a
 * shared store. Both runners come after the stores are ready (they run after {@code StoresAtStartup}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("embedded")
public class EmbeddedDemoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDemoConfiguration.class);

    @Bean
    ApplicationRunner linkDemoUsersToLocalSubjects(ConnectionFactory users) {
        DatabaseClient database = DatabaseClient.create(users);
        return args -> {
            Long linked = Flux.fromIterable(UsersSeed.DEMO_USERS)
                    .map(UsersSeed.DemoUser::handle)
                    .concatMap(handle -> database
                            .sql("UPDATE users SET cognito_user_id = :subject WHERE handle = :handle AND cognito_user_id IS NULL")
                            .bind("subject", DevTokenIssuer.subjectOf(handle))
                            .bind("handle", handle.value())
                            .fetch().rowsUpdated())
                    .reduce(0L, Long::sum)
                    .block(Duration.ofSeconds(10));
            if (linked != null && linked > 0) {
                log.info("linked {} demo users to their development-token subjects", linked);
            }
        };
    }

    /** Runs after the demo users exist (the users database is seeded before runners go on); writes nothing twice. */
    @Bean
    ApplicationRunner writeDemoConversations(UserDirectory users, MessageGroups groups, Messages messages,
                                             MoveGroupsToNewestMessage moveGroups) {
        return args -> {
            try {
                DemoConversation.Result result = DemoConversation.seed(users, groups, messages, moveGroups)
                        .block(Duration.ofSeconds(60));
                if (result != null && result.wroteAnything()) {
                    log.info("wrote the demo conversations ({} messages)", result.messagesWritten());
                }
            } catch (RuntimeException e) {
                // The service is useful without its demo data: say why it is missing and go on.
                log.warn("the demo conversations were not written: {}", e.getMessage());
            }
        };
    }
}
