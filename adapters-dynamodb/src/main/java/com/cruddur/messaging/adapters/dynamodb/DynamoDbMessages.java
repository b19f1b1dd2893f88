package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.adapters.dynamodb.Transaction.Part;
import com.cruddur.messaging.application.port.ConcurrentUpdateException;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.IdempotentRequest;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Timestamp;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The messages of each conversation in the messages table (items {@code MSG#{group}} / created_at, see
 * {@link MessagesTable}).
 *
 * <p>A message is a conditional put, so it never overwrites another one: when its instant is taken in its group it
 * moves one microsecond on and tries again. After a second collision it reads which instants just after it are
 * taken and moves to a free one (see {@link #nextFree}), so a burst of same-instant messages settles quickly. With an idempotency
 * key the message and the key's record are written in one transaction; a key used before for the same request
 * returns the message stored the first time, for another request it is refused.
 *
 * <p>A write can land and its answer be lost; the SDK then sends it again, and the repeated write meets the first
 * one. A failed condition therefore returns the item in the way ({@code ALL_OLD}): when it is this very message,
 * the message is stored, once, and is not moved on to be stored a second time.
 */
public final class DynamoDbMessages implements Messages {

    static final int MAX_ATTEMPTS = 200;
    private static final int TAKEN_LOOKAHEAD = 256;
    /** {@code yyyy-MM-ddTHH:mm:ss}: the part of an instant every form the reference wrote shares. */
    private static final int SECOND_PREFIX = 19;
    /**
     * A search by uuid reads this many messages a page: a Query bills what it reads before its filter, so a page
     * without a limit would read up to 1 MB of the conversation to find its newest message.
     */
    private static final int FIND_PAGE = 25;
    /** Enough for a move (usually one message) and for a recount that stops at 100 of the other's messages. */
    private static final int BETWEEN_PAGE = 100;

    private final TableCalls calls;
    private final Writes writes;
    private final NewestFirst newestFirst;
    private final int maxItemsPerRequest;

    public DynamoDbMessages(DynamoDbAsyncClient client, String table, MeterRegistry registry) {
        this(client, table, new ConsumedCapacityRecorder(registry), Integer.MAX_VALUE);
    }

    /** {@code maxItemsPerRequest} caps each Query (tests use a small one to cross DynamoDB page boundaries). */
    DynamoDbMessages(DynamoDbAsyncClient client, String table, ConsumedCapacityRecorder recorder,
                     int maxItemsPerRequest) {
        this.calls = new TableCalls(client, table, recorder);
        this.writes = new Writes(table);
        this.newestFirst = new NewestFirst(calls, maxItemsPerRequest);
        this.maxItemsPerRequest = maxItemsPerRequest;
    }

    @Override
    public Mono<Message> append(Message message, Optional<IdempotentRequest> request) {
        return Mono.defer(() -> attempt(message, request, 1));
    }

    @Override
    public Mono<Page<Message>> newestFirst(MessageGroupId group, int limit, Optional<String> after) {
        return newestFirst.page(AccessPattern.A, MessageItem.pk(group), limit, after, MessageItem::fromItem);
    }

    /**
     * A Query of the message's whole second rather than a GetItem of its key: the reference wrote some instants in
     * other forms (no offset, no fraction), and the client names the message by the instant A showed it with.
     */
    @Override
    public Mono<Message> find(MessageGroupId group, MessageId id, Timestamp createdAt) {
        String second = createdAt.format().substring(0, SECOND_PREFIX);
        return calls.query(AccessPattern.R, QueryRequest.builder()
                        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                        .expressionAttributeNames(Map.of("#pk", Attr.PK, "#sk", Attr.SK))
                        .expressionAttributeValues(Map.of(":pk", Attr.s(MessageItem.pk(group)),
                                ":from", Attr.s(second), ":to", Attr.s(second + "~")))
                        .consistentRead(true))
                .flatMapIterable(response -> response.items())
                .map(MessageItem::fromItem)
                .filter(message -> message.id().equals(id) && message.createdAt().equals(createdAt))
                .next();
    }

    /**
     * A newest-first Query of the conversation's partition (from {@code since} on when given) filtered on the
     * uuid, {@value #FIND_PAGE} messages a page, page after page until it is found: DynamoDB bills what each page
     * reads, before the filter, so the cost is that of the messages newer than the one found, rounded up to a page
     * (an edit's search is bounded by its window).
     */
    @Override
    public Mono<Message> findById(MessageGroupId group, MessageId id, Optional<Timestamp> since) {
        return findPage(group, id, since, null)
                .expand(response -> response.items().isEmpty() && response.hasLastEvaluatedKey()
                        && !response.lastEvaluatedKey().isEmpty()
                        ? findPage(group, id, since, response.lastEvaluatedKey()) : Mono.empty())
                .concatMapIterable(QueryResponse::items)
                .next()
                .map(MessageItem::fromItem);
    }

    private Mono<QueryResponse> findPage(MessageGroupId group, MessageId id, Optional<Timestamp> since,
                                         Map<String, AttributeValue> start) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", Attr.PK, "#uuid", Attr.MESSAGE_UUID));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Attr.s(MessageItem.pk(group)),
                ":uuid", Attr.s(id.toString())));
        String keys = "#pk = :pk";
        if (since.isPresent()) {
            names.put("#sk", Attr.SK);
            values.put(":since", Attr.s(since.get().format()));
            keys += " AND #sk >= :since";
        }
        QueryRequest.Builder request = QueryRequest.builder()
                .keyConditionExpression(keys)
                .filterExpression("#uuid = :uuid")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(Math.min(FIND_PAGE, maxItemsPerRequest));
        if (start != null) {
            request.exclusiveStartKey(start);
        }
        return calls.query(AccessPattern.U, request);
    }

    /**
     * One conditional UpdateItem of the message's own item: the reference's attributes keep their names (a
     * tombstone's {@code message} is the empty string), {@code edited_at} and {@code deleted} are added. A message
     * the reference stored under another form of its instant is found by its second and updated at its own key.
     */
    @Override
    public Mono<Void> rewrite(Message current, Message next) {
        return rewriteAt(current.createdAt().format(), current, next)
                .onErrorResume(NoSuchKey.class, absent -> storedKeyOf(current)
                        .filter(sk -> !sk.equals(current.createdAt().format()))
                        .switchIfEmpty(Mono.error(() -> changedMeanwhile(current)))
                        .flatMap(sk -> rewriteAt(sk, current, next)))
                .onErrorMap(NoSuchKey.class, absent -> changedMeanwhile(current));
    }

    private Mono<Void> rewriteAt(String sk, Message current, Message next) {
        Map<String, String> names = new HashMap<>(Map.of("#uuid", Attr.MESSAGE_UUID, "#text", Attr.MESSAGE,
                "#deleted", Attr.DELETED));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":uuid", Attr.s(current.id().toString()),
                ":old", Attr.s(current.text()), ":text", Attr.s(next.text())));
        List<String> sets = new ArrayList<>(List.of("#text = :text"));
        next.editedAt().ifPresent(at -> {
            names.put("#edited", Attr.EDITED_AT);
            values.put(":edited", Attr.s(at.format()));
            sets.add("#edited = :edited");
        });
        if (next.deleted()) {
            values.put(":deleted", AttributeValue.fromBool(true));
            sets.add("#deleted = :deleted");
        }
        // The reference's scripts left some texts out: such a message reads as empty, and is still itself.
        String sameText = current.text().isEmpty() ? "(attribute_not_exists(#text) OR #text = :old)" : "#text = :old";
        return calls.update(AccessPattern.U, UpdateItemRequest.builder()
                        .key(Attr.key(MessageItem.pk(current.groupId()), sk))
                        .updateExpression("SET " + String.join(", ", sets))
                        .conditionExpression("#uuid = :uuid AND attribute_not_exists(#deleted) AND " + sameText)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                .then()
                .onErrorMap(ConditionalCheckFailedException.class, failed -> failed.hasItem() && !failed.item().isEmpty()
                        ? changedMeanwhile(current) : new NoSuchKey());
    }

    /** The sk the message is stored under, read from its second (the reference wrote instants in other forms). */
    private Mono<String> storedKeyOf(Message message) {
        String second = message.createdAt().format().substring(0, SECOND_PREFIX);
        return calls.query(AccessPattern.U, QueryRequest.builder()
                        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                        .expressionAttributeNames(Map.of("#pk", Attr.PK, "#sk", Attr.SK))
                        .expressionAttributeValues(Map.of(":pk", Attr.s(MessageItem.pk(message.groupId())),
                                ":from", Attr.s(second), ":to", Attr.s(second + "~")))
                        .consistentRead(true))
                .flatMapIterable(QueryResponse::items)
                .filter(item -> MessageItem.isMessage(item, message))
                .map(item -> item.get(Attr.SK).s())
                .next();
    }

    private static ConcurrentUpdateException changedMeanwhile(Message message) {
        return new ConcurrentUpdateException("message " + message.id() + " changed meanwhile or is not stored; "
                + "read it again");
    }

    /** No item at the key a rewrite tried. */
    private static final class NoSuchKey extends RuntimeException {
        NoSuchKey() {
            super("no item at that key", null, false, false);
        }
    }

    @Override
    public Flux<Message> between(MessageGroupId group, Timestamp after, Timestamp upTo) {
        if (!upTo.isAfter(after)) {
            return Flux.empty();
        }
        return betweenPage(group, after, upTo, null)
                .expand(response -> response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? betweenPage(group, after, upTo, response.lastEvaluatedKey()) : Mono.empty())
                .concatMapIterable(response -> response.items())
                .concatMap(DynamoDbMessages::readable)
                .filter(message -> message.createdAt().isAfter(after));
    }

    /**
     * An item that is no readable message is skipped here rather than failing the move or read that counts: it is
     * nobody's message to count, and the stream reports its own record of it (a poison record must not block every
     * later move of its conversation).
     */
    private static Mono<Message> readable(Map<String, AttributeValue> item) {
        try {
            return Mono.just(MessageItem.fromItem(item));
        } catch (MalformedItemException unreadable) {
            return Mono.empty();
        }
    }

    private Mono<QueryResponse> betweenPage(MessageGroupId group, Timestamp after, Timestamp upTo,
                                            Map<String, AttributeValue> start) {
        QueryRequest.Builder request = QueryRequest.builder()
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :after AND :upTo")
                .expressionAttributeNames(Map.of("#pk", Attr.PK, "#sk", Attr.SK))
                .expressionAttributeValues(Map.of(":pk", Attr.s(MessageItem.pk(group)),
                        ":after", Attr.s(after.format()), ":upTo", Attr.s(upTo.format())))
                .consistentRead(true)
                .limit(Math.min(BETWEEN_PAGE, maxItemsPerRequest));
        if (start != null) {
            request.exclusiveStartKey(start);
        }
        return calls.query(AccessPattern.E, request);
    }

    /**
     * One try at the candidate's instant, and on a collision the next try at a later one. This stays a loop of its
     * own rather than a Reactor {@code Retry}: a retry subscribes to the same write again, while each collision here
     * makes a new candidate from the one that collided (one microsecond on, or a free instant read from the table),
     * so every attempt writes something else. Transaction conflicts, where the same write is simply sent again, are
     * the {@link TransactionConflicts} policy's, inside each attempt.
     */
    private Mono<Message> attempt(Message candidate, Optional<IdempotentRequest> request, int attempt) {
        if (attempt > MAX_ATTEMPTS) {
            return Mono.error(new ConcurrentUpdateException("message " + candidate.id() + " found no free instant in "
                    + "conversation " + candidate.groupId() + " after " + MAX_ATTEMPTS + " attempts; send it again"));
        }
        Mono<Message> write = request.isEmpty() ? putAlone(candidate) : putWithKey(candidate, request.get());
        return write.onErrorResume(InstantTaken.class, taken -> nextFree(candidate, attempt)
                .flatMap(next -> attempt(next, request, attempt + 1)));
    }

    private Mono<Message> putAlone(Message candidate) {
        return calls.put(AccessPattern.C, PutItemRequest.builder()
                        .item(MessageItem.toItem(candidate))
                        .conditionExpression(Writes.ABSENT)
                        .expressionAttributeNames(Map.of("#pk", Attr.PK))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                .thenReturn(candidate)
                .onErrorResume(ConditionalCheckFailedException.class, taken ->
                        taken.hasItem() && MessageItem.isMessage(taken.item(), candidate)
                                ? Mono.just(candidate) : Mono.error(new InstantTaken()));
    }

    private Mono<Message> putWithKey(Message candidate, IdempotentRequest request) {
        Transaction transaction = new Transaction()
                .add(Part.MESSAGE, writes.putIfAbsent(MessageItem.toItem(candidate)))
                .add(Part.IDEMPOTENCY_RECORD, writes.putIdempotencyRecord(IdempotencyItem.toItem(candidate, request),
                        candidate.createdAt().instant()));
        return calls.transact(AccessPattern.C, transaction.items())
                .retryWhen(TransactionConflicts.RETRY)
                .thenReturn(candidate)
                .onErrorResume(TransactionCanceledException.class, cancelled -> {
                    Transaction.Cancellation why = transaction.cancellation(cancelled);
                    if (why.failedCondition(Part.IDEMPOTENCY_RECORD)) {
                        // A live record: the first request's (maybe this one's, sent again), or another request's.
                        return why.itemIn(Part.IDEMPOTENCY_RECORD).map(Mono::just)
                                .orElseGet(() -> calls.get(AccessPattern.C,
                                        IdempotencyItem.key(candidate.sender().id(), request.key())))
                                .map(record -> IdempotencyItem.originalFor(record, request));
                    }
                    if (why.failedCondition(Part.MESSAGE)) {
                        return why.itemIn(Part.MESSAGE).filter(item -> MessageItem.isMessage(item, candidate))
                                .isPresent() ? Mono.just(candidate) : Mono.error(new InstantTaken());
                    }
                    return Mono.error(new ConcurrentUpdateException("message " + candidate.id()
                            + " was not stored: " + why.codes(), cancelled));
                });
    }

    /**
     * The candidate's next instant: one microsecond on after the first collision. After more, a short random pause
     * and a look-ahead read of the taken instants, then one of the first free instants: the first after the second
     * collision, and a random one among the first 4, 16, 64, 256 after later ones, so that many writers colliding on
     * one instant spread out instead of racing for the same microsecond again and again.
     */
    private Mono<Message> nextFree(Message candidate, int attempt) {
        Timestamp next = candidate.createdAt().nextMicrosecond();
        if (attempt < 2) {
            return Mono.just(candidate.at(next));
        }
        int spread = 1 << Math.min(2 * (attempt - 2), 8);
        return Mono.delay(jitter(attempt)).then(takenFrom(candidate.groupId(), next)).map(taken -> {
            List<Timestamp> free = new ArrayList<>();
            Timestamp instant = next;
            for (int i = 0; i < TAKEN_LOOKAHEAD && free.size() < spread; i++, instant = instant.nextMicrosecond()) {
                if (!taken.contains(instant.format())) {
                    free.add(instant);
                }
            }
            return candidate.at(free.isEmpty() ? instant : free.get(ThreadLocalRandom.current().nextInt(free.size())));
        });
    }

    private Mono<Set<String>> takenFrom(MessageGroupId group, Timestamp from) {
        Timestamp to = Timestamp.of(from.instant().plusNanos(1_000L * (TAKEN_LOOKAHEAD - 1)));
        return calls.query(AccessPattern.C, QueryRequest.builder()
                        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                        .expressionAttributeNames(Map.of("#pk", Attr.PK, "#sk", Attr.SK))
                        .expressionAttributeValues(Map.of(":pk", Attr.s(MessageItem.pk(group)),
                                ":from", Attr.s(from.format()), ":to", Attr.s(to.format())))
                        .projectionExpression("#sk")
                        .consistentRead(true)
                        .limit(TAKEN_LOOKAHEAD))
                .map(response -> {
                    Set<String> taken = new HashSet<>();
                    for (Map<String, AttributeValue> item : response.items()) {
                        taken.add(item.get(Attr.SK).s());
                    }
                    return taken;
                });
    }

    private static Duration jitter(int attempt) {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(1, 2 + Math.min(attempt, 20)));
    }

    /** The message's instant is taken in its group. */
    private static final class InstantTaken extends RuntimeException {
        InstantTaken() {
            super("instant taken", null, false, false);
        }
    }
}
