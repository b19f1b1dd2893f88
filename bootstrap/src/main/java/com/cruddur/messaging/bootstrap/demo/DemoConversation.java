package com.cruddur.messaging.bootstrap.demo;

import com.cruddur.messaging.adapters.postgres.UsersSeed;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.port.ConversationAlreadyExistsException;
import com.cruddur.messaging.application.port.Ids;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageText;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo conversations: a long one between {@code andrewbrown} and {@code bayko} and a short one between
 * {@code londo} and {@code andrewbrown}, every message in the past (the last few days before now).
 *
 * <p>They are written through the ports as the service writes them: the conversation with its first message
 * ({@link MessageGroups#start}), the other messages ({@link Messages#append}), then both inbox rows moved to the
 * newest message by the application's own pattern E use case ({@link MoveGroupsToNewestMessage}). Seeding is idempotent: a pair that has a conversation already is left as it is, so seeding
 * twice (or at every start of the embedded default) writes nothing the second time.
 */
public final class DemoConversation {

    private static final Handle ANDREW = UsersSeed.ANDREW.handle();
    private static final Handle BAYKO = UsersSeed.BAYKO.handle();
    private static final Handle LONDO = UsersSeed.LONDO.handle();

    /** The users the demo conversations need: the users database's demo users. */
    static final List<Handle> USERS = UsersSeed.DEMO_USERS.stream().map(UsersSeed.DemoUser::handle).toList();

    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);
    /** Appends of one conversation in flight at once. */
    private static final int CONCURRENT_APPENDS = 8;

    /** One line of a script: who says it, and how long after the conversation's first message. */
    record Line(Handle sender, Duration after, String text) {
    }

    /** A conversation to write: its two people, when it starts (before now) and what is said. */
    record Script(Handle first, Handle second, Duration startsBeforeNow, List<Line> lines) {
    }

    static final Script ANDREW_AND_BAYKO = new Script(ANDREW, BAYKO, Duration.ofDays(3), List.of(
            line(ANDREW, 0, "Morning! Is the messages table up on your side yet?"),
            line(BAYKO, 4, "It is. One table, five item types, and I only cried once."),
            line(ANDREW, 6, "Only once is a good week. Which access pattern made you cry?"),
            line(BAYKO, 9, "Moving the inbox rows. The sort key is the last message time, so every new message means a delete and a put."),
            line(ANDREW, 12, "Right, you cannot update a key in place. Is it at least one transaction?"),
            line(BAYKO, 15, "One transaction, conditioned on the old time. If someone got there first, it reads again and retries."),
            line(ANDREW, 21, "Nice. And two people starting the same conversation at the same moment?"),
            line(BAYKO, 24, "A pair record claims it. The second start loses the condition and sends into the first one."),
            line(ANDREW, 26, "So no more duplicate conversations. The students will miss finding those."),
            line(BAYKO, 31, "They will find something else. They always do."),
            line(ANDREW, 95, "Back from lunch. Did you keep the year in the queries?"),
            line(BAYKO, 101, "Dropped it. An inbox that empties itself on the first of January is not a feature."),
            line(ANDREW, 104, "Fair. Paging?"),
            line(BAYKO, 108, "Signed cursors, twenty at a time, and it crosses the one megabyte page boundary in a test."),
            line(ANDREW, 1_440, "Good morning again. I ran the seed twice by accident and nothing doubled."),
            line(BAYKO, 1_447, "That was the point of yesterday afternoon."),
            line(ANDREW, 1_452, "The timestamps are all in the past this time, too. No more messages from the future."),
            line(BAYKO, 1_458, "Six microsecond digits and an offset, every single one. The frontend can stop guessing."),
            line(ANDREW, 1_463, "What about the stream on DynamoDB Local?"),
            line(BAYKO, 1_469, "A small pump reads it in-process, so the inbox moves on a laptop exactly as it does with the Lambda."),
            line(ANDREW, 2_880, "Demo is tomorrow. Anything I should not click?"),
            line(BAYKO, 2_886, "Click anything you like. If something breaks it will say so in one line."),
            line(ANDREW, 2_890, "Famous last words. See you there."),
            line(BAYKO, 2_893, "See you. Bring coffee.")));

    static final Script LONDO_AND_ANDREW = new Script(LONDO, ANDREW, Duration.ofHours(20), List.of(
            line(LONDO, 0, "Andrew! I hear there is a demo. Will there be refreshments?"),
            line(ANDREW, 7, "There will be coffee, and a conversation with at least twenty messages in it."),
            line(LONDO, 9, "Twenty messages. How very thorough. I shall bring my own refreshments."),
            line(ANDREW, 12, "Bring enough for everyone.")));

    static final List<Script> SCRIPTS = List.of(ANDREW_AND_BAYKO, LONDO_AND_ANDREW);

    private DemoConversation() {
    }

    /** What seeding did for each demo conversation, in script order. */
    public record Result(List<Conversation> conversations) {

        public Result {
            conversations = List.copyOf(conversations);
        }

        public boolean wroteAnything() {
            return conversations.stream().anyMatch(Conversation::written);
        }

        public int messagesWritten() {
            return conversations.stream().mapToInt(Conversation::messages).sum();
        }
    }

    /**
     * One demo conversation: written now with {@code messages} messages, or found already ({@code written} false,
     * {@code messages} 0).
     */
    public record Conversation(Handle first, Handle second, MessageGroupId group, boolean written, int messages) {
    }

    /** Some demo users are not in the user directory; seed the users first. */
    public static final class MissingUsersException extends RuntimeException {

        private final List<Handle> missing;

        public MissingUsersException(List<Handle> missing) {
            super("the demo conversations need users that are not in the users database: "
                    + missing.stream().map(Handle::value).collect(Collectors.joining(", ")));
            this.missing = List.copyOf(missing);
        }

        public List<Handle> missing() {
            return missing;
        }
    }

    /** The number of messages in each demo conversation, in script order. */
    public static List<Integer> messageCounts() {
        return SCRIPTS.stream().map(script -> script.lines().size()).toList();
    }

    /** Writes the demo conversations that do not exist yet, timed before the system clock's now. */
    public static Mono<Result> seed(UserDirectory users, MessageGroups groups, Messages messages,
                                    MoveGroupsToNewestMessage moveGroups) {
        return seed(users, groups, messages, moveGroups, Clock.systemUTC(), Ids.random());
    }

    /** The same, timed before {@code clock}'s now, with ids from {@code ids}. */
    public static Mono<Result> seed(UserDirectory users, MessageGroups groups, Messages messages,
                                    MoveGroupsToNewestMessage moveGroups, Clock clock, Ids ids) {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(moveGroups, "moveGroups");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
        return Mono.defer(() -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            // Both conversations at once (flatMapSequential keeps the result in script order).
            return lookUp(users).flatMap(people -> Flux.fromIterable(SCRIPTS)
                    .flatMapSequential(script -> write(script, people, groups, messages, moveGroups, ids, now))
                    .collectList()
                    .map(Result::new));
        });
    }

    private static Mono<Map<Handle, Participant>> lookUp(UserDirectory users) {
        return Flux.fromIterable(USERS)
                .concatMap(handle -> users.findByHandle(handle)
                        .timeout(LOOKUP_TIMEOUT)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .map(found -> Map.entry(handle, found)))
                .collectList()
                .flatMap(found -> {
                    List<Handle> missing = found.stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
                    if (!missing.isEmpty()) {
                        return Mono.error(new MissingUsersException(missing));
                    }
                    Map<Handle, Participant> people = new LinkedHashMap<>();
                    found.forEach(e -> people.put(e.getKey(), e.getValue().orElseThrow()));
                    return Mono.just(people);
                });
    }

    private static Mono<Conversation> write(Script script, Map<Handle, Participant> people, MessageGroups groups,
                                            Messages messages, MoveGroupsToNewestMessage moveGroups, Ids ids,
                                            Instant now) {
        ParticipantPair pair = ParticipantPair.of(people.get(script.first()).id(), people.get(script.second()).id());
        Mono<Conversation> existing = groups.findByPair(pair)
                .map(group -> new Conversation(script.first(), script.second(), group, false, 0));
        return existing.switchIfEmpty(Mono.defer(() -> create(script, people, groups, messages, moveGroups, ids,
                        now)))
                // Someone else (another instance starting, say) wrote it between our look and our start.
                .onErrorResume(ConversationAlreadyExistsException.class, lost -> existing);
    }

    private static Mono<Conversation> create(Script script, Map<Handle, Participant> people, MessageGroups groups,
                                             Messages messages, MoveGroupsToNewestMessage moveGroups, Ids ids,
                                             Instant now) {
        Instant start = now.minus(script.startsBeforeNow());
        Line opening = script.lines().get(0);
        Participant opener = people.get(opening.sender());
        Participant other = people.get(opener.handle().equals(script.first()) ? script.second() : script.first());
        MessageGroup.Conversation conversation = MessageGroup.start(ids.newMessageGroupId(), ids.newMessageId(),
                opener, other, new MessageText(opening.text()), Timestamp.of(start.plus(opening.after())));
        MessageGroupId group = conversation.group().id();
        List<Message> rest = new ArrayList<>();
        for (Line line : script.lines().subList(1, script.lines().size())) {
            rest.add(Message.compose(ids.newMessageId(), group, people.get(line.sender()), new MessageText(line.text()),
                    Timestamp.of(start.plus(line.after()))));
        }
        // The messages after the first are written concurrently: they are on the start-up's critical path (the
        // embedded default is ready when they are written), each is an item of its own, and the inbox rows move
        // once, to the newest message as stored, after all of them.
        return groups.start(conversation, Optional.empty())
                .thenMany(Flux.fromIterable(rest).flatMap(message -> messages.append(message, Optional.empty()),
                        CONCURRENT_APPENDS))
                .reduce(conversation.firstMessage(), (newest, stored) -> stored.isNewerThan(newest) ? stored : newest)
                .flatMap(newest -> moveGroups.apply(List.of(newest)))
                .flatMap(moves -> moves.stream()
                        .filter(move -> move.outcome() == MoveGroupsToNewestMessage.Outcome.FAILED
                                || move.outcome() == MoveGroupsToNewestMessage.Outcome.UNKNOWN_GROUP)
                        .findFirst()
                        .<Mono<Conversation>>map(failed -> Mono.error(new IllegalStateException(
                                "the demo conversation " + group + " was written, but its inbox rows did not move to"
                                        + " its newest message (" + failed.outcome() + ")",
                                failed.failure().orElse(null))))
                        .orElseGet(() -> Mono.just(new Conversation(script.first(), script.second(), group, true,
                                script.lines().size()))));
    }

    private static Line line(Handle sender, long minutesAfterStart, String text) {
        return new Line(sender, Duration.ofMinutes(minutesAfterStart), text);
    }
}
