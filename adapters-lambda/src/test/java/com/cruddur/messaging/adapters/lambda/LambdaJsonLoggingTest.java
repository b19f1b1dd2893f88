package com.cruddur.messaging.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/** The function's log configuration (cruddur-lambda-logback.xml) writes one JSON object per line. */
class LambdaJsonLoggingTest {

    @Test
    void aLogLineIsJsonWithLevelLoggerMessageAndTheRequestId() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        LoggerContext context = new LoggerContext();
        // As in the function: the MDC the handler writes is the one its log lines read.
        context.setMDCAdapter(MDC.getMDCAdapter());
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            URL configuration = getClass().getClassLoader().getResource("cruddur-lambda-logback.xml");
            assertThat(configuration).as("cruddur-lambda-logback.xml on the class path").isNotNull();
            configurator.doConfigure(configuration);
            Logger log = context.getLogger("com.cruddur.messaging.adapters.dynamodb.stream.DecodedBatch");

            MDC.put(MessageStreamHandler.REQUEST_ID, "3f1e0c2a-7b6d-4e5f-8a9b-0c1d2e3f4a5b");
            log.warn("Reporting record {}: {}", "4421584500000000017450000100", "store unavailable");
            log.debug("not at the default level");
        } finally {
            MDC.remove(MessageStreamHandler.REQUEST_ID);
            context.stop();
            System.setOut(original);
        }

        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.get("level").asText()).isEqualTo("WARN");
        assertThat(line.get("loggerName").asText()).endsWith("DecodedBatch");
        assertThat(line.get("formattedMessage").asText())
                .isEqualTo("Reporting record 4421584500000000017450000100: store unavailable");
        assertThat(line.get("timestamp").asLong()).isGreaterThan(1_700_000_000_000L);
        assertThat(line.get("mdc").get(MessageStreamHandler.REQUEST_ID).asText())
                .isEqualTo("3f1e0c2a-7b6d-4e5f-8a9b-0c1d2e3f4a5b");
    }
}
