package com.cruddur.messaging.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.bootstrap.CruddurMessagingApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A wrong {@code cruddur.*} value stops the service at start-up, and the report names the property. */
@ExtendWith(OutputCaptureExtension.class)
class SettingsValidationTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "cruddur.live.heartbeat         | -1s",
        "cruddur.live.max-streams       | 0",
        "cruddur.live.max-streams       | five",
        "cruddur.dynamodb.table         | no spaces allowed",
        "cruddur.dynamodb.api-call-timeout | 0s",
        "cruddur.dynamodb.embedded.port | 70000",
        "cruddur.users.pool-max-size    | 0",
        "cruddur.idempotency.window     | 500ms",
        "cruddur.web.read-timeout       | ten seconds",
        "cruddur.web.max-request-body   | 0B",
        "cruddur.auth.dev-token-ttl     | 0s",
    })
    void aWrongValueFailsTheStartNamingTheProperty(String property, String value, CapturedOutput output) {
        assertThatThrownBy(() -> start(property, value))
                .satisfies(failure -> assertThat(causeChain(failure)).anyMatch(BindException.class::isInstance));
        // Spring Boot's report of the failure, as a person starting the service reads it: the property as it was
        // set (the origin of a bad value, or the name in the reason).
        String printed = output.getOut() + output.getErr();
        assertThat(printed).contains("APPLICATION FAILED TO START");
        assertThat(printed.substring(printed.indexOf("APPLICATION FAILED TO START"))).contains(property);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"cruddur.cursor-key | not*base64", "cruddur.cursor-key | c2hvcnQ="})
    void aCursorKeyThatIsNotA32ByteBase64KeyFailsTheStartNamingIt(String property, String value) {
        assertThatThrownBy(() -> start(property, value))
                .satisfies(failure -> assertThat(causeChain(failure)).map(Throwable::getMessage)
                        .anyMatch(message -> message != null && message.startsWith("cruddur.cursor-key must be")));
    }

    private static void start(String property, String value) {
        new SpringApplicationBuilder(CruddurMessagingApplication.class)
                .profiles("embedded")
                .run("--server.port=0",
                        "--cruddur.dynamodb.embedded.port=0",
                        "--cruddur.dynamodb.embedded.data-folder=",
                        "--cruddur.users.url=r2dbc:h2:mem:///settings-" + UUID.randomUUID(),
                        "--cruddur.stream-pump.enabled=false",
                        "--" + property + "=" + value)
                .close();
    }

    private static List<Throwable> causeChain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
