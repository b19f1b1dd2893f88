package com.cruddur.messaging.bootstrap.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a flight recording of {@code bin/benchmark --profile} and prints where the CPU samples went: by thread
 * pool, by the library of the hottest frame, the hottest methods (self and total), allocation by class, contended
 * monitors and GC pauses. {@code java -cp <benchmark classpath> ...ProfileSummary file.jfr [rows]}.
 */
public final class ProfileSummary {

    private static final List<String[]> AREAS = List.of(
            new String[] {"com.cruddur.", "ours (com.cruddur)"},
            new String[] {"software.amazon.awssdk.", "AWS SDK"},
            new String[] {"io.netty.", "Netty"},
            new String[] {"reactor.netty.", "Reactor Netty"},
            new String[] {"reactor.", "Reactor"},
            new String[] {"org.springframework.security.", "Spring Security"},
            new String[] {"org.springframework.", "Spring (web, core)"},
            new String[] {"com.nimbusds.", "Nimbus JOSE (JWT)"},
            new String[] {"tools.jackson.", "Jackson 3"},
            new String[] {"com.fasterxml.jackson.", "Jackson 2"},
            new String[] {"io.r2dbc.", "R2DBC"},
            new String[] {"io.micrometer.", "Micrometer"},
            new String[] {"ch.qos.logback.", "Logback"},
            new String[] {"sun.security.", "JDK crypto"},
            new String[] {"java.", "JDK"},
            new String[] {"jdk.", "JDK"},
            new String[] {"sun.", "JDK"});

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        Map<String, Long> areas = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> allocations = new HashMap<>();
        Map<String, Long> monitors = new HashMap<>();
        long samples = 0;
        long gcPauseNanos = 0;
        long gcs = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    threads.merge(pool(event.getThread("sampledThread").getJavaName()), 1L, Long::sum);
                    List<RecordedFrame> frames = stack.getFrames();
                    self.merge(name(frames.get(0)), 1L, Long::sum);
                    areas.merge(area(frames), 1L, Long::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame frame : frames) {
                        String method = name(frame);
                        if (seen.add(method)) {
                            total.merge(method, 1L, Long::sum);
                        }
                    }
                }
                case "jdk.ObjectAllocationSample" -> allocations.merge(
                        event.getClass("objectClass").getName(), event.getLong("weight"), Long::sum);
                case "jdk.JavaMonitorEnter" -> monitors.merge(event.getClass("monitorClass").getName(),
                        event.getDuration().toNanos(), Long::sum);
                case "jdk.GarbageCollection" -> {
                    gcs++;
                    gcPauseNanos += event.getDuration("sumOfPauses").toNanos();
                }
                default -> { }
            }
        }
        System.out.printf("%s: %d CPU samples, %d GCs, %.0f ms of GC pauses%n", args[0], samples, gcs,
                gcPauseNanos / 1e6);
        print("samples by thread pool", threads, samples, rows);
        print("samples by library of the hottest frame outside the JDK", areas, samples, rows);
        print("hottest methods (self)", self, samples, rows);
        print("hottest methods (on the stack)", total, samples, rows * 2);
        long allocated = allocations.values().stream().mapToLong(Long::longValue).sum();
        print("allocation by class (sampled weight)", allocations, allocated, rows);
        print("contended monitors (ns blocked)", monitors, monitors.values().stream().mapToLong(Long::longValue).sum(),
                rows);
    }

    /** The library of the first frame outside the JDK (what called into the JDK), or the JDK itself. */
    private static String area(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            String area = areaOf(type);
            if (!area.equals("JDK")) {
                return area;
            }
        }
        return "JDK";
    }

    private static String areaOf(String type) {
        for (String[] area : AREAS) {
            if (type.startsWith(area[0])) {
                return area[1];
            }
        }
        return type.contains(".") ? type.substring(0, type.indexOf('.', type.indexOf('.') + 1) + 1) + "*" : type;
    }

    private static String pool(String thread) {
        return thread == null ? "?" : thread.replaceAll("[-#]?\\d+", "-N");
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Long> counts, long whole, int rows) {
        System.out.println("\n" + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(rows)
                .forEach(entry -> System.out.printf("  %5.1f%%  %s%n", 100.0 * entry.getValue() / Math.max(1, whole),
                        entry.getKey()));
    }
}
