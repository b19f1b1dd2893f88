package com.cruddur.messaging.bootstrap.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds the data set through the service's own write path, as users would: each conversation started by a message
 * to a handle (pattern D), then the other messages sent into their conversations (pattern C), a bounded number of
 * requests in flight. Reports the rates.
 */
final class Seeder {

    static final int IN_FLIGHT = 32;
    private static final Pattern GROUP = Pattern.compile("\"message_group_uuid\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    record Rate(int requests, int errors, double seconds) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI messages;
    private final Map<String, String> tokens;
    private final AtomicInteger retries = new AtomicInteger();

    Seeder(URI api, Map<String, String> tokensByHandle) {
        this.messages = api.resolve("/api/messages");
        this.tokens = tokensByHandle;
    }

    /** Starts every conversation; the group uuids come back in the data set's order (null where one failed). */
    List<String> startConversations(DataSet data, Rate[] rate) {
        List<String> groups = new ArrayList<>(java.util.Collections.nCopies(data.conversations().size(), null));
        rate[0] = run(data.conversations().size(), i -> {
            DataSet.Pair pair = data.conversations().get(i);
            return post(pair.first().handle(), "{\"handle\":\"" + pair.second().handle() + "\",\"message\":\""
                    + Texts.text(i) + "\"}").thenApply(body -> {
                        Matcher group = GROUP.matcher(body);
                        if (!group.find()) {
                            throw new IllegalStateException("no message_group_uuid in " + body);
                        }
                        groups.set(i, group.group(1));
                        return body;
                    });
        });
        return groups;
    }

    Rate sendMessages(DataSet data, List<String> groups) {
        return run(data.sends().size(), i -> {
            DataSet.Send send = data.sends().get(i);
            String group = groups.get(send.conversation());
            if (group == null) {
                return CompletableFuture.failedFuture(new IllegalStateException("conversation was not started"));
            }
            return post(send.sender().handle(), "{\"message_group_uuid\":\"" + group + "\",\"message\":\""
                    + Texts.text(i) + "\"}");
        });
    }

    private Rate run(int count, IntFunction<CompletableFuture<String>> request) {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>(count);
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            slots.acquireUninterruptibly();
            all.add(request.apply(i).whenComplete((body, failure) -> {
                if (failure != null) {
                    errors.incrementAndGet();
                }
                slots.release();
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
        return new Rate(count, errors.get(), (System.nanoTime() - started) / 1e9);
    }

    /**
     * A request the service answered 503 (the store did not answer in time: a cold DynamoDB Local on a busy
     * machine) is sent again, twice at most; what still fails counts as an error.
     */
    private CompletableFuture<String> post(String handle, String json) {
        return attempt(handle, json, 1);
    }

    private CompletableFuture<String> attempt(String handle, String json, int attempt) {
        return once(handle, json).handle((body, failure) -> failure == null
                        ? CompletableFuture.completedFuture(body)
                        : attempt < 3 && String.valueOf(failure.getMessage()).contains("503")
                        ? CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(
                                500, java.util.concurrent.TimeUnit.MILLISECONDS))
                                .thenCompose(pause -> retried(handle, json, attempt))
                        : CompletableFuture.<String>failedFuture(failure))
                .thenCompose(next -> next);
    }

    private CompletableFuture<String> retried(String handle, String json, int attempt) {
        retries.incrementAndGet();
        return attempt(handle, json, attempt + 1);
    }

    int retries() {
        return retries.get();
    }

    private CompletableFuture<String> once(String handle, String json) {
        HttpRequest request = HttpRequest.newBuilder(messages)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.get(handle))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return response.body();
        });
    }
}
