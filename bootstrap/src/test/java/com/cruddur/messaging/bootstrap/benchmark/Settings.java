package com.cruddur.messaging.bootstrap.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one run does, from {@code --name=value} arguments or {@code BENCH_NAME} environment variables (arguments
 * win). Defaults are the issue's sizes and fit a run of under 15 minutes on a 2-core machine.
 *
 * @param users            users in PostgreSQL ({@code --users}, 200)
 * @param conversations    conversations started through the API ({@code --conversations}, 1,000)
 * @param messages         messages in all, first ones included ({@code --messages}, 20,000)
 * @param connections      wrk's connection counts ({@code --connections}, "16 64 256")
 * @param run              one wrk run ({@code --duration}, 6 s)
 * @param ceilingRun       one run of the store's ceiling ({@code --ceiling-duration}, 4 s)
 * @param scales           data sizes of the scaling rows ({@code --scales}, "1 10 100")
 * @param serviceOptions   JVM options of the service for every run ({@code --service-java-opts}; by default the
 *                         shipped ones, {@code bin/jvm-options}; {@code none} for the JVM's defaults)
 * @param compareOptions   other JVM option sets, separated by {@code |}, started fresh and compared with the
 *                         service's own for start-up, first 20 s and memory ({@code --compare-java-opts};
 *                         none by default; {@code none} is the JVM's defaults)
 * @param profile          record a flight recording of the service per pattern ({@code --profile}, false)
 */
record Settings(int users, int conversations, int messages, List<Integer> connections, Duration run,
                Duration ceilingRun, List<Integer> scales, String serviceOptions, List<String> compareOptions,
                boolean profile) {

    /** Written for the JVM's own defaults: no options at all. */
    static final String NONE = "none";

    /** The options the project ships ({@code bin/jvm-options}: lines not starting with {@code #}). */
    static String shippedOptions(Path root) {
        try {
            return Files.readAllLines(root.resolve("bin/jvm-options")).stream()
                    .filter(line -> !line.startsWith("#"))
                    .collect(Collectors.joining(" ")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("bin/jvm-options is where the shipped JVM options are", e);
        }
    }

    static Settings from(String[] args, Map<String, String> environment, Path root) {
        Map<String, String> values = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("BENCH_")) {
                values.put(name.substring(6).toLowerCase().replace('_', '-'), value);
            }
        });
        for (String arg : args) {
            if (arg.equals("--profile")) {
                values.put("profile", "true");
            } else if (arg.startsWith("--") && arg.contains("=")) {
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + " (see bin/benchmark --help)");
            }
        }
        List<String> compare = new ArrayList<>();
        for (String option : values.getOrDefault("compare-java-opts", "").split("\\|")) {
            if (!option.isBlank()) {
                compare.add(options(option));
            }
        }
        return new Settings(
                Integer.parseInt(values.getOrDefault("users", "200")),
                Integer.parseInt(values.getOrDefault("conversations", "1000")),
                Integer.parseInt(values.getOrDefault("messages", "20000")),
                numbers(values.getOrDefault("connections", "16 64 256")),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("duration", "6"))),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("ceiling-duration", "4"))),
                numbers(values.getOrDefault("scales", "1 10 100")),
                options(values.getOrDefault("service-java-opts", shippedOptions(root))),
                compare,
                Boolean.parseBoolean(values.getOrDefault("profile", "false")));
    }

    /** {@code none} is the JVM's defaults: no options. */
    private static String options(String given) {
        return given.trim().equals(NONE) ? "" : given.trim();
    }

    private static List<Integer> numbers(String list) {
        return Arrays.stream(list.trim().split("[\\s,]+")).map(Integer::parseInt).toList();
    }
}
