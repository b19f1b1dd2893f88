package com.cruddur.messaging.bootstrap;

import com.cruddur.messaging.adapters.postgres.PostgresUsersConfiguration;
import com.cruddur.messaging.adapters.web.WebConfiguration;
import com.cruddur.messaging.bootstrap.cli.AdminCli;
import com.cruddur.messaging.bootstrap.config.DynamoDbConfiguration;
import com.cruddur.messaging.bootstrap.config.EmbeddedDemoConfiguration;
import com.cruddur.messaging.bootstrap.config.EmbeddedDynamoDbConfiguration;
import com.cruddur.messaging.bootstrap.config.HealthConfiguration;
import com.cruddur.messaging.bootstrap.config.StreamPumpConfiguration;
import com.cruddur.messaging.bootstrap.config.LiveDeliveryConfiguration;
import com.cruddur.messaging.bootstrap.config.UseCaseConfiguration;
import com.cruddur.messaging.bootstrap.startup.StartupConfiguration;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The Cruddur Messaging service, in the mode its profile names: {@code embedded} (what {@code bin/cruddur} runs) or
 * {@code aws}; with neither it refuses to start ({@code startup.RunMode}). {@code java -jar cruddur-messaging.jar
 * admin ...} runs the admin command line instead of the service.
 */
/* No component scanning: every bean is declared in the imported configurations. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({EmbeddedDynamoDbConfiguration.class, DynamoDbConfiguration.class, PostgresUsersConfiguration.class,
        UseCaseConfiguration.class, LiveDeliveryConfiguration.class, WebConfiguration.class, HealthConfiguration.class, StreamPumpConfiguration.class,
        EmbeddedDemoConfiguration.class, StartupConfiguration.class})
public class CruddurMessagingApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "admin".equals(args[0])) {
            // The admin command line: quick, and it must not start the service.
            System.exit(AdminCli.run(System.out, System.err, Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(CruddurMessagingApplication.class, args);
    }
}
