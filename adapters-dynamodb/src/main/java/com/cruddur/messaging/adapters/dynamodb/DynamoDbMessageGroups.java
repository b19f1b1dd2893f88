package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.adapters.dynamodb.Transaction.Part;
import com.cruddur.messaging.application.port.BlockedException;
import com.cruddur.messaging.application.port.ConcurrentUpdateException;
import com.cruddur.messaging.application.port.ConversationAlreadyExistsException;
import com.cruddur.messaging.application.port.DuplicateRequestException;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.IdempotentRequest;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.ReadState;
import com.cruddur.messaging.domain.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The conversations in the messages table: the reference's two group rows per conversation (the inbox), plus a
 * conversation record (membership and last message, one consistent GetItem) and the pair's claim (see
 * {@link MessagesTable} for the item shapes and what each pattern reads and writes).
 *
 * <p>Conversations the reference created have neither record: {@link #find} then reads their group rows through
 * the GSI, and adopts them ({@link ReferenceGroups}).
 */
public final class DynamoDbMessageGroups implements MessageGroups {

    private final TableCalls calls;
    private final Writes writes;
    private final NewestFirst newestFirst;
    private final ReferenceGroups referenceGroups;

    public DynamoDbMessageGroups(DynamoDbAsyncClient client, String table, MeterRegistry registry) {
        this(client, table, new ConsumedCapacityRecorder(registry), Integer.MAX_VALUE);
    }

    /** {@code maxItemsPerRequest} caps each Query (tests use a small one to cross DynamoDB page boundaries). */
    DynamoDbMessageGroups(DynamoDbAsyncClient client, String table, ConsumedCapacityRecorder recorder,
                          int maxItemsPerRequest) {
        this.calls = new TableCalls(client, table, recorder);
        this.writes = new Writes(table);
        this.newestFirst = new NewestFirst(calls, maxItemsPerRequest);
        this.referenceGroups = new ReferenceGroups(calls, writes);
    }

    @Override
    public Mono<MessageGroup> find(MessageGroupId id) {
        return calls.get(AccessPattern.A, ConversationItem.key(id))
                .map(ConversationItem::fromItem)
                .switchIfEmpty(Mono.defer(() -> referenceGroups.adopt(id)));
    }

    @Override
    public Mono<MessageGroupId> findByPair(ParticipantPair pair) {
        return calls.get(AccessPattern.D, PairItem.key(pair)).map(PairItem::fromItem);
    }

    /**
     * One transaction of everything; when it is cancelled, the parts that failed their conditions say why
     * ({@link StartCancelled}).
     */
    @Override
    public Mono<Void> start(MessageGroup.Conversation conversation, Optional<IdempotentRequest> request) {
        Transaction transaction = startTransaction(conversation, request);
        return calls.transact(AccessPattern.D, transaction.items())
                .retryWhen(TransactionConflicts.RETRY)
                .then()
                .onErrorResume(TransactionCanceledException.class,
                        cancelled -> notStarted(conversation, request, transaction.cancellation(cancelled)));
    }

    private Transaction startTransaction(MessageGroup.Conversation conversation, Optional<IdempotentRequest> request) {
        MessageGroup group = conversation.group();
        Message first = conversation.firstMessage();
        Transaction transaction = new Transaction()
                .add(Part.CONVERSATION, writes.putIfAbsent(ConversationItem.toItem(group)))
                .add(Part.PAIR_CLAIM, writes.putIfAbsent(PairItem.toItem(pairOf(group), group.id())));
        group.inboxEntries().forEach(entry -> transaction.add(Part.GROUP_ROW,
                writes.putIfAbsent(GroupRowItem.toItem(entry))));
        transaction.add(Part.MESSAGE, writes.putIfAbsent(MessageItem.toItem(first)));
        transaction.add(Part.BLOCK, writes.absent(BlockItem.key(group.second().id(), group.first().id())));
        request.ifPresent(r -> transaction.add(Part.IDEMPOTENCY_RECORD,
                writes.putIdempotencyRecord(IdempotencyItem.toItem(first, r), first.createdAt().instant())));
        return transaction;
    }

    private Mono<Void> notStarted(MessageGroup.Conversation conversation, Optional<IdempotentRequest> request,
                                  Transaction.Cancellation why) {
        MessageGroup group = conversation.group();
        return switch (StartCancelled.of(why)) {
            case REPEATED -> Mono.empty();
            case KEY_TAKEN -> why.itemIn(Part.IDEMPOTENCY_RECORD).map(Mono::just)
                    .orElseGet(() -> calls.get(AccessPattern.D,
                            IdempotencyItem.key(conversation.firstMessage().sender().id(), request.orElseThrow().key())))
                    .map(record -> IdempotencyItem.originalFor(record, request.orElseThrow()))
                    .flatMap(original -> Mono.error(new DuplicateRequestException(original)));
            case BLOCKED -> Mono.error(new BlockedException());
            case PAIR_TAKEN -> Mono.error(new ConversationAlreadyExistsException(pairOf(group)));
            case UNEXPLAINED -> Mono.error(new ConcurrentUpdateException("conversation " + group.id()
                    + " was not started: " + why.codes(), why.exception()));
        };
    }

    /**
     * What a cancelled start means. The conversation record: this very start landed before (its group uuid is new,
     * so nobody else has it: the SDK sent it again after its answer was lost). The idempotency record: a repeated or
     * reused key. The recipient's block on the sender: refused, even when the pair's claim failed too (a send into
     * the pair's other conversation would pass the block). The pair's claim: another conversation of the pair won
     * the race.
     */
    enum StartCancelled {
        REPEATED, KEY_TAKEN, BLOCKED, PAIR_TAKEN, UNEXPLAINED;

        static StartCancelled of(Transaction.Cancellation why) {
            if (why.failedCondition(Part.CONVERSATION)) {
                return REPEATED;
            }
            if (why.failedCondition(Part.IDEMPOTENCY_RECORD)) {
                return KEY_TAKEN;
            }
            if (why.failedCondition(Part.BLOCK)) {
                return BLOCKED;
            }
            return why.failedCondition(Part.PAIR_CLAIM) ? PAIR_TAKEN : UNEXPLAINED;
        }
    }

    private static ParticipantPair pairOf(MessageGroup group) {
        return ParticipantPair.of(group.first().id(), group.second().id());
    }

    /**
     * ONE TransactWriteItems: the conversation record updated on condition that its last message, both read
     * positions, both blocking flags ({@link BlockingFlags}) and both participants' names are still
     * {@code current}'s, both group rows put with {@code next}'s last message and counts (the old ones deleted when
     * the last message moved).
     */
    @Override
    public Mono<Void> update(MessageGroup current, MessageGroup next) {
        return calls.transact(AccessPattern.E, updateItems(current, next))
                .onErrorMap(TransactionCanceledException.class, cancelled -> new ConcurrentUpdateException(
                        "conversation " + current.id() + " changed meanwhile ("
                                + String.join(", ", Writes.codes(cancelled)) + "); read it again", cancelled))
                .then();
    }

    /** The items of {@link #update}'s transaction; a block writes them in its own ({@link DynamoDbBlocks}). */
    List<TransactWriteItem> updateItems(MessageGroup current, MessageGroup next) {
        String expected = current.lastMessage().at().format();
        String nextAt = next.lastMessage().at().format();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(conversationUpdate(current, next)).build());
        for (InboxEntry entry : next.inboxEntries()) {
            if (!expected.equals(nextAt)) {
                items.add(writes.deleteGroupRow(Attr.key(GroupRowItem.pk(entry.owner()), expected), current.id()));
            }
            items.add(writes.putGroupRow(GroupRowItem.toItem(entry), current.id()));
        }
        return items;
    }

    private Update conversationUpdate(MessageGroup current, MessageGroup next) {
        Map<String, String> names = new HashMap<>(Map.of("#at", Attr.LAST_MESSAGE_AT, "#text", Attr.LAST_MESSAGE));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":next", Attr.s(next.lastMessage().at().format()), ":text", Attr.s(next.lastMessage().text()),
                ":expected", Attr.s(current.lastMessage().at().format())));
        List<String> sets = new ArrayList<>(List.of("#at = :next", "#text = :text"));
        // The text too: an edit or delete of the last message changes it at the same instant.
        values.put(":expectedText", Attr.s(current.lastMessage().text()));
        List<String> conditions = new ArrayList<>(List.of("#at = :expected", current.lastMessage().text().isEmpty()
                ? "(attribute_not_exists(#text) OR #text = :expectedText)" : "#text = :expectedText"));
        readOf(Attr.FIRST, current.firstRead(), next.firstRead(), names, values, sets, conditions);
        readOf(Attr.SECOND, current.secondRead(), next.secondRead(), names, values, sets, conditions);
        shownAs(Attr.FIRST, current.first(), next.first(), names, values, sets, conditions);
        shownAs(Attr.SECOND, current.second(), next.second(), names, values, sets, conditions);
        List<String> removes = new ArrayList<>();
        BlockingFlags.update(current, next, names, values, sets, removes, conditions);
        return Update.builder()
                .tableName(calls.table())
                .key(ConversationItem.key(current.id()))
                .updateExpression("SET " + String.join(", ", sets)
                        + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes)))
                .conditionExpression(String.join(" AND ", conditions))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    /** Sets a participant's reading to {@code next}'s, on condition that their read position is still current's. */
    private static void readOf(String prefix, ReadState current, ReadState next, Map<String, String> names,
                               Map<String, AttributeValue> values, List<String> sets, List<String> conditions) {
        String readAt = "#" + prefix + "read_at";
        names.put(readAt, prefix + Attr.READ_AT);
        conditions.add(current.seen()
                .map(position -> {
                    values.put(":" + prefix + "seen", Attr.s(position.at().format()));
                    return readAt + " = :" + prefix + "seen";
                })
                .orElse("attribute_not_exists(" + readAt + ")"));
        ConversationItem.readAttributes(prefix, next).forEach((name, value) -> {
            names.put("#" + name, name);
            values.put(":" + name, value);
            sets.add("#" + name + " = :" + name);
        });
    }

    /**
     * Sets how a participant is shown to {@code next}'s names, on condition that the record still shows
     * {@code current}'s: a move that read a participant's old names loses to the rename that stored new ones. A
     * display name the reference left out reads as empty, and is matched as absent or empty.
     */
    private static void shownAs(String prefix, Participant current, Participant next, Map<String, String> names,
                                Map<String, AttributeValue> values, List<String> sets, List<String> conditions) {
        String displayName = "#" + prefix + "name";
        String handle = "#" + prefix + "handle";
        names.put(displayName, prefix + Attr.USER_DISPLAY_NAME);
        names.put(handle, prefix + Attr.USER_HANDLE);
        values.put(":" + prefix + "name", Attr.s(current.displayName()));
        values.put(":" + prefix + "handle", Attr.s(current.handle().value()));
        conditions.add(current.displayName().isEmpty()
                ? "(attribute_not_exists(" + displayName + ") OR " + displayName + " = :" + prefix + "name)"
                : displayName + " = :" + prefix + "name");
        conditions.add(handle + " = :" + prefix + "handle");
        if (!next.equals(current)) {
            values.put(":" + prefix + "next_name", Attr.s(next.displayName()));
            values.put(":" + prefix + "next_handle", Attr.s(next.handle().value()));
            sets.add(displayName + " = :" + prefix + "next_name");
            sets.add(handle + " = :" + prefix + "next_handle");
        }
    }

    @Override
    public Mono<Page<InboxEntry>> inbox(UserId owner, int limit, Optional<String> after) {
        return newestFirst.page(AccessPattern.B, GroupRowItem.pk(owner), limit, after, GroupRowItem::fromItem);
    }
}
