package com.cruddur.messaging.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * The committed OpenAPI description, served without a token: as JSON at {@code /v3/api-docs} (where springdoc would
 * serve it) and as the file itself at {@code /v3/api-docs.yaml}. Whether it matches the routes is checked in
 * bootstrap ({@code OpenApiDescriptionTest}), against the whole service.
 */
class ApiDescriptionApiTest extends WebApiTest {

    @Test
    void theDescriptionIsServedAsJsonWithTheApisPaths() {
        Map<String, Object> description = client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();

        assertThat(description).containsEntry("openapi", "3.1.0");
        assertThat(description.get("paths")).asInstanceOf(
                        InstanceOfAssertFactories.map(String.class, Object.class))
                .containsKeys("/api/message_groups", "/api/messages", "/api/messages/{messageGroupUuid}");
    }

    @Test
    void theFileItselfIsServedAsYaml() {
        String yaml = client.get().uri("/v3/api-docs.yaml").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/yaml"))
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(yaml).startsWith("openapi: 3.1.0").contains("\n  /api/message_groups:");
    }
}
