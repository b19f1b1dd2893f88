package com.cruddur.messaging.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The configuration metadata the modules publish (META-INF/spring-configuration-metadata.json, written by
 * spring-boot-configuration-processor from the properties records): every {@code cruddur.*} setting is described,
 * with its default where it has one.
 */
class ConfigurationMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCruddurPropertyHasADescription() throws IOException {
        Map<String, JsonNode> properties = cruddurProperties();

        assertThat(properties.keySet()).as("the modules' metadata").contains("cruddur.dynamodb.table",
                "cruddur.users.url", "cruddur.web.frontend-origin", "cruddur.live.heartbeat", "cruddur.auth.issuer",
                "cruddur.idempotency.window", "cruddur.stream-pump.enabled", "cruddur.stream-pump.poll-interval",
                "cruddur.cursor-key", "cruddur.startup.store-wait");
        assertThat(properties).allSatisfy((name, property) ->
                assertThat(property.path("description").asText("")).as("description of %s", name).isNotBlank());
    }

    @Test
    void defaultsAreThoseTheServiceApplies() throws IOException {
        Map<String, JsonNode> properties = cruddurProperties();

        assertThat(properties.get("cruddur.dynamodb.table").path("defaultValue").asText()).isEqualTo("cruddur-messages");
        assertThat(properties.get("cruddur.live.heartbeat").path("defaultValue").asText()).isEqualTo("25s");
        assertThat(properties.get("cruddur.live.max-streams").path("defaultValue").asInt()).isEqualTo(5);
        assertThat(properties.get("cruddur.idempotency.window").path("defaultValue").asText()).isEqualTo("24h");
        assertThat(properties.get("cruddur.stream-pump.poll-interval").path("defaultValue").asText()).isEqualTo("250ms");
        assertThat(properties.get("cruddur.web.max-request-body").path("defaultValue").asText()).isEqualTo("16KB");
    }

    @Test
    void everyCruddurSettingOfTheConfigurationFilesIsDescribed() throws IOException {
        Map<String, JsonNode> properties = cruddurProperties();
        TreeSet<String> used = new TreeSet<>();
        for (String file : new String[] {"application.yml", "application-embedded.yml", "application-aws.yml"}) {
            used.addAll(cruddurKeys(new ClassPathResource(file).getContentAsString(StandardCharsets.UTF_8)));
        }

        assertThat(used).isNotEmpty().allSatisfy(key -> assertThat(properties).as("metadata").containsKey(key));
    }

    @Test
    void everyCruddurSettingTheCodeReadsByNameIsDescribed() throws IOException {
        Map<String, JsonNode> properties = cruddurProperties();
        TreeSet<String> read = new TreeSet<>();
        Pattern byName = Pattern.compile("(?:\\$\\{|getProperty\\(\"|name = \")(cruddur\\.[a-z0-9.-]+)");
        try (Stream<Path> sources = Files.walk(Path.of(".."), 16)) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")
                    && path.toString().contains("src" + java.io.File.separator + "main")).toList()) {
                Matcher matcher = byName.matcher(Files.readString(source));
                while (matcher.find()) {
                    read.add(matcher.group(1));
                }
            }
        }

        assertThat(read).contains("cruddur.cursor-key", "cruddur.startup.store-wait")
                .allSatisfy(key -> assertThat(properties).as("metadata").containsKey(key));
    }

    private static Map<String, JsonNode> cruddurProperties() throws IOException {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        for (URL url : Collections.list(ConfigurationMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JSON.readTree(in).path("properties").forEach(property -> {
                    String name = property.path("name").asText();
                    if (name.startsWith("cruddur.")) {
                        found.put(name, property);
                    }
                });
            }
        }
        return found;
    }

    /** The full keys under {@code cruddur:} of a YAML file, by indentation (the files use two spaces a level). */
    private static TreeSet<String> cruddurKeys(String yaml) {
        TreeSet<String> keys = new TreeSet<>();
        String[] path = new String[16];
        Pattern entry = Pattern.compile("^( *)([a-z0-9-]+):(.*)$");
        for (String line : yaml.split("\n")) {
            Matcher matcher = entry.matcher(line);
            if (!matcher.matches()) {
                continue;
            }
            int depth = matcher.group(1).length() / 2;
            path[depth] = matcher.group(2);
            boolean leaf = !matcher.group(3).isBlank();
            if (leaf && "cruddur".equals(path[0]) && depth > 0) {
                keys.add(String.join(".", Arrays.copyOfRange(path, 0, depth + 1)));
            }
        }
        return keys;
    }
}
