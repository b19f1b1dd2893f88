package com.cruddur.messaging.bootstrap.benchmark;

import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's stores and a seeded data set kept running, for measuring by hand: starts DynamoDB Local, the test
 * issuer and a PostgreSQL database, seeds a small data set through one service (pump on), writes wrk's targets
 * (A, B, C) and, in {@code lab.env}, what another service needs to start against them, then waits until stdin
 * closes. {@code java ... Lab <folder> <users> <conversations> <messages>}
 */
public final class Lab {

    public static void main(String[] args) throws Exception {
        Quiet.logging();
        Path folder = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(folder);
        Child.recordPidsIn(folder.resolve("pids"));
        Child store = Child.start("DynamoDB Local", List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), StoreLauncher.class.getName(), "0"),
                folder.resolve("dynamodb-local.log"), null);
        String ready = store.awaitLine(line -> line.startsWith("ready "), Duration.ofSeconds(60));
        URI endpoint = URI.create("http://127.0.0.1:" + ready.substring("ready ".length()).trim());
        TestIssuer issuer = TestIssuer.start();
        UsersDb users = UsersDb.create();
        DataSet data = DataSet.plan(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), 12);
        Map<String, String> tokens = new LinkedHashMap<>();
        data.users().forEach(user -> tokens.put(user.handle(), issuer.accessToken(user.subject())));
        String region = "lab";
        try (Store main = new Store(endpoint, region, MessagesTable.DEFAULT_NAME)) {
            MessagesTable.named(MessagesTable.DEFAULT_NAME).create(main.client()).block(Duration.ofSeconds(60));
        }
        ServiceProcess.Target target = new ServiceProcess.Target(Path.of(System.getProperty("lab.jar")),
                System.getProperty("lab.opts", ""), endpoint, region, MessagesTable.DEFAULT_NAME, true,
                issuer.jwksUrl(), users.url());
        ServiceProcess service = ServiceProcess.start("seeding", target, folder.resolve("seeding.log"));
        users.insert(data);
        Seeder seeder = new Seeder(service.api(), tokens);
        Seeder.Rate[] started = new Seeder.Rate[1];
        List<String> groups = seeder.startConversations(data, started);
        seeder.sendMessages(data, groups);
        Wrk wrk = new Wrk(folder);
        wrk.targets("B", data.users().stream().map(user -> tokens.get(user.handle()) + "\t/api/message_groups").toList());
        List<String> a = new ArrayList<>();
        List<String> c = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i) != null) {
                DataSet.Pair pair = data.conversations().get(i);
                String token = tokens.get((i % 2 == 0 ? pair.first() : pair.second()).handle());
                a.add(token + "\t/api/messages/" + groups.get(i));
                c.add(token + "\t{\"message_group_uuid\":\"" + groups.get(i) + "\",\"message\":\"" + Texts.text(i) + "\"}");
            }
        }
        java.util.Collections.shuffle(a, new java.util.Random(3));
        java.util.Collections.shuffle(c, new java.util.Random(3));
        wrk.targets("A", a);
        wrk.targets("C", c);
        Child.sleep(Duration.ofSeconds(20));
        service.close();
        Files.writeString(folder.resolve("lab.env"), String.join("\n",
                "DDB=" + endpoint, "REGION=" + region, "JWKS=" + issuer.jwksUrl(), "ISSUER=" + TestIssuer.ISSUER,
                "CLIENT=" + TestIssuer.CLIENT_ID, "USERS=" + users.url(), "") );
        System.out.println("LAB READY " + folder.resolve("lab.env"));
        while (System.in.read() >= 0) {
            // until stdin closes
        }
        store.close();
        issuer.close();
        users.close();
        System.exit(0);
    }
}
