package com.cruddur.messaging.adapters.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code GET /v3/api-docs}: the committed OpenAPI 3.1 description ({@value #RESOURCE}) as JSON, where springdoc
 * would serve it; {@code GET /v3/api-docs.yaml}: the file itself. Read once, at start-up.
 */
@RestController
final class ApiDescriptionController {

    static final String RESOURCE = "openapi/openapi.yaml";
    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final String yaml;
    private final Map<String, Object> document;

    ApiDescriptionController() {
        try (InputStream in = ApiDescriptionController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> json() {
        return document;
    }

    @GetMapping(path = "/v3/api-docs.yaml", produces = "application/yaml")
    String yaml() {
        return yaml;
    }
}
