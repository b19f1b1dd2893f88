package com.cruddur.messaging.bootstrap.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run does, from {@code --name=value} arguments or {@code BENCH_NAME} environment variables (arguments
 * win). Defaults are the sizes and fit a run of under 15 minutes on a 2-core machine.
 *
 * @param users            users in PostgreSQL ({@code --users}, 200)
 * @param conversations    conversations started through the API ({@code --conversations}, 1,000)
 * @param messages         messages in all, first ones included ({@code --messages}, 20,000)
 * @param connections      wrk's connection counts ({@code --connections}, "16 64 256")
 * @param run              one wrk run ({@code --duration}, 7 s)
 * @param ceilingRun       one run of the store's ceiling ({@code --ceiling-duration}, 5 s)
 * @param scales           data sizes of the scaling rows ({@code --scales}, "1 10 100")
 * @param serviceOptions   JVM options of the service for every run ({@code --service-java-opts}, none: as shipped)
 * @param compareOptions   other JVM option sets, separated by {@code |}, started fresh and compared with the
 *                         service's own for start-up, first 20 s and memory ({@code --compare-java-opts})
 * @param profile          record a flight recording of the service per pattern ({@code --profile}, false)
 */
record Settings(int users, int conversations, int messages, List<Integer> connections, Duration run,
                Duration ceilingRun, List<Integer> scales, String serviceOptions, List<String> compareOptions,
                boolean profile) {

    /** Measured here to start faster and to stay smaller; see docs/benchmark.md. */
    static final String RECOMMENDED_OPTIONS = "-XX:+UseSerialGC -Xms64m -Xmx256m -XX:MaxMetaspaceSize=160m "
            + "-XX:ReservedCodeCacheSize=64m -Xss512k";

    static Settings from(String[] args, Map<String, String> environment) {
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
        for (String option : values.getOrDefault("compare-java-opts", RECOMMENDED_OPTIONS).split("\\|")) {
            if (!option.isBlank()) {
                compare.add(option.trim());
            }
        }
        return new Settings(
                Integer.parseInt(values.getOrDefault("users", "200")),
                Integer.parseInt(values.getOrDefault("conversations", "1000")),
                Integer.parseInt(values.getOrDefault("messages", "20000")),
                numbers(values.getOrDefault("connections", "16 64 256")),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("duration", "7"))),
                Duration.ofSeconds(Long.parseLong(values.getOrDefault("ceiling-duration", "5"))),
                numbers(values.getOrDefault("scales", "1 10 100")),
                values.getOrDefault("service-java-opts", ""),
                compare,
                Boolean.parseBoolean(values.getOrDefault("profile", "false")));
    }

    private static List<Integer> numbers(String list) {
        return Arrays.stream(list.trim().split("[\\s,]+")).map(Integer::parseInt).toList();
    }
}
