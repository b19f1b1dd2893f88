package com.cruddur.messaging.bootstrap.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Live delivery latency: {@code streams} recipients hold {@code GET /api/events} on the receiving instance; their
 * partners send through the sending instance (the same one, or another sharing Redis), one send at a time in turn;
 * each measure is from the moment the send's {@code POST /api/messages} returned to the moment the recipient's
 * stream had the event (zero when the event came first: it is announced before the send answers).
 */
final class LiveLatency {

    private static final Pattern UUID = Pattern.compile("\"uuid\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern GROUP = Pattern.compile("\"message_group_uuid\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Duration WAIT = Duration.ofSeconds(30);

    record Result(int streams, int sends, double p50Ms, double p99Ms, int beforeAnswer, int lost) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens;
    /** When each message uuid reached its recipient's stream, in nanoseconds. */
    private final Map<String, Long> arrived = new ConcurrentHashMap<>();

    LiveLatency(Map<String, String> tokensByHandle) {
        this.tokens = tokensByHandle;
    }

    /** Pairs of (sender, recipient) handles, one stream per recipient; {@code rounds} sends per pair. */
    Result measure(URI sending, URI receiving, List<DataSet.Pair> pairs, int rounds) {
        List<String> groups = new ArrayList<>();
        for (DataSet.Pair pair : pairs) {
            groups.add(match(GROUP, post(sending, pair.first().handle(), "{\"handle\":\"" + pair.second().handle()
                    + "\",\"message\":\"opening\"}")));
        }
        AtomicInteger open = new AtomicInteger();
        List<CompletableFuture<Void>> streams = pairs.stream()
                .map(pair -> stream(receiving, pair.second().handle(), open)).toList();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (open.get() < pairs.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(open.get() + " of " + pairs.size() + " streams opened");
            }
            Child.sleep(Duration.ofMillis(20));
        }
        List<Double> latencies = new ArrayList<>();
        int before = 0;
        int lost = 0;
        try {
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < pairs.size(); i++) {
                    String uuid = match(UUID, post(sending, pairs.get(i).first().handle(),
                            "{\"message_group_uuid\":\"" + groups.get(i) + "\",\"message\":\"live " + round + "\"}"));
                    long answered = System.nanoTime();
                    Long at = awaitArrival(uuid);
                    if (at == null) {
                        lost++;
                    } else {
                        before += at <= answered ? 1 : 0;
                        latencies.add(Math.max(0, at - answered) / 1e6);
                    }
                }
            }
        } finally {
            streams.forEach(stream -> stream.cancel(true));
        }
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Result(pairs.size(), sorted.length + lost, percentile(sorted, 0.50), percentile(sorted, 0.99),
                before, lost);
    }

    private Long awaitArrival(String uuid) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Long at;
        while ((at = arrived.get(uuid)) == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return at;
    }

    private CompletableFuture<Void> stream(URI api, String handle, AtomicInteger open) {
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/api/events"))
                .header("Authorization", "Bearer " + tokens.get(handle))
                .header("Accept", "text/event-stream").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/events answered " + response.statusCode());
            }
            open.incrementAndGet();
            try (Stream<String> lines = response.body()) {
                lines.filter(line -> line.startsWith("data:")).forEach(line -> {
                    long now = System.nanoTime();
                    Matcher uuid = UUID.matcher(line);
                    if (uuid.find()) {
                        arrived.putIfAbsent(uuid.group(1), now);
                    }
                });
            }
        });
    }

    private String post(URI api, String handle, String json) {
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/api/messages")).timeout(WAIT)
                .header("Authorization", "Bearer " + tokens.get(handle))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST /api/messages answered " + response.statusCode() + " "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body);
        }
        return matcher.group(1);
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static String describe(Result result) {
        return Report.ms(result.p50Ms()) + " / " + Report.ms(result.p99Ms()) + " ms (" + result.sends() + " sends, "
                + result.beforeAnswer() + " arrived before the answer, " + result.lost() + " lost)";
    }

    static List<DataSet.Pair> pairsOf(List<DataSet.User> users, int streams) {
        int count = Math.min(streams, users.size() / 2);
        List<DataSet.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pairs.add(new DataSet.Pair(users.get(2 * i), users.get(2 * i + 1)));
        }
        return pairs;
    }
}
