package com.cruddur.messaging.adapters.dynamodb;

import static com.cruddur.messaging.adapters.dynamodb.TestData.at;
import static com.cruddur.messaging.adapters.dynamodb.TestData.conversation;
import static com.cruddur.messaging.adapters.dynamodb.TestData.message;
import static com.cruddur.messaging.adapters.dynamodb.TestData.person;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.application.BlockUser;
import com.cruddur.messaging.application.Cursors;
import com.cruddur.messaging.application.DeleteMessage;
import com.cruddur.messaging.application.EditMessage;
import com.cruddur.messaging.application.IdempotencyWindow;
import com.cruddur.messaging.application.ListBlocks;
import com.cruddur.messaging.application.MarkConversationRead;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.PageQuery;
import com.cruddur.messaging.application.SendMessage;
import com.cruddur.messaging.application.StartConversation;
import com.cruddur.messaging.application.UnblockUser;
import com.cruddur.messaging.application.fake.InMemoryUserDirectory;
import com.cruddur.messaging.application.port.BlockedException;
import com.cruddur.messaging.application.port.Ids;
import com.cruddur.messaging.domain.Block;
import com.cruddur.messaging.domain.EditWindow;
import com.cruddur.messaging.application.RenameUser;
import com.cruddur.messaging.application.fake.InMemoryUserDirectory;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageText;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.ReadPosition;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntConsumer;
import reactor.core.publisher.Mono;

/**
 * What each access pattern costs in DynamoDB capacity units, read from the adapter's own consumed-capacity metric
 * while the adapter runs each pattern against DynamoDB Local (which reports capacity as DynamoDB would for these
 * item sizes). The last rows show that the membership check of pattern A costs the same whether the caller has one
 * conversation or hundreds: it is one strongly consistent GetItem, not a scan of the caller's inbox.
 *
 * <pre>
 * ./mvnw -o -q -pl adapters-dynamodb test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp adapters-dynamodb/target/test-classes:adapters-dynamodb/target/classes:$(cat adapters-dynamodb/target/test.classpath) \
 *     com.cruddur.messaging.adapters.dynamodb.PatternCostReport [requests per pattern]
 * </pre>
 */
public final class PatternCostReport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TEXT = "x".repeat(100);
    private static final int RENAMED_CONVERSATIONS = 100;

    private PatternCostReport() {
    }

    public static void main(String[] args) {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String table = DynamoDbLocalFixture.freshTable("cost");
        System.out.printf("Capacity units per request, %d requests per row, messages of %d characters, pages of 20%n%n",
                requests, TEXT.length());
        System.out.printf("%-4s %-52s %-64s %10s%n", "", "request", "operations (units per request)", "units");
        row(table, requests, "A", "read a conversation's newest 20 of 40 messages", PatternCostReport::readConversation);
        row(table, requests, "B", "list an inbox's newest 20 of 40 conversations", PatternCostReport::listInbox);
        row(table, requests, "C", "send into a conversation", PatternCostReport::send);
        row(table, requests, "C", "send with an Idempotency-Key", PatternCostReport::sendWithKey);
        row(table, requests, "D", "start a conversation", PatternCostReport::start);
        row(table, requests, "E", "move both inbox rows to a newer message", PatternCostReport::move);
        row(table, requests, "R", "mark read up to the last message", (t, r) -> markRead(t, r, 0));
        row(table, requests, "R", "mark read 20 messages before the last", (t, r) -> markRead(t, r, 20));
        row(table, requests, "U", "edit the last of 40 messages (all within the window)", (t, r) -> edit(t, r, 0));
        row(table, requests, "U", "edit a message 30 before the last, within the window", (t, r) -> edit(t, r, 30));
        row(table, requests, "U", "delete the last of 40 messages", (t, r) -> delete(t, r, 0));
        row(table, requests, "U", "delete a message 30 before the last", (t, r) -> delete(t, r, 30));
        renameRows(table, RENAMED_CONVERSATIONS);
        row(table, requests, "C", "send, the use case with its block check", PatternCostReport::sendChecked);
        row(table, requests, "C", "send refused: the other has blocked the sender", PatternCostReport::sendBlocked);
        row(table, requests, "D", "start, the use case with its block checks", PatternCostReport::startChecked);
        row(table, requests, "D", "start refused: the recipient blocks the sender", PatternCostReport::startBlocked);
        row(table, requests, "K", "block someone one has a conversation with", (t, r) -> block(t, r, true));
        row(table, requests, "K", "block someone one has no conversation with", (t, r) -> block(t, r, false));
        row(table, requests, "K", "block someone blocked already", PatternCostReport::blockAgain);
        row(table, requests, "K", "unblock (a conversation between them)", PatternCostReport::unblock);
        row(table, requests, "K", "list 20 of 40 blocks", PatternCostReport::listBlocks);
        double oneBlock = row(table, requests, "D", "block check, recipient with 1 block",
                (t, r) -> blockCheck(t, r, 1));
        double manyBlocks = row(table, requests, "D", "block check, recipient with 300 blocks",
                (t, r) -> blockCheck(t, r, 300));
        double few = row(table, requests, "A", "membership check, caller with 1 conversation",
                (t, r) -> membership(t, r, 1));
        double many = row(table, requests, "A", "membership check, caller with 300 conversations",
                (t, r) -> membership(t, r, 300));
        System.out.printf("%nmembership check, 300 conversations / 1 conversation: %.2f%n", many / few);
        System.out.printf("block check, 300 blocks / 1 block: %.2f%n", manyBlocks / oneBlock);
        System.exit(0);
    }

    /** Runs a scenario, prints its row and returns its capacity units per request. */
    private static double row(String table, int requests, String pattern, String request, Scenario scenario) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IntConsumer measured = scenario.prepare(table, registry);
        registry.clear();
        for (int i = 0; i < requests; i++) {
            measured.accept(i);
        }
        return report(registry, requests, pattern, request);
    }

    /** Prints the row of what the registry counted, {@code per} requests (or conversations); returns the units. */
    private static double report(SimpleMeterRegistry registry, int per, String pattern, String request) {
        Map<String, Double> byOperation = new TreeMap<>();
        registry.find(ConsumedCapacityRecorder.METRIC).counters().forEach(counter ->
                byOperation.merge(counter.getId().getTag("operation"), counter.count() / per, Double::sum));
        double units = byOperation.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder operations = new StringBuilder();
        byOperation.forEach((operation, each) -> operations.append(operations.isEmpty() ? "" : ", ")
                .append(operation).append(' ').append(String.format("%.1f", each)));
        System.out.printf("%-4s %-52s %-64s %10.2f%n", pattern, request, operations, units);
        return units;
    }

    /** Sets up with the registry, then returns the request to repeat (whose calls alone are counted). */
    @FunctionalInterface
    private interface Scenario {
        IntConsumer prepare(String table, SimpleMeterRegistry registry);
    }

    private static IntConsumer readConversation(String table, SimpleMeterRegistry registry) {
        DynamoDbMessageGroups groups = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), table, registry);
        DynamoDbMessages messages = new DynamoDbMessages(DynamoDbLocalFixture.client(), table, registry);
        Participant a = person("Sheridan");
        MessageGroup.Conversation started = conversation(a, person("Ivanova"), TEXT, at(0));
        groups.start(started, Optional.empty()).block(WAIT);
        for (int i = 1; i < 40; i++) {
            messages.append(message(started.group().id(), a, TEXT, at(i)), Optional.empty()).block(WAIT);
        }
        return i -> groups.find(started.group().id())
                .then(messages.newestFirst(started.group().id(), 20, Optional.empty())).block(WAIT);
    }

    private static IntConsumer listInbox(String table, SimpleMeterRegistry registry) {
        DynamoDbMessageGroups groups = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), table, registry);
        Participant owner = person("Garibaldi");
        for (int i = 0; i < 40; i++) {
            groups.start(conversation(owner, person("Zack"), TEXT, at(i)), Optional.empty()).block(WAIT);
        }
        return i -> groups.inbox(owner.id(), 20, Optional.empty()).block(WAIT);
    }

    private static IntConsumer send(String table, SimpleMeterRegistry registry) {
        DynamoDbMessageGroups groups = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), table, registry);
        DynamoDbMessages messages = new DynamoDbMessages(DynamoDbLocalFixture.client(), table, registry);
        Participant a = person("Franklin");
        MessageGroup.Conversation started = conversation(a, person("Lochley"), TEXT, at(0));
        groups.start(started, Optional.empty()).block(WAIT);
        return i -> groups.find(started.group().id())
                .then(messages.append(message(started.group().id(), a, TEXT, at(i + 1)), Optional.empty()))
                .block(WAIT);
    }

    private static IntConsumer sendWithKey(String table, SimpleMeterRegistry registry) {
        DynamoDbMessageGroups groups = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), table, registry);
        DynamoDbMessages messages = new DynamoDbMessages(DynamoDbLocalFixture.client(), table, registry);
        Participant a = person("Marcus");
        MessageGroup.Conversation started = conversation(a, person("Lyta"), TEXT, at(0));
        groups.start(started, Optional.empty()).block(WAIT);
        return i -> groups.find(started.group().id())
                .then(messages.append(message(started.group().id(), a, TEXT, at(i + 1)),
                        Optional.of(TestData.request("request-" + i))))
                .block(WAIT);
    }

    private static IntConsumer start(String table, SimpleMeterRegistry registry) {
        DynamoDbMessageGroups groups = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), table, registry);
        Participant a = person("Vir");
        return i -> {
            Participant other = person("Morden");
            MessageGroup.Conversation started = conversation(a, other, TEXT, at(i));
            groups.findByPair(ParticipantPair.of(a.id(), other.id()))
                    .then(groups.start(started, Optional.empty())).block(WAIT);
        };
    }

    /** Pattern E as the stream runs it: the conversation read, the messages since its last one, the move. */
    private static IntConsumer move(String table, SimpleMeterRegistry registry) {
        DynamoDbMessageGroups groups = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), table, registry);
        DynamoDbMessages messages = new DynamoDbMessages(DynamoDbLocalFixture.client(), table, registry);
        Participant sender = person("Lennier");
        MessageGroup.Conversation started = conversation(sender, person("Delenn"), TEXT, at(0));
        groups.start(started, Optional.empty()).block(WAIT);
        MoveGroupsToNewestMessage move = new MoveGroupsToNewestMessage(groups, messages);
        DynamoDbMessages unmeasured = new DynamoDbMessages(DynamoDbLocalFixture.client(), table, new SimpleMeterRegistry());
        return i -> unmeasured.append(message(started.group().id(), sender, TEXT, at(i + 1)), Optional.empty())
                .flatMap(message -> move.apply(List.of(message))).block(WAIT);
    }

    /**
     * A participant marks a conversation of 40 messages from the other read, {@code behind} messages before its
     * last one: the membership read, the message's own read, the count of what is left, one transaction.
     */
    private static IntConsumer markRead(String table, SimpleMeterRegistry registry, int behind) {
        MarkConversationRead markRead = new MarkConversationRead(
                new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), table, registry),
                new DynamoDbMessages(DynamoDbLocalFixture.client(), table, registry));
        SimpleMeterRegistry unmeasured = new SimpleMeterRegistry();
        DynamoDbMessageGroups setupGroups = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), table, unmeasured);
        DynamoDbMessages setupMessages = new DynamoDbMessages(DynamoDbLocalFixture.client(), table, unmeasured);
        MoveGroupsToNewestMessage move = new MoveGroupsToNewestMessage(setupGroups, setupMessages);
        return i -> {
            Participant sender = person("Zathras");
            Participant reader = person("Draal");
            MessageGroup.Conversation started = conversation(sender, reader, TEXT, at(0));
            setupGroups.start(started, Optional.empty()).block(WAIT);
            List<Message> sent = new ArrayList<>(List.of(started.firstMessage()));
            for (int m = 1; m < 40; m++) {
                sent.add(setupMessages.append(message(started.group().id(), sender, TEXT, at(m)), Optional.empty())
                        .block(WAIT));
            }
            move.apply(sent).block(WAIT);
            Message seen = sent.get(sent.size() - 1 - behind);
            markRead.mark(new MarkConversationRead.Command(reader, seen.groupId(), ReadPosition.of(seen))).block(WAIT);
        };
    }

    /** The users of the use-case rows, one directory for all (it is not DynamoDB: its lookups cost no units). */
    private static final InMemoryUserDirectory USERS = new InMemoryUserDirectory();

    /** The use cases over the table, their calls counted in {@code registry}. */
    private record UseCases(DynamoDbMessageGroups groups, DynamoDbBlocks blocks, InMemoryUserDirectory directory,
                            SendMessage send, StartConversation start, BlockUser block, UnblockUser unblock,
                            ListBlocks list) {

        static UseCases over(String table, SimpleMeterRegistry registry) {
            DynamoDbMessageGroups groups = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), table, registry);
            DynamoDbMessages messages = new DynamoDbMessages(DynamoDbLocalFixture.client(), table, registry);
            DynamoDbBlocks blocks = new DynamoDbBlocks(DynamoDbLocalFixture.client(), table, registry);
            InMemoryUserDirectory directory = USERS;
            SendMessage send = new SendMessage(groups, messages, Ids.random(), Clock.systemUTC(),
                    IdempotencyWindow.defaults());
            return new UseCases(groups, blocks, directory, send,
                    new StartConversation(directory, groups, blocks, send, Ids.random(), Clock.systemUTC()),
                    new BlockUser(directory, groups, blocks, Clock.systemUTC()),
                    new UnblockUser(directory, groups, blocks), new ListBlocks(blocks, Cursors.withRandomKey()));
        }

        Participant user(String name) {
            return directory.add(person(name), UUID.randomUUID().toString());
        }

        MessageGroup.Conversation started(Participant sender, Participant recipient) {
            return started(sender, recipient, 0);
        }

        /** Started at its own instant: one person's inbox rows are keyed by their conversations' last instants. */
        MessageGroup.Conversation started(Participant sender, Participant recipient, int secondsAfterT0) {
            MessageGroup.Conversation started = conversation(sender, recipient, TEXT, at(secondsAfterT0));
            groups.start(started, Optional.empty()).block(WAIT);
            return started;
        }

        void blocks(Participant blocker, Participant blocked) {
            block.block(new BlockUser.Command(blocker, blocked.handle().value())).block(WAIT);
        }
    }

    /** Pattern C as SendMessage runs it: the block is read with the membership, from the conversation record. */
    private static IntConsumer sendChecked(String table, SimpleMeterRegistry registry) {
        UseCases app = UseCases.over(table, new SimpleMeterRegistry());
        UseCases measured = UseCases.over(table, registry);
        Participant sender = app.user("Talia");
        MessageGroup.Conversation started = app.started(sender, app.user("Winters"));
        return i -> measured.send().send(SendMessage.Command.of(sender, started.group().id().toString(), TEXT, null))
                .block(WAIT);
    }

    private static IntConsumer sendBlocked(String table, SimpleMeterRegistry registry) {
        UseCases app = UseCases.over(table, new SimpleMeterRegistry());
        UseCases measured = UseCases.over(table, registry);
        Participant sender = app.user("Bester");
        Participant blocker = app.user("Byron");
        MessageGroup.Conversation started = app.started(sender, blocker);
        app.blocks(blocker, sender);
        return i -> measured.send().send(SendMessage.Command.of(sender, started.group().id().toString(), TEXT, null))
                .onErrorResume(BlockedException.class, refused -> Mono.empty())
                .block(WAIT);
    }

    /** Pattern D as StartConversation runs it: the pair's claim and the block read together, then the start. */
    private static IntConsumer startChecked(String table, SimpleMeterRegistry registry) {
        UseCases app = UseCases.over(table, registry);
        Participant sender = app.user("Cole");
        return i -> {
            Participant recipient = app.user("Sinclair");
            app.start().send(StartConversation.Command.of(sender, recipient.handle().value(), TEXT, null))
                    .block(WAIT);
        };
    }

    private static IntConsumer startBlocked(String table, SimpleMeterRegistry registry) {
        UseCases app = UseCases.over(table, new SimpleMeterRegistry());
        UseCases measured = UseCases.over(table, registry);
        Participant sender = app.user("Neroon");
        Participant blocker = app.user("Rathenn");
        app.blocks(blocker, sender);
        return i -> measured.start().send(StartConversation.Command.of(sender, blocker.handle().value(), TEXT, null))
                .onErrorResume(BlockedException.class, refused -> Mono.empty())
                .block(WAIT);
    }

    /** BlockUser: the block read, the pair's claim, the conversation, and one transaction. */
    private static IntConsumer block(String table, SimpleMeterRegistry registry, boolean withConversation) {
        UseCases app = UseCases.over(table, new SimpleMeterRegistry());
        UseCases measured = UseCases.over(table, registry);
        Participant blocker = app.user("Ivanova");
        return i -> {
            Participant blocked = app.user("Bester");
            if (withConversation) {
                app.started(blocked, blocker, i);
            }
            measured.blocks(blocker, blocked);
        };
    }

    private static IntConsumer blockAgain(String table, SimpleMeterRegistry registry) {
        UseCases app = UseCases.over(table, new SimpleMeterRegistry());
        UseCases measured = UseCases.over(table, registry);
        Participant blocker = app.user("Lorien");
        Participant blocked = app.user("Justin");
        app.started(blocked, blocker);
        app.blocks(blocker, blocked);
        return i -> measured.blocks(blocker, blocked);
    }

    private static IntConsumer unblock(String table, SimpleMeterRegistry registry) {
        UseCases app = UseCases.over(table, new SimpleMeterRegistry());
        UseCases measured = UseCases.over(table, registry);
        Participant blocker = app.user("Lyta");
        return i -> {
            Participant blocked = app.user("Psi Cop");
            app.started(blocked, blocker, i);
            app.blocks(blocker, blocked);
            measured.unblock().unblock(new UnblockUser.Command(blocker, blocked.handle().value())).block(WAIT);
        };
    }

    private static IntConsumer listBlocks(String table, SimpleMeterRegistry registry) {
        UseCases app = UseCases.over(table, new SimpleMeterRegistry());
        UseCases measured = UseCases.over(table, registry);
        Participant blocker = app.user("Kosh");
        for (int i = 0; i < 40; i++) {
            app.blocks(blocker, app.user("Shadow"));
        }
        return i -> measured.list().list(new ListBlocks.Query(blocker, new PageQuery(20, Optional.empty())))
                .block(WAIT);
    }

    /** The read D makes of the recipient's block on the sender: one GetItem, whatever else the recipient blocks. */
    private static IntConsumer blockCheck(String table, SimpleMeterRegistry registry, int blocks) {
        UseCases app = UseCases.over(table, new SimpleMeterRegistry());
        DynamoDbBlocks measured = new DynamoDbBlocks(DynamoDbLocalFixture.client(), table, registry);
        Participant recipient = app.user("Sheridan");
        Participant sender = app.user("Morden");
        app.blocks(recipient, sender);
        for (int i = 1; i < blocks; i++) {
            app.blocks().block(new Block(recipient.id(), person("Shadow"), at(i)), Optional.empty()).block(WAIT);
        }
        return i -> measured.find(recipient.id(), sender.id()).block(WAIT);
    }

    /** A conversation of 40 messages from {@code sender}, one a second from T0, stored and moved, unmeasured. */
    private static List<Message> fortyMessages(String table, Participant sender, Participant other) {
        SimpleMeterRegistry unmeasured = new SimpleMeterRegistry();
        DynamoDbMessageGroups setupGroups = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), table, unmeasured);
        DynamoDbMessages setupMessages = new DynamoDbMessages(DynamoDbLocalFixture.client(), table, unmeasured);
        MessageGroup.Conversation started = conversation(sender, other, TEXT, at(0));
        setupGroups.start(started, Optional.empty()).block(WAIT);
        List<Message> sent = new ArrayList<>(List.of(started.firstMessage()));
        for (int m = 1; m < 40; m++) {
            sent.add(setupMessages.append(message(started.group().id(), sender, TEXT, at(m)), Optional.empty())
                    .block(WAIT));
        }
        new MoveGroupsToNewestMessage(setupGroups, setupMessages).apply(sent).block(WAIT);
        return sent;
    }

    /** The clock of the edits: a minute after the conversation's first message, so all 40 are within the window. */
    private static final Clock EDIT_CLOCK = Clock.fixed(at(60).instant(), ZoneOffset.UTC);

    /**
     * The sender edits the message {@code behind} messages before the last of 40: the membership read, the search
     * of the window newest first (a page of 25 messages at a time), the conditional update, the message read again
     * and the conversation read; the last message's edit also rewrites the conversation record and both rows.
     */
    private static IntConsumer edit(String table, SimpleMeterRegistry registry, int behind) {
        EditMessage edit = new EditMessage(new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), table, registry),
                new DynamoDbMessages(DynamoDbLocalFixture.client(), table, registry), EDIT_CLOCK,
                new EditWindow(EditWindow.DEFAULT));
        Participant sender = person("Stephen");
        List<Message> sent = fortyMessages(table, sender, person("Talia"));
        Message edited = sent.get(sent.size() - 1 - behind);
        return i -> edit.edit(new EditMessage.Command(sender, edited.groupId(), edited.id(),
                new MessageText(TEXT.substring(1) + i))).block(WAIT);
    }

    /** As {@link #edit}, searching the whole conversation; each request deletes in a new conversation. */
    private static IntConsumer delete(String table, SimpleMeterRegistry registry, int behind) {
        DeleteMessage delete = new DeleteMessage(new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), table,
                registry), new DynamoDbMessages(DynamoDbLocalFixture.client(), table, registry), EDIT_CLOCK);
        return i -> {
            Participant sender = person("Warren");
            List<Message> sent = fortyMessages(table, sender, person("Elizabeth"));
            Message deleted = sent.get(sent.size() - 1 - behind);
            delete.delete(new DeleteMessage.Command(sender, deleted.groupId(), deleted.id())).block(WAIT);
        };
    }

    /**
     * Pattern N: a user with {@code conversations} conversations is renamed (units per conversation), then renamed
     * to the same names again (nothing left to write: what a second run costs).
     */
    private static void renameRows(String table, int conversations) {
        SimpleMeterRegistry unmeasured = new SimpleMeterRegistry();
        DynamoDbMessageGroups setup = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), table, unmeasured);
        Participant renamed = person("Talia");
        for (int i = 0; i < conversations; i++) {
            setup.start(conversation(i % 2 == 0 ? renamed : person("Ivanova"), i % 2 == 0 ? person("Susan") : renamed,
                    TEXT, at(i)), Optional.empty()).block(WAIT);
        }
        Participant after = new Participant(renamed.id(), "Talia Winters", new Handle("t" + renamed.handle()));
        for (String run : List.of("rename a user, per conversation (" + conversations + ")",
                "the same rename again, per conversation")) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            RenameUser renameUser = new RenameUser(new InMemoryUserDirectory(),
                    new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), table, registry), Clock.systemUTC());
            renameUser.showEverywhere(after).blockLast(WAIT);
            report(registry, conversations, "N", run);
        }
    }

    private static IntConsumer membership(String table, SimpleMeterRegistry registry, int conversations) {
        DynamoDbMessageGroups groups = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), table, registry);
        Participant caller = person("Kosh");
        MessageGroup.Conversation first = conversation(caller, person("Ulkesh"), TEXT, at(0));
        groups.start(first, Optional.empty()).block(WAIT);
        for (int i = 1; i < conversations; i++) {
            groups.start(conversation(caller, person("Vorlon"), TEXT, at(i)), Optional.empty()).block(WAIT);
        }
        return i -> groups.find(first.group().id()).block(WAIT);
    }
}
