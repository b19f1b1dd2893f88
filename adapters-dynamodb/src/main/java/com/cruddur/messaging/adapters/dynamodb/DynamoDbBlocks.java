package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.application.port.Blocks;
import com.cruddur.messaging.application.port.ConcurrentUpdateException;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.Block;
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The blocks in the messages table ({@link BlockItem}). A block or an unblock is ONE TransactWriteItems: the block
 * item put (or deleted) with the pair's conversation updated as {@link DynamoDbMessageGroups#update} writes it, or, when the pair has
 * no conversation, with a condition check that its claim is still absent. So a block and a start of the pair's
 * conversation never both pass each other: the start checks the block item in its own transaction.
 */
public final class DynamoDbBlocks implements Blocks {

    private final TableCalls calls;
    private final Writes writes;
    private final DynamoDbMessageGroups groups;
    private final NewestFirst pages;

    public DynamoDbBlocks(DynamoDbAsyncClient client, String table, MeterRegistry registry) {
        this(client, table, new ConsumedCapacityRecorder(registry), Integer.MAX_VALUE);
    }

    /** {@code maxItemsPerRequest} caps each Query (tests use a small one to cross DynamoDB page boundaries). */
    DynamoDbBlocks(DynamoDbAsyncClient client, String table, ConsumedCapacityRecorder recorder,
                   int maxItemsPerRequest) {
        this.calls = new TableCalls(client, table, recorder);
        this.writes = new Writes(table);
        this.groups = new DynamoDbMessageGroups(client, table, recorder, maxItemsPerRequest);
        this.pages = new NewestFirst(calls, maxItemsPerRequest);
    }

    @Override
    public Mono<Block> find(UserId blocker, UserId blocked) {
        return calls.get(AccessPattern.K, BlockItem.key(blocker, blocked)).map(BlockItem::fromItem);
    }

    @Override
    public Mono<Void> block(Block block, Optional<GroupChange> conversation) {
        TransactWriteItem put = TransactWriteItem.builder()
                .put(Put.builder().tableName(calls.table()).item(BlockItem.toItem(block)).build()).build();
        return write(put, block.blocker(), block.blocked().id(), conversation);
    }

    @Override
    public Mono<Void> unblock(UserId blocker, UserId blocked, Optional<GroupChange> conversation) {
        TransactWriteItem delete = TransactWriteItem.builder()
                .delete(Delete.builder().tableName(calls.table()).key(BlockItem.key(blocker, blocked)).build())
                .build();
        return write(delete, blocker, blocked, conversation);
    }

    private Mono<Void> write(TransactWriteItem blockItem, UserId blocker, UserId blocked,
                             Optional<GroupChange> conversation) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(blockItem);
        conversation.ifPresentOrElse(
                change -> items.addAll(groups.updateItems(change.current(), change.next())),
                () -> items.add(writes.absent(PairItem.key(ParticipantPair.of(blocker, blocked)))));
        return calls.transact(AccessPattern.K, items)
                .retryWhen(TransactionConflicts.RETRY)
                .onErrorMap(TransactionCanceledException.class, cancelled -> new ConcurrentUpdateException(
                        "the conversation of " + blocker + " and " + blocked + " changed meanwhile ("
                                + String.join(", ", Writes.codes(cancelled)) + "); read it again", cancelled))
                .then();
    }

    @Override
    public Mono<Page<Block>> list(UserId blocker, int limit, Optional<String> after) {
        return pages.ascending(AccessPattern.K, BlockItem.pk(blocker), limit, after, BlockItem::fromItem);
    }
}
