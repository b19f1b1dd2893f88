package com.cruddur.messaging.bootstrap;

import com.cruddur.messaging.adapters.postgres.PostgresUsersConfiguration;
import com.cruddur.messaging.adapters.web.WebConfiguration;
import com.cruddur.messaging.bootstrap.cli.AdminCli;
import com.cruddur.messaging.bootstrap.config.DynamoDbConfiguration;
import com.cruddur.messaging.bootstrap.config.HealthConfiguration;
import com.cruddur.messaging.bootstrap.config.LocalDemoConfiguration;
import com.cruddur.messaging.bootstrap.config.StreamPumpConfiguration;
import com.cruddur.messaging.bootstrap.config.UseCaseConfiguration;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The Cruddur Messaging service. {@code java -jar cruddur-messaging.jar admin ...} runs the admin command line
 * instead of the service.
 */
/* No component scanning: every bean is declared in the imported configurations. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({DynamoDbConfiguration.class, PostgresUsersConfiguration.class, UseCaseConfiguration.class,
        WebConfiguration.class, HealthConfiguration.class, StreamPumpConfiguration.class,
        LocalDemoConfiguration.class})
public class CruddurMessagingApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "admin".equals(args[0])) {
            // The admin command line: quick, and it must not start the service.
            System.exit(AdminCli.run(System.out, System.err, Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(CruddurMessagingApplication.class, args);
    }
}
