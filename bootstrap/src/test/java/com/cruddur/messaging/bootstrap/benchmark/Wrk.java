package com.cruddur.messaging.bootstrap.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (Debian's package) driving one pattern: each request takes the next line of a targets file, a token and a
 * path (GET) or a JSON body (POST /api/messages), so requests rotate over users and conversations. Each wrk thread
 * starts at its own offset and, for D, uses only its own share of the lines (a pair starts one conversation),
 * skipping as many lines as earlier runs may have used.
 */
final class Wrk {

    static final int THREADS = 2;

    private static final String SCRIPT = """
            -- Rotates over the targets file given after "--": lines "token<TAB>path" (GET) or "token<TAB>json" (POST).
            local counter = 0
            function setup(thread)
              thread:set("id", counter)
              counter = counter + 1
            end
            local targets = {}
            local position = 0
            function init(args)
              local share = args[2] == "share"
              local n = 0
              for line in io.lines(args[1]) do
                local token, rest = line:match("^([^\\t]+)\\t(.*)$")
                if token and (not share or n % %THREADS% == id) then
                  targets[#targets + 1] = { token, rest }
                end
                n = n + 1
              end
              if share then
                position = tonumber(args[3]) % #targets
              else
                position = (id * 7919) % #targets
              end
            end
            function request()
              position = position % #targets + 1
              local target = targets[position]
              local headers = { ["Authorization"] = "Bearer " .. target[1] }
              if target[2]:sub(1, 1) == "/" then
                return wrk.format("GET", target[2], headers)
              end
              headers["Content-Type"] = "application/json"
              return wrk.format("POST", "/api/messages", headers, target[2])
            end
            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d status=%d socket=%d\\n",
                summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
                e.status, e.connect + e.read + e.write + e.timeout))
            end
            """.replace("%THREADS%", Integer.toString(THREADS));
    private static final Pattern RESULT = Pattern.compile(
            "RESULT requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p99_us=(\\d+) status=(\\d+) socket=(\\d+)");

    /** One wrk run: throughput, latency (ms) and errors (non-2xx answers plus socket errors and timeouts). */
    record Run(long requests, double seconds, double p50, double p99, long errors) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private final Path script;
    private final Path folder;

    Wrk(Path folder) {
        this.folder = folder;
        this.script = folder.resolve("rotate.lua");
        try {
            Files.createDirectories(folder);
            Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a targets file (lines of token TAB path-or-json) for later runs. */
    Path targets(String name, List<String> lines) {
        Path file = folder.resolve(name + ".targets");
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Runs wrk for {@code duration} at {@code connections}, each thread at its own offset in the lines. */
    Run run(URI api, Path targets, int connections, Duration duration) {
        return run(api, targets, connections, duration, false, 0);
    }

    /**
     * With {@code share}, the lines are split between wrk's threads and each starts {@code skip} lines into its
     * share: pass the requests of the earlier runs on the same file, so no line is used twice.
     */
    Run run(URI api, Path targets, int connections, Duration duration, boolean share, long skip) {
        List<String> command = List.of("wrk", "-t" + THREADS, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "10s", "-s", script.toString(), api.toString(), "--", targets.toString(),
                share ? "share" : "all", Long.toString(skip));
        String output = Child.run(command, duration.plusSeconds(60));
        Matcher result = RESULT.matcher(output);
        if (!result.find()) {
            throw new IllegalStateException("wrk gave no result: " + output);
        }
        return new Run(Long.parseLong(result.group(1)), Long.parseLong(result.group(2)) / 1e6,
                Long.parseLong(result.group(3)) / 1000.0, Long.parseLong(result.group(4)) / 1000.0,
                Long.parseLong(result.group(5)) + Long.parseLong(result.group(6)));
    }
}
