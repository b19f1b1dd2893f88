package com.cruddur.messaging.bootstrap.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --output text|json}: what a person reads (the default), or one JSON document on standard output for scripts
 * ({@code jq}). Failures are the same either way: one line on the error stream and a non-zero exit, nothing on
 * standard output.
 */
final class OutputOptions {

    enum Format { text, json }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Option(names = "--output", paramLabel = "<format>", defaultValue = "text",
            description = "text (default: for a person) or json (one JSON document on standard output, "
                    + "consumed capacity included, for scripts and jq).")
    Format format = Format.text;

    boolean json() {
        return format == Format.json;
    }

    /** Prints the document as one JSON value (it ends with a line break). */
    static void print(PrintWriter out, Map<String, ?> document) {
        out.println(JSON.writeValueAsString(document));
        out.flush();
    }

    /** A map that keeps the order its entries are put in, so the document reads in the order it is built. */
    static Map<String, Object> document() {
        return new LinkedHashMap<>();
    }

    /** {@code {"readCapacityUnits": r, "writeCapacityUnits": w}}, as DynamoDB reported them for the command's calls. */
    static Map<String, Object> capacity(double readUnits, double writeUnits) {
        Map<String, Object> capacity = document();
        capacity.put("readCapacityUnits", readUnits);
        capacity.put("writeCapacityUnits", writeUnits);
        return capacity;
    }
}
