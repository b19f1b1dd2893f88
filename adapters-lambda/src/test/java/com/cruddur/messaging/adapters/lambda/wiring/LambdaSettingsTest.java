package com.cruddur.messaging.adapters.lambda.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LambdaSettingsTest {

    @Test
    void theTableNameDefaultsToTheReferencesAndNoEndpointMeansAws() {
        LambdaSettings settings = LambdaSettings.from(Map.of("AWS_REGION", "ca-central-1"));

        assertThat(settings).isEqualTo(new LambdaSettings("cruddur-messages", "ca-central-1", Optional.empty()));
    }

    @Test
    void tableRegionAndEndpointComeFromTheEnvironment() {
        LambdaSettings settings = LambdaSettings.from(Map.of(
                "TABLE_NAME", "cruddur-messages-prod-1A2B3C",
                "AWS_REGION", "eu-west-1",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000"));

        assertThat(settings).isEqualTo(new LambdaSettings("cruddur-messages-prod-1A2B3C", "eu-west-1",
                Optional.of(URI.create("http://127.0.0.1:8000"))));
    }

    @Test
    void blankValuesCountAsUnset() {
        LambdaSettings settings = LambdaSettings.from(Map.of(
                "TABLE_NAME", " ", "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_DYNAMODB", ""));

        assertThat(settings).isEqualTo(new LambdaSettings("cruddur-messages", "us-east-1", Optional.empty()));
    }

    @Test
    void aMissingRegionOrAnEndpointThatIsNotAUrlIsSaidPlainly() {
        assertThatThrownBy(() -> LambdaSettings.from(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AWS_REGION");
        assertThatThrownBy(() -> LambdaSettings.from(Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_DYNAMODB", "localhost:8000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AWS_ENDPOINT_URL_DYNAMODB");
    }
}
