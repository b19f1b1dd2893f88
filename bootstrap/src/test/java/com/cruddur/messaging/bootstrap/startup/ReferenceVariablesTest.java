package com.cruddur.messaging.bootstrap.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.adapters.postgres.UsersProperties;
import com.cruddur.messaging.adapters.web.WebProperties;
import com.cruddur.messaging.adapters.web.security.AuthProperties;
import com.cruddur.messaging.bootstrap.CruddurMessagingApplication;
import com.cruddur.messaging.bootstrap.config.DynamoDbProperties;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Each of the reference's environment variables maps to its {@code cruddur.*} property, read as the service reads
 * it: the packaged configuration files applied, the post-processor run as Spring Boot runs it, the properties
 * bound to the service's own property classes. An explicit {@code cruddur.*} setting wins.
 */
class ReferenceVariablesTest {

    private static final Map<String, String> CRUDDUR = Map.of(
            "DDB_MESSAGE_TABLE", "cruddur-messages-prod",
            "AWS_COGNITO_USER_POOL_ID", "ca-central-1_AbCdEf123",
            "AWS_COGNITO_USER_POOL_CLIENT_ID", "5b6ro31g97urk767adrbrdj1g5",
            "CONNECTION_URL", "postgresql://cruddurroot:s%40cret:pw@cruddur-db.example.com:5432/cruddur",
            "AWS_ENDPOINT_URL", "http://dynamodb-local:8000",
            "FRONTEND_URL", "https://3000-omenking-awsbootcampcru.gitpod.io");

    @Test
    void everyVariableMapsToItsProperty() {
        StandardEnvironment environment = service(RunMode.AWS, CRUDDUR);
        Binder binder = Binder.get(environment);

        DynamoDbProperties dynamo = binder.bind("cruddur.dynamodb", DynamoDbProperties.class).get();
        assertThat(dynamo.table()).isEqualTo("cruddur-messages-prod");
        assertThat(dynamo.endpoint()).isEqualTo(URI.create("http://dynamodb-local:8000"));

        AuthProperties auth = binder.bind("cruddur.auth", AuthProperties.class).get();
        assertThat(auth.issuer()).isEqualTo("https://cognito-idp.ca-central-1.amazonaws.com/ca-central-1_AbCdEf123");
        assertThat(auth.jwksUrl()).isEqualTo(
                "https://cognito-idp.ca-central-1.amazonaws.com/ca-central-1_AbCdEf123/.well-known/jwks.json");
        assertThat(auth.clientIds()).containsExactly("5b6ro31g97urk767adrbrdj1g5");

        UsersProperties users = binder.bind("cruddur.users", UsersProperties.class).get();
        assertThat(users.url()).isEqualTo("r2dbc:postgresql://cruddur-db.example.com:5432/cruddur");
        assertThat(users.username()).isEqualTo("cruddurroot");
        assertThat(users.password()).isEqualTo("s@cret:pw");

        WebProperties web = binder.bind("cruddur.web", WebProperties.class).get();
        assertThat(web.frontendOrigin()).containsExactly("https://3000-omenking-awsbootcampcru.gitpod.io");
    }

    @Test
    void anExplicitCruddurPropertyWins() {
        Map<String, String> both = new HashMap<>(CRUDDUR);
        both.put("CRUDDUR_DYNAMODB_TABLE", "explicit-table");
        both.put("CRUDDUR_AUTH_ISSUER", "https://issuer.example.com");
        both.put("CRUDDUR_USERS_URL", "r2dbc:postgresql://explicit:5432/users");
        both.put("CRUDDUR_WEB_FRONTENDORIGIN", "https://explicit.example.com");
        StandardEnvironment environment = service(RunMode.AWS, both);
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs",
                Map.of("cruddur.auth.client-ids", "explicit-client", "cruddur.dynamodb.endpoint", "http://localhost:1")));

        assertThat(environment.getProperty("cruddur.dynamodb.table")).isEqualTo("explicit-table");
        assertThat(environment.getProperty("cruddur.dynamodb.endpoint")).isEqualTo("http://localhost:1");
        assertThat(environment.getProperty("cruddur.auth.issuer")).isEqualTo("https://issuer.example.com");
        assertThat(environment.getProperty("cruddur.auth.client-ids")).isEqualTo("explicit-client");
        assertThat(environment.getProperty("cruddur.users.url")).isEqualTo("r2dbc:postgresql://explicit:5432/users");
        assertThat(Binder.get(environment).bind("cruddur.web", WebProperties.class).get().frontendOrigin())
                .containsExactly("https://explicit.example.com");
    }

    @Test
    void withoutTheVariablesThePackagedDefaultsStand() {
        StandardEnvironment environment = service(RunMode.AWS, Map.of());

        assertThat(environment.getProperty("cruddur.dynamodb.table")).isEqualTo("cruddur-messages");
        assertThat(environment.getPropertySources().contains(ReferenceVariables.SOURCE_NAME)).isFalse();
    }

    @Test
    void theEmbeddedDefaultTakesTheTableAndTheFrontendOnly() {
        StandardEnvironment environment = service(RunMode.EMBEDDED, CRUDDUR);

        assertThat(environment.getProperty("cruddur.dynamodb.table")).isEqualTo("cruddur-messages-prod");
        assertThat(environment.getProperty("cruddur.web.frontend-origin"))
                .isEqualTo("https://3000-omenking-awsbootcampcru.gitpod.io");
        assertThat(environment.getProperty("cruddur.dynamodb.endpoint")).isNull();
        assertThat(environment.getProperty("cruddur.auth.issuer")).isNull();
        assertThat(environment.getProperty("cruddur.auth.client-ids")).isNull();
        assertThat(environment.getProperty("cruddur.users.url")).isEqualTo("r2dbc:h2:file:///./data/users");
    }

    @Test
    void theRegionVariableWinsOverThePoolIdsPrefix() {
        Map<String, String> withRegion = new HashMap<>(CRUDDUR);
        withRegion.put("AWS_DEFAULT_REGION", "us-east-1");

        assertThat(service(RunMode.AWS, withRegion).getProperty("cruddur.auth.issuer"))
                .isEqualTo("https://cognito-idp.us-east-1.amazonaws.com/ca-central-1_AbCdEf123");
    }

    @Test
    void connectionUrlForms() {
        assertThat(ReferenceVariables.users("postgresql://postgres:password@localhost:5432/cruddur"))
                .containsEntry("cruddur.users.url", "r2dbc:postgresql://localhost:5432/cruddur")
                .containsEntry("cruddur.users.username", "postgres")
                .containsEntry("cruddur.users.password", "password");
        assertThat(ReferenceVariables.users("postgres://db.example.com/cruddur?sslmode=require"))
                .containsExactlyEntriesOf(Map.of("cruddur.users.url",
                        "r2dbc:postgresql://db.example.com/cruddur?sslMode=require"));
        assertThat(ReferenceVariables.users("postgresql://a+b@localhost/cruddur"))
                .containsEntry("cruddur.users.username", "a+b");
    }

    @Test
    void aConnectionUrlThatIsNotPostgresFailsStartUpNamingTheVariableNotItsValue() {
        for (String wrong : new String[] {"mysql://root:hunter2@db:3306/cruddur", "hunter2 not a url", "postgresql:x"}) {
            assertThatThrownBy(() -> service(RunMode.AWS, Map.of("CONNECTION_URL", wrong)))
                    .isInstanceOf(CannotStart.class)
                    .hasMessageStartingWith("CONNECTION_URL is not a PostgreSQL URL")
                    .hasMessageNotContaining("hunter2");
        }
    }

    /** The environment the service would have in the mode, with these environment variables. */
    private static StandardEnvironment service(String profile, Map<String, String> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new HashMap<>(variables)));
        environment.setActiveProfiles(profile);
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        new ReferenceVariables().postProcessEnvironment(environment,
                new SpringApplication(CruddurMessagingApplication.class));
        return environment;
    }
}
