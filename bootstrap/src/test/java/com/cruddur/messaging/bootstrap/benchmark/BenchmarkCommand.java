package com.cruddur.messaging.bootstrap.benchmark;

import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.concurrent.CompletableFuture;

/**
 * {@code bin/benchmark}: every pattern of the service under load, beside what the store alone can do, in one run
 * on this machine; prints one markdown table and writes it into {@code docs/benchmark.md}. The phases, in order:
 * the service with the stream pump on (seeding through the API, then B, A, C and D under wrk); the store's ceiling
 * for the same calls (the service stopped, so the store has the machine); fresh JVMs with the shipped and the
 * compared JVM options (start-up, the first 20 s, C with the pump off, memory); the scaling data sets; pattern E
 * through the stream handler; the embedded default's start-up.
 */
public final class BenchmarkCommand {

    private static final String TABLE = MessagesTable.DEFAULT_NAME;
    /** Open streams of the live delivery rows, and sends per stream. */
    private static final int LIVE_STREAMS = 100;
    private static final int LIVE_ROUNDS = 3;
    private static final String MAIN_REGION = "bench-main";
    /** A warm-up drives a pattern in windows this long until the JIT compilers work less than this share of one. */
    private static final int WARM_WINDOW_SECONDS = 5;
    private static final double WARM_COMPILING_SHARE = 0.05;

    private final Settings settings;
    private final Path root;
    private final Path out;
    private final Report report;
    private final Wrk wrk;
    private final List<String> notes = new ArrayList<>();
    private final List<String> warmUps = new ArrayList<>();

    private Child store;
    private URI endpoint;
    private TestIssuer issuer;
    private UsersDb users;
    private boolean usersInserted;
    private DataSet data;
    private Map<String, String> tokens;
    private List<String> groups;
    private final Map<String, List<Load.Result>> ceilings = new LinkedHashMap<>();
    private final Map<String, List<Measured>> service = new LinkedHashMap<>();

    /** A wrk run with what the service and the store spent on it. */
    record Measured(Wrk.Run run, double serviceCpuMs, double storeCpuMs, Map<String, Double> units, double load) {
        String cell() {
            return Report.rate(run.perSecond()) + " r/s, p50 " + Report.ms(run.p50()) + ", p99 " + Report.ms(run.p99())
                    + " ms, " + run.errors() + " err (load " + Report.number(load, 1) + ")";
        }
    }

    private BenchmarkCommand(Settings settings, Path root) {
        this.settings = settings;
        this.root = root;
        this.out = root.resolve("bootstrap/target/benchmark");
        List<String> header = new ArrayList<>(List.of("measure"));
        settings.connections().forEach(c -> header.add(c + " connections"));
        this.report = new Report(header);
        this.wrk = new Wrk(out.resolve("wrk"));
    }

    public static void main(String[] args) throws Exception {
        Quiet.logging();
        // --live-only: the live delivery rows alone, written to docs/benchmark-live.md (a few minutes).
        boolean liveOnly = java.util.Arrays.asList(args).contains("--live-only");
        Path root = Path.of(System.getProperty("benchmark.root", ".")).toAbsolutePath().normalize();
        Settings settings = Settings.from(java.util.Arrays.stream(args).filter(arg -> !arg.equals("--live-only"))
                .toArray(String[]::new), System.getenv(), root);
        Files.createDirectories(root.resolve("bootstrap/target/benchmark"));
        Child.recordPidsIn(root.resolve("bootstrap/target/benchmark/pids"));
        long started = System.nanoTime();
        BenchmarkCommand command = new BenchmarkCommand(settings, root);
        try {
            if (liveOnly) {
                command.startStores();
                command.liveDelivery();
            } else {
                command.runAll();
            }
        } finally {
            command.stopAll();
        }
        command.finish((System.nanoTime() - started) / 1e9, liveOnly ? "docs/benchmark-live.md" : "docs/benchmark.md");
        System.exit(0);
    }

    private void runAll() throws IOException {
        startStores();
        withPumpOn();
        storeCeiling();
        freshJvms();
        scaling();
        streamHandler();
        liveDelivery();
        embeddedDefault();
    }

    /**
     * From {@code POST /api/messages} returning to the recipient's stream having the event, at
     * {@link #LIVE_STREAMS} open streams: one instance (in-process fan-out), then two sharing the machine's Redis
     * (streams on one, sends through the other).
     */
    private void liveDelivery() {
        try (Store main = new Store(endpoint, MAIN_REGION, TABLE)) {
            MessagesTable.named(TABLE).create(main.client()).onErrorComplete().block(Duration.ofSeconds(60));
        }
        if (!usersInserted) {
            users.insert(data);
            usersInserted = true;
        }
        List<DataSet.Pair> pairs = LiveLatency.pairsOf(data.users(), LIVE_STREAMS);
        LiveLatency latency = new LiveLatency(tokens);
        double load = loadAverage();
        ServiceProcess one = startService("service (live, in process)", MAIN_REGION, true, settings.serviceOptions());
        try {
            report.row("live delivery, one instance (in-process fan-out): POST answered to event on the "
                    + "recipient's stream, p50 / p99, " + pairs.size() + " open streams",
                    LiveLatency.describe(latency.measure(one.api(), one.api(), pairs, LIVE_ROUNDS)),
                    "load " + Report.number(load, 1));
        } finally {
            one.close();
        }
        List<String> redis = List.of("--cruddur.live.fan-out=redis", "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=6379",
                "--cruddur.live.redis.channel-prefix=cruddur-benchmark-" + java.util.UUID.randomUUID() + ":");
        load = loadAverage();
        ServiceProcess sending = startService("service (live, sending)", MAIN_REGION, true,
                settings.serviceOptions(), redis);
        ServiceProcess receiving = startService("service (live, receiving)", MAIN_REGION, false,
                settings.serviceOptions(), redis);
        try {
            report.row("live delivery, two instances through Redis (127.0.0.1:6379): POST answered on one to event "
                    + "on the other's stream, p50 / p99, " + pairs.size() + " open streams",
                    LiveLatency.describe(new LiveLatency(tokens).measure(sending.api(), receiving.api(), pairs,
                            LIVE_ROUNDS)),
                    "load " + Report.number(load, 1));
        } finally {
            sending.close();
            receiving.close();
        }
    }

    private void startStores() {
        say("starting DynamoDB Local, the test issuer and a fresh PostgreSQL database");
        store = Child.start("DynamoDB Local", List.of(java(), "-cp", System.getProperty("java.class.path"),
                StoreLauncher.class.getName(), "0"), out.resolve("dynamodb-local.log"), null);
        String ready = store.awaitLine(line -> line.startsWith("ready "), Duration.ofSeconds(60));
        endpoint = URI.create("http://127.0.0.1:" + ready.substring("ready ".length()).trim());
        notes.add("DynamoDB Local 2.6.1 runs in a JVM of its own, in memory, on 127.0.0.1 only, one database per "
                + "region: each data set has its own.");
        issuer = TestIssuer.start();
        users = UsersDb.create();
        data = DataSet.plan(settings.users(), settings.conversations(), settings.messages(), 12);
        tokens = new LinkedHashMap<>();
        data.users().forEach(user -> tokens.put(user.handle(), issuer.accessToken(user.subject())));
    }

    private void withPumpOn() {
        try (Store main = new Store(endpoint, MAIN_REGION, TABLE)) {
            MessagesTable.named(TABLE).create(main.client()).block(Duration.ofSeconds(60));
        }
        ServiceProcess service = startService("service (pump on)", MAIN_REGION, true, settings.serviceOptions());
        report.row("start-up to ready, AWS mode, s (first start, pump on)", Report.number(service.startSeconds(), 1));
        users.insert(data);
        usersInserted = true;
        Seeder seeder = new Seeder(service.api(), tokens);
        Seeder.Rate[] started = new Seeder.Rate[1];
        say("seeding " + data.conversations().size() + " conversations through the API (pattern D)");
        groups = seeder.startConversations(data, started);
        say("seeding " + data.sends().size() + " messages through the API (pattern C)");
        Seeder.Rate sent = seeder.sendMessages(data, groups);
        report.row("seeding through the API, " + Seeder.IN_FLIGHT + " in flight: conversations/s (D), messages/s (C)",
                Report.rate(started[0].perSecond()) + " conv/s, " + started[0].errors() + " err",
                Report.rate(sent.perSecond()) + " msg/s, " + sent.errors() + " err (" + seeder.retries()
                        + " answers of 503 retried)",
                data.users().size() + " users, " + data.conversations().size() + " conversations, "
                        + (data.sends().size() + data.conversations().size()) + " messages; largest inbox "
                        + data.largestInbox() + ", largest conversation " + data.largestConversation());
        Path b = wrk.targets("B", data.users().stream()
                .map(user -> tokens.get(user.handle()) + "\t/api/message_groups").toList());
        Path a = wrk.targets("A", memberTargets(i -> "/api/messages/" + groups.get(i)));
        Path c = wrk.targets("C", memberTargets(i -> "{\"message_group_uuid\":\"" + groups.get(i)
                + "\",\"message\":\"" + Texts.text(i) + "\"}"));
        Path d = wrk.targets("D", data.freePairs(40_000, 7).stream().map(pair -> tokens.get(pair.first().handle())
                + "\t{\"handle\":\"" + pair.second().handle() + "\",\"message\":\"" + Texts.text(1) + "\"}").toList());
        // The pump is still moving the seeded messages' inbox rows; the loads below must not pay for that.
        say("waiting for the stream pump to catch up with the seeding");
        long waiting = System.nanoTime();
        settle(service, 600);
        notes.add("After seeding, the stream pump needed " + Report.number((System.nanoTime() - waiting) / 1e9, 0)
                + " s more to move the last inbox rows; the runs start after it.");
        // Seeding compiled C's and D's paths; B's and A's are compiled now, or their rows would count the JIT's work.
        warmUp(service, "B", b, 40);
        warmUp(service, "A", a, 40);
        measurePattern(service, "B", b, false);
        measurePattern(service, "A", a, false);
        measurePattern(service, "C", c, false);
        measurePattern(service, "D", d, true);
        report.row("service peak RSS after the pump-on runs, MB (JVM options: "
                        + (settings.serviceOptions().isBlank() ? "none" : settings.serviceOptions()) + ")",
                Report.number(service.child().residentMb(true), 0));
        service.close();
    }

    /** Lines of a member's token and a conversation-specific rest, one per started conversation. */
    private List<String> memberTargets(IntFunction<String> rest) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i) != null) {
                DataSet.Pair pair = data.conversations().get(i);
                DataSet.User member = i % 2 == 0 ? pair.first() : pair.second();
                lines.add(tokens.get(member.handle()) + "\t" + rest.apply(i));
            }
        }
        java.util.Collections.shuffle(lines, new java.util.Random(3));
        return lines;
    }

    private void measurePattern(ServiceProcess running, String pattern, Path targets, boolean share) {
        List<Measured> runs = new ArrayList<>();
        long used = 0;
        for (int connections : settings.connections()) {
            say(pattern + " at " + connections + " connections");
            boolean record = settings.profile() && connections == 64;
            if (record) {
                running.jcmd("JFR.start", "name=" + pattern);
            }
            Measured measured = measure(running, targets, connections, settings.run(), share, used);
            used += measured.run().requests();
            runs.add(measured);
            if (record) {
                Path file = out.resolve("jfr/" + pattern + ".jfr");
                file.getParent().toFile().mkdirs();
                running.jcmd("JFR.stop", "name=" + pattern, "filename=" + file);
            }
        }
        service.put(pattern, runs);
    }

    private Measured measure(ServiceProcess running, Path targets, int connections, Duration duration) {
        return measure(running, targets, connections, duration, false, 0);
    }

    private Measured measure(ServiceProcess running, Path targets, int connections, Duration duration, boolean share,
                             long skip) {
        double load = loadAverage();
        Map<String, Double> before = running.capacityByPattern();
        double cpu = running.child().cpuMillis();
        double storeCpu = store.cpuMillis();
        Wrk.Run run = wrk.run(running.api(), targets, connections, duration, share, skip);
        // The pump's moves of the run's sends are the sends' cost: wait until it has caught up with them.
        settle(running);
        double serviceCpu = running.child().cpuMillis() - cpu;
        double storeCpuNow = store.cpuMillis() - storeCpu;
        Map<String, Double> units = new LinkedHashMap<>();
        running.capacityByPattern().forEach((pattern, total) ->
                units.put(pattern, (total - before.getOrDefault(pattern, 0.0)) / Math.max(1, run.requests())));
        return new Measured(run, serviceCpu / Math.max(1, run.requests()), storeCpuNow / Math.max(1, run.requests()),
                units, load);
    }

    /**
     * Drives a pattern at 16 connections in windows of {@value #WARM_WINDOW_SECONDS} s until the JIT has compiled
     * its path: until the compilers worked less than {@value #WARM_COMPILING_SHARE} of a window, or for at most
     * {@code maxSeconds}. What it took, and the last window's CPU time per request, go into the notes.
     */
    private void warmUp(ServiceProcess running, String pattern, Path targets, int maxSeconds) {
        say("warming up " + pattern + " until the JIT has compiled its path (at most " + maxSeconds + " s)");
        double perRequest = Double.NaN;
        int seconds = 0;
        boolean compiled = false;
        while (seconds < maxSeconds && !compiled) {
            double cpu = running.child().cpuMillis();
            double compiling = running.compilationMillis();
            Wrk.Run window = wrk.run(running.api(), targets, 16, Duration.ofSeconds(WARM_WINDOW_SECONDS));
            perRequest = (running.child().cpuMillis() - cpu) / Math.max(1, window.requests());
            compiled = running.compilationMillis() - compiling < WARM_COMPILING_SHARE * WARM_WINDOW_SECONDS * 1000;
            seconds += WARM_WINDOW_SECONDS;
        }
        warmUps.add(pattern + " " + seconds + " s" + (compiled ? "" : " (still compiling)") + ", "
                + Report.number(perRequest, 2) + " ms");
    }

    /** Waits (up to a minute) until the stream pump has made no move for a second. */
    private static void settle(ServiceProcess running) {
        settle(running, 60);
    }

    private static void settle(ServiceProcess running, int maxSeconds) {
        double moves = running.capacityByPattern().getOrDefault("E", 0.0);
        for (int second = 0; second < maxSeconds; second++) {
            Child.sleep(Duration.ofSeconds(1));
            double now = running.capacityByPattern().getOrDefault("E", 0.0);
            if (now == moves) {
                return;
            }
            moves = now;
        }
    }

    private void storeCeiling() {
        try (Store main = new Store(endpoint, MAIN_REGION, TABLE)) {
            StoreCeiling ceiling = new StoreCeiling(main, data, groups);
            int most = settings.connections().stream().mapToInt(Integer::intValue).max().orElse(16);
            ceiling.prepareMoves(most);
            Map<String, IntFunction<CompletableFuture<?>>> patterns = new LinkedHashMap<>();
            patterns.put("B", ceiling::listGroups);
            patterns.put("A", ceiling::listMessages);
            patterns.put("C", worker -> ceiling.send(worker, true));
            patterns.put("C pump off", worker -> ceiling.send(worker, false));
            patterns.put("D", ceiling::startConversation);
            patterns.forEach((pattern, request) -> {
                say("store ceiling of " + pattern);
                Load.run(16, Duration.ofSeconds(2), request);
                List<Load.Result> results = new ArrayList<>();
                for (int connections : settings.connections()) {
                    results.add(Load.run(connections, settings.ceilingRun(), request));
                }
                ceilings.put(pattern, results);
            });
            Map<String, Double> reference = ReferenceCost.measure(main, data, groups);
            report.row("(rows below: for each pattern the service under wrk, then the store alone at the same "
                    + "concurrency, their ratio, CPU and capacity per request)");
            for (String pattern : List.of("B", "A", "C", "D")) {
                patternRows(pattern, reference);
            }
        }
    }

    private void patternRows(String pattern, Map<String, Double> reference) {
        List<Measured> runs = service.get(pattern);
        List<Load.Result> ceiling = ceilings.get(pattern);
        String name = switch (pattern) {
            case "B" -> "B list my conversations";
            case "A" -> "A list a conversation's messages";
            case "C" -> "C send into a conversation (stream pump on; the ceiling makes a move per message, the pump coalesces)";
            default -> "D start a conversation";
        };
        report.row(name + ": service", runs.stream().map(Measured::cell).toArray(String[]::new));
        report.row(pattern + ": store ceiling (its DynamoDB calls, SDK straight)", ceiling.stream()
                .map(r -> Report.rate(r.perSecond()) + " r/s, p50 " + Report.ms(r.p50()) + ", p99 "
                        + Report.ms(r.p99()) + " ms, " + r.errors() + " err").toArray(String[]::new));
        String[] ratios = new String[runs.size()];
        String[] cpu = new String[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            ratios[i] = Report.ratio(runs.get(i).run().perSecond() / ceiling.get(i).perSecond());
            cpu[i] = Report.number(runs.get(i).serviceCpuMs(), 2) + " (store " + Report.number(runs.get(i).storeCpuMs(), 2)
                    + ")";
        }
        report.row("**" + pattern + ": service / ceiling**", ratios);
        report.row(pattern + ": service CPU ms per request (store's)", cpu);
        // Everything the request caused, whichever pattern tagged it (the pump's moves are E; its reads of a
        // conversation are tagged by the adapter's own default).
        Map<String, Double> units = runs.get(0).units();
        double total = units.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder parts = new StringBuilder();
        units.forEach((tag, each) -> {
            if (each >= 0.005) {
                parts.append(parts.isEmpty() ? "" : " + ").append(tag).append(' ').append(Report.number(each, 2));
            }
        });
        report.row(pattern + ": capacity units per request, ours (by pattern tag) / the reference's",
                Report.number(total, 2) + " (" + parts + ") / " + Report.number(reference.get(pattern), 2));
    }

    private void freshJvms() {
        List<String> options = new ArrayList<>();
        options.add(settings.serviceOptions());
        options.addAll(settings.compareOptions());
        Path b = out.resolve("wrk/B.targets");
        Path c = out.resolve("wrk/C.targets");
        Path a = out.resolve("wrk/A.targets");
        for (int v = 0; v < options.size(); v++) {
            String option = options.get(v);
            String label = option.isBlank() ? "no JVM options (the JVM's defaults)"
                    : "`" + option + "`" + (option.equals(Settings.shippedOptions(root)) ? " (as shipped)" : "");
            ServiceProcess fresh = startService("service " + (v + 1), MAIN_REGION, false, option);
            Measured first = measure(fresh, b, 16, Duration.ofSeconds(20));
            warmUp(fresh, "B (JVM " + (v + 1) + ")", b, 60);
            Measured warm = measure(fresh, b, 16, Duration.ofSeconds(10));
            if (v == 0) {
                // A fresh JVM: C's path must be compiled before its CPU per request is counted (the
                // pump-on rows ran in a JVM warmed by two minutes of seeding).
                warmUp(fresh, "C (pump off)", c, 60);
                List<Measured> pumpOff = new ArrayList<>();
                for (int connections : settings.connections()) {
                    say("C with the pump off at " + connections + " connections");
                    pumpOff.add(measure(fresh, c, connections, settings.run()));
                }
                service.put("C pump off", pumpOff);
                List<Load.Result> ceiling = ceilings.get("C pump off");
                report.row("C send, stream pump off (E left to the Lambda): service",
                        pumpOff.stream().map(Measured::cell).toArray(String[]::new));
                report.row("C pump off: store ceiling", ceiling.stream().map(r -> Report.rate(r.perSecond())
                        + " r/s, p99 " + Report.ms(r.p99()) + " ms").toArray(String[]::new));
                String[] ratio = new String[pumpOff.size()];
                for (int i = 0; i < ratio.length; i++) {
                    ratio[i] = Report.ratio(pumpOff.get(i).run().perSecond() / ceiling.get(i).perSecond()) + ", CPU "
                            + Report.number(pumpOff.get(i).serviceCpuMs(), 2) + " ms/req, "
                            + Report.number(pumpOff.get(i).units().getOrDefault("C", 0.0), 2) + " units/req";
                }
                report.row("**C pump off: service / ceiling**, CPU, units", ratio);
            }
            measure(fresh, a, 64, settings.run());
            report.row("JVM " + label + ": start-up s; B at 16 conn, first 20 s / warm r/s (ratio)",
                    Report.number(fresh.startSeconds(), 1),
                    Report.rate(first.run().perSecond()) + " / " + Report.rate(warm.run().perSecond()) + " ("
                            + Report.ratio(first.run().perSecond() / warm.run().perSecond()) + "), p99 "
                            + Report.ms(first.run().p99()) + " / " + Report.ms(warm.run().p99()) + " ms",
                    "peak RSS " + Report.number(fresh.child().residentMb(true), 0) + " MB (after A at 64 conn)");
            fresh.close();
        }
    }

    private void scaling() {
        String region = "bench-scale";
        long[] written = new long[1];
        long started = System.nanoTime();
        List<ScaleData.Sample> samples;
        try (Store scaled = new Store(endpoint, region, TABLE)) {
            say("bulk-seeding the scaling data (" + settings.scales() + "x)");
            samples = ScaleData.seed(scaled, data, settings.scales(), 5, written);
        }
        double seedSeconds = (System.nanoTime() - started) / 1e9;
        ServiceProcess running = startService("service for scaling", region, false, settings.serviceOptions());
        warmUp(running, samples);
        List<Path> bTargets = new ArrayList<>();
        List<Path> aTargets = new ArrayList<>();
        List<Wrk.Run> bRuns = new ArrayList<>();
        List<Wrk.Run> aRuns = new ArrayList<>();
        for (ScaleData.Sample sample : samples) {
            int scale = sample.scale();
            bTargets.add(wrk.targets("B-" + scale, sample.readers().stream()
                    .map(user -> tokens.get(user.handle()) + "\t/api/message_groups").toList()));
            List<String> aLines = new ArrayList<>();
            for (int i = 0; i < sample.conversations().size(); i++) {
                aLines.add(tokens.get(sample.members().get(i).handle()) + "\t/api/messages/"
                        + sample.conversations().get(i));
            }
            aTargets.add(wrk.targets("A-" + scale, aLines));
            bRuns.add(wrk.run(running.api(), bTargets.get(bTargets.size() - 1), 16, settings.run()));
            aRuns.add(wrk.run(running.api(), aTargets.get(aTargets.size() - 1), 16, settings.run()));
        }
        // The first scale once more, last: a JVM still warming serves the later scales faster, and the mean of the
        // first scale measured first and last brackets that trend.
        Wrk.Run bAgain = wrk.run(running.api(), bTargets.get(0), 16, settings.run());
        Wrk.Run aAgain = wrk.run(running.api(), aTargets.get(0), 16, settings.run());
        double bBase = (bRuns.get(0).p50() + bAgain.p50()) / 2;
        double aBase = (aRuns.get(0).p50() + aAgain.p50()) / 2;
        List<String> aCells = new ArrayList<>();
        List<String> bCells = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            aCells.add(scaleCell(samples.get(i).scale(), aRuns.get(i), aBase));
            bCells.add(scaleCell(samples.get(i).scale(), bRuns.get(i), bBase));
        }
        running.close();
        report.row("A at " + scalesLabel() + " data, 16 connections (p50 / the first scale's, measured first and last)",
                aCells.toArray(String[]::new));
        report.row("B at " + scalesLabel() + " data, 16 connections (p50 / the first scale's, measured first and last)",
                bCells.toArray(String[]::new));
        notes.add("Scaling data: " + Report.rate(written[0]) + " items bulk-seeded in " + Report.number(seedSeconds, 0)
                + " s into one table without a stream; at scale k, 16 users read hold about " + ScaleData.BASE_INBOX
                + "k conversations and 16 conversations read hold " + ScaleData.BASE_CONVERSATION + "k messages, "
                + "beside a base-sized rest of the table (see ScaleData).");
    }

    /** A fresh JVM: B and A over every scale's targets first, so the first scale is not measured cold. */
    private void warmUp(ServiceProcess running, List<ScaleData.Sample> samples) {
        List<String> b = new ArrayList<>();
        List<String> a = new ArrayList<>();
        for (ScaleData.Sample sample : samples) {
            sample.readers().forEach(user -> b.add(tokens.get(user.handle()) + "\t/api/message_groups"));
            for (int i = 0; i < sample.conversations().size(); i++) {
                a.add(tokens.get(sample.members().get(i).handle()) + "\t/api/messages/" + sample.conversations().get(i));
            }
        }
        warmUp(running, "B (scaling)", wrk.targets("B-warm-up", b), 20);
        warmUp(running, "A (scaling)", wrk.targets("A-warm-up", a), 20);
    }

    private String scalesLabel() {
        return String.join(" / ", settings.scales().stream().map(k -> k + "x").toList());
    }

    private static String scaleCell(int scale, Wrk.Run run, double baseP50) {
        return scale + "x: p50 " + Report.ms(run.p50()) + " (" + Report.ratio(run.p50() / baseP50) + "), p99 "
                + Report.ms(run.p99()) + " ms, " + Report.rate(run.perSecond()) + " r/s, " + run.errors() + " err";
    }

    private void streamHandler() {
        say("pattern E through the stream handler");
        String region = "bench-e";
        RecordedBatches batches = RecordedBatches.load(root.resolve(RecordedBatches.HUNDRED_MESSAGES));
        try (Store moves = new Store(endpoint, region, TABLE)) {
            moves.client().createTable(MessagesTable.named(TABLE).createTableRequest().toBuilder()
                    .streamSpecification((software.amazon.awssdk.services.dynamodb.model.StreamSpecification) null)
                    .build()).join();
            StreamHandlerRun.createConversations(moves, batches);
        }
        StreamHandlerRun.Result result = StreamHandlerRun.measure(endpoint, region, TABLE, batches,
                Duration.ofSeconds(6));
        StringBuilder calls = new StringBuilder();
        result.callsPerBatch().forEach((operation, count) -> calls.append(calls.isEmpty() ? "" : ", ")
                .append(operation).append(' ').append(Report.number(count, 1)));
        List<String> cold = new ArrayList<>();
        for (int sample = 0; sample < 3; sample++) {
            String output = Child.run(List.of(java(), "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                    "-Daws.accessKeyId=local", "-Daws.secretAccessKey=local", "-cp", System.getProperty("java.class.path"),
                    StreamHandlerRun.class.getName(), endpoint.toString(), region, TABLE,
                    root.resolve(RecordedBatches.HUNDRED_MESSAGES).toString(),
                    Long.toString(3_000_000_000L + sample * 3600L)), Duration.ofSeconds(60));
            String line = output.lines().filter(l -> l.startsWith("COLD ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("cold start failed: " + output));
            cold.add(line.split(" ")[1]);
        }
        report.row("E stream handler, recorded batch of 100 messages in 10 conversations",
                Report.rate(result.recordsPerSecond()) + " records/s, " + result.failures() + " failures",
                "per batch: " + calls + "; " + Report.number(result.writtenItemsPerBatch(), 0) + " items written, "
                        + Report.number(result.unitsPerBatch(), 0) + " units",
                "cold init (construct + first batch, fresh JVM, no SnapStart): " + String.join(", ", cold) + " ms");
    }

    private void embeddedDefault() throws IOException {
        say("embedded default start-up (bin/cruddur): the first start after the build makes the class-data archive");
        double first = embeddedStart(null);
        double[] second = new double[2];
        say("embedded default start-up (bin/cruddur), with the archive");
        second[0] = embeddedStart(second);
        report.row("start-up to ready, embedded default (bin/cruddur, fresh data folder), s",
                Report.number(second[0], 1) + " (the first start after the build, which makes the class-data "
                        + "archive: " + Report.number(first, 1) + ")",
                "RSS " + Report.number(second[1], 0) + " MB idle");
    }

    /** Seconds to the ready line of bin/cruddur in a fresh data folder; its idle RSS into {@code rss[1]}. */
    private double embeddedStart(double[] rss) throws IOException {
        Path folder = Files.createTempDirectory("cruddur-benchmark-embedded");
        int port = ServiceProcess.freePort();
        long started = System.nanoTime();
        Child embedded = Child.start("embedded default", List.of(root.resolve("bin/cruddur").toString(),
                        "--server.port=" + port, "--cruddur.dynamodb.embedded.port=0"),
                out.resolve("embedded.log"), folder);
        try {
            embedded.awaitLine(line -> line.contains("is ready on"), Duration.ofSeconds(300));
            double seconds = (System.nanoTime() - started) / 1e9;
            if (rss != null) {
                rss[1] = embedded.residentMb(false);
            }
            return seconds;
        } finally {
            embedded.close();
            deleteTree(folder);
        }
    }

    private ServiceProcess startService(String name, String region, boolean pump, String options) {
        return startService(name, region, pump, options, List.of());
    }

    private ServiceProcess startService(String name, String region, boolean pump, String options,
                                        List<String> moreArguments) {
        say("starting the " + name);
        return ServiceProcess.start(name, new ServiceProcess.Target(root.resolve("bootstrap/target/cruddur-messaging.jar"),
                options, endpoint, region, TABLE, pump, issuer.jwksUrl(), users.url()),
                out.resolve(name.replaceAll("[^a-z0-9]+", "-") + ".log"), moreArguments);
    }

    private void stopAll() {
        if (store != null) {
            store.close();
        }
        if (issuer != null) {
            issuer.close();
        }
        if (users != null) {
            users.close();
        }
    }

    private void finish(double seconds, String file) {
        String commandLine = System.getProperty("benchmark.command", "bin/benchmark");
        String machine = Child.run(List.of("bash", "-c", "echo \"$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo"
                + " | cut -d: -f2 | xargs)), $(( $(grep MemTotal /proc/meminfo | tr -s ' ' | cut -d' ' -f2) / 1024"
                + " )) MB, $(uname -sr), Java " + System.getProperty("java.version") + "\""), Duration.ofSeconds(10));
        String commit = Child.run(List.of("git", "-C", root.toString(), "describe", "--always", "--dirty"),
                Duration.ofSeconds(10));
        notes.add(0, "Each cell: requests/s, latency p50 and p99 in ms, errors (non-2xx and socket errors), and the "
                + "1-minute load average just before the run (other builds share this machine). wrk runs "
                + settings.run().toSeconds() + " s per cell with " + Wrk.THREADS + " threads; the store's ceiling "
                + settings.ceilingRun().toSeconds() + " s per cell from one SDK client in this JVM.");
        notes.add("Warm-ups before the measured runs (16 connections, in " + WARM_WINDOW_SECONDS + " s windows until"
                + " the JIT compilers worked less than " + Math.round(WARM_COMPILING_SHARE * 100) + "% of a window;"
                + " the last window's CPU per request): "
                + String.join("; ", warmUps) + ".");
        notes.add("Whole run: " + Report.number(seconds / 60, 1) + " minutes (after the build).");
        StringBuilder text = new StringBuilder();
        notes.forEach(note -> text.append("- ").append(note).append('\n'));
        System.out.println();
        System.out.println(report.table());
        notes.forEach(note -> System.out.println("- " + note));
        report.write(root.resolve(file), commandLine, machine.trim(), commit.trim(), text.toString());
        System.out.println("\nwritten to " + file);
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void say(String what) {
        System.err.printf(Locale.ROOT, "[benchmark %tT] %s%n", System.currentTimeMillis(), what);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
