package com.cruddur.messaging.adapters.postgres;

import com.cruddur.messaging.application.port.UserDirectory;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.r2dbc.connection.init.ConnectionFactoryInitializer;
import reactor.core.publisher.Mono;

/**
 * The users store for the application: the pooled database from {@code cruddur.users.*}, its migrations applied at
 * start-up (and the demo users when {@code cruddur.users.seed-demo-users=true}), and the {@link UserDirectory}.
 * The pool is also the application's {@link ConnectionFactory} bean, so Spring Boot opens no second database.
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
    ConnectionFactoryInitializer usersSchemaInitializer(UsersDatabase usersDatabase, UsersProperties properties) {
        UsersSchema schema = usersDatabase.schema();
        UsersSeed seed = usersDatabase.seed();
        ConnectionFactoryInitializer initializer = new ConnectionFactoryInitializer();
        initializer.setConnectionFactory(usersDatabase.connectionFactory());
        initializer.setDatabasePopulator(connection -> schema.migrate(connection)
                .then(properties.seedDemoUsers() ? seed.seed().then() : Mono.empty()));
        return initializer;
    }

    @Bean
    @DependsOn("usersSchemaInitializer")
    UserDirectory userDirectory(UsersDatabase usersDatabase) {
        return usersDatabase.directory();
    }
}
