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
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

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
    private final GroupUpdate groupUpdate;

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
        this.groupUpdate = new GroupUpdate(table, writes);
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

    /** ONE TransactWriteItems ({@link GroupUpdate}). */
    @Override
    public Mono<Void> update(MessageGroup current, MessageGroup next) {
        return calls.transact(AccessPattern.E, groupUpdate.items(current, next))
                .onErrorMap(TransactionCanceledException.class, cancelled -> new ConcurrentUpdateException(
                        "conversation " + current.id() + " changed meanwhile ("
                                + String.join(", ", Writes.codes(cancelled)) + "); read it again", cancelled))
                .then();
    }

    @Override
    public Mono<Page<InboxEntry>> inbox(UserId owner, int limit, Optional<String> after) {
        return newestFirst.page(AccessPattern.B, GroupRowItem.pk(owner), limit, after, GroupRowItem::fromItem);
    }
}
