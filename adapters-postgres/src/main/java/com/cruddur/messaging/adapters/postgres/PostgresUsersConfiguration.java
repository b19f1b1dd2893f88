package com.cruddur.messaging.adapters.postgres;

import com.cruddur.messaging.application.port.UserDirectory;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The users store for the application: the pooled database from {@code cruddur.users.*}, what prepares it (its
 * migrations, and the demo users when {@code cruddur.users.seed-demo-users=true}), and the {@link UserDirectory}.
 * Nothing here waits for the database: whoever starts the service runs the {@link UsersDatabasePreparation}, retrying
 * while the database is slow, so a slow database delays the start instead of ending it. The pool is also the
 * application's {@link ConnectionFactory} bean, so Spring Boot opens no second database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsersProperties.class)
public class PostgresUsersConfiguration {

    @Bean(destroyMethod = "close")
    UsersDatabase usersDatabase(UsersProperties properties) {
        return UsersDatabase.connect(properties.url(), properties.username(), properties.password(), properties.settings());
    }

    /** Closed with {@link UsersDatabase}, hence no destroy method of its own. */
    @Bean(destroyMethod = "")
    ConnectionFactory usersConnectionFactory(UsersDatabase usersDatabase) {
        return usersDatabase.connectionFactory();
    }

    @Bean
    UsersDatabasePreparation usersDatabasePreparation(UsersDatabase usersDatabase, UsersProperties properties) {
        return new UsersDatabasePreparation(usersDatabase, properties.seedDemoUsers());
    }

    @Bean
    UserDirectory userDirectory(UsersDatabase usersDatabase) {
        return usersDatabase.directory();
    }
}
