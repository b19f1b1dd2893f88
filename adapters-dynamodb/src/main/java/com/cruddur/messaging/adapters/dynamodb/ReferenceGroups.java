package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.adapters.dynamodb.Transaction.Part;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.UserId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Conversations the reference created: two group rows (maybe more, maybe stale, maybe in an older timestamp form),
 * messages, and no conversation record. They are read through the GSI and the newest message, then adopted in one
 * transaction: the conversation record and the pair's claim are put (if absent), and the group rows are brought to
 * the newest message in this service's form (duplicates and stale rows removed), so that from then on the
 * conversation is read with one consistent GetItem and moves like any other.
 *
 * <p>If the adoption cannot be written (another reader adopted it first, or the GSI was stale), the conversation
 * is still answered as read; the next read tries again.
 */
final class ReferenceGroups {

    /** Leaves room in a 100-item transaction for the record, the claim and two new rows. */
    private static final int MAX_ROWS_REPLACED = 90;

    private final TableCalls calls;
    private final Writes writes;

    ReferenceGroups(TableCalls calls, Writes writes) {
        this.calls = calls;
        this.writes = writes;
    }

    /** The conversation as the reference left it, adopted; empty when no usable group rows exist. */
    Mono<MessageGroup> adopt(MessageGroupId id) {
        return groupRows(id, null, new ArrayList<>()).flatMap(rows -> {
            Optional<Plan> plan = Plan.of(id, rows);
            if (plan.isEmpty()) {
                return Mono.empty();
            }
            return newestMessage(id)
                    .map(newest -> plan.get().withNewest(newest))
                    .defaultIfEmpty(plan.get())
                    .flatMap(this::withBlocks)
                    .flatMap(complete -> write(complete, true));
        });
    }

    private Mono<List<GroupRowItem.Row>> groupRows(MessageGroupId id, Map<String, AttributeValue> start,
                                                   List<GroupRowItem.Row> rows) {
        QueryRequest.Builder request = QueryRequest.builder()
                .indexName(MessagesTable.GROUP_INDEX)
                .keyConditionExpression("#group = :group")
                .expressionAttributeNames(Map.of("#group", Attr.MESSAGE_GROUP_UUID))
                .expressionAttributeValues(Map.of(":group", Attr.s(id.toString())));
        if (start != null) {
            request.exclusiveStartKey(start);
        }
        return calls.query(AccessPattern.A, request).flatMap(response -> {
            response.items().forEach(item -> rows.add(GroupRowItem.read(item)));
            return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? groupRows(id, response.lastEvaluatedKey(), rows)
                    : Mono.just(rows);
        });
    }

    private Mono<Message> newestMessage(MessageGroupId id) {
        return calls.query(AccessPattern.A, QueryRequest.builder()
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", Attr.PK))
                        .expressionAttributeValues(Map.of(":pk", Attr.s(MessageItem.pk(id))))
                        .scanIndexForward(false)
                        .consistentRead(true)
                        .limit(1))
                .flatMap(response -> response.items().isEmpty()
                        ? Mono.empty() : Mono.just(MessageItem.fromItem(response.items().get(0))));
    }

    /**
     * The blocks either participant made before the conversation had a record (a block then has no conversation to
     * mark): two GetItems, once per adopted conversation. The adoption checks that no block was made since.
     */
    private Mono<Plan> withBlocks(Plan plan) {
        MessageGroup group = plan.group();
        return Mono.zip(blocked(group.first().id(), group.second().id()),
                        blocked(group.second().id(), group.first().id()))
                .map(both -> {
                    MessageGroup marked = group;
                    if (both.getT1()) {
                        marked = marked.blockedBy(group.first().id()).orElse(marked);
                    }
                    if (both.getT2()) {
                        marked = marked.blockedBy(group.second().id()).orElse(marked);
                    }
                    return new Plan(marked, plan.rows());
                });
    }

    private Mono<Boolean> blocked(UserId blocker, UserId blocked) {
        return calls.get(AccessPattern.A, BlockItem.key(blocker, blocked)).hasElement();
    }

    private Mono<MessageGroup> write(Plan plan, boolean withPairClaim) {
        MessageGroup group = plan.group();
        Transaction transaction = new Transaction()
                .add(Part.CONVERSATION, writes.putIfAbsent(ConversationItem.toItem(group)));
        noBlockSince(transaction, group.first().id(), group.second().id(), group);
        noBlockSince(transaction, group.second().id(), group.first().id(), group);
        if (withPairClaim) {
            transaction.add(Part.PAIR_CLAIM, writes.putIfAbsent(PairItem.toItem(
                    ParticipantPair.of(group.first().id(), group.second().id()), group.id())));
        }
        String canonical = group.lastMessage().at().format();
        plan.rows().stream()
                .filter(row -> !row.sk().equals(canonical))
                .limit(MAX_ROWS_REPLACED)
                .forEach(row -> transaction.add(Part.GROUP_ROW, writes.deleteGroupRow(row.key(), group.id())));
        group.inboxEntries().forEach(entry -> transaction.add(Part.GROUP_ROW,
                writes.putGroupRow(GroupRowItem.toItem(entry), group.id())));
        return calls.transact(AccessPattern.A, transaction.items())
                .thenReturn(group)
                .onErrorResume(TransactionCanceledException.class, cancelled -> {
                    Transaction.Cancellation why = transaction.cancellation(cancelled);
                    if (why.failedCondition(Part.CONVERSATION)) {
                        return calls.get(AccessPattern.A, ConversationItem.key(group.id()))
                                .map(ConversationItem::fromItem)
                                .defaultIfEmpty(group);
                    }
                    if (why.failedCondition(Part.BLOCK)) {
                        // A block was made while this adoption was read: adopt again, with it.
                        return adopt(group.id());
                    }
                    if (why.failedCondition(Part.PAIR_CLAIM)) {
                        // The pair already has a conversation (the reference let people create several).
                        return write(plan, false);
                    }
                    return Mono.just(group);
                });
    }

    /** A block not seen by the adoption's read must not be made before its write (the blocker's flag would be lost). */
    private void noBlockSince(Transaction transaction, UserId blocker, UserId blocked, MessageGroup group) {
        if (!group.readStateOf(blocker).blocksOther()) {
            transaction.add(Part.BLOCK, writes.absent(BlockItem.key(blocker, blocked)));
        }
    }

    /** What the group rows say about a conversation, when they describe exactly two people. */
    record Plan(MessageGroup group, List<GroupRowItem.Row> rows) {

        static Optional<Plan> of(MessageGroupId id, List<GroupRowItem.Row> rows) {
            Map<UserId, GroupRowItem.Row> newestPerOwner = new LinkedHashMap<>();
            for (GroupRowItem.Row row : rows) {
                newestPerOwner.merge(row.owner(), row, (kept, next) ->
                        next.entry().lastMessage().at().isAfter(kept.entry().lastMessage().at()) ? next : kept);
            }
            if (newestPerOwner.size() != 2) {
                return Optional.empty();
            }
            List<GroupRowItem.Row> owners = List.copyOf(newestPerOwner.values());
            GroupRowItem.Row a = owners.get(0);
            GroupRowItem.Row b = owners.get(1);
            if (!a.other().id().equals(b.owner()) || !b.other().id().equals(a.owner())) {
                return Optional.empty();
            }
            // Each row describes the other participant: b's row describes a, and a's row describes b.
            Participant ownerA = b.other();
            Participant ownerB = a.other();
            GroupRowItem.Row newest = owners.stream()
                    .max(Comparator.comparing(row -> row.entry().lastMessage().at()))
                    .orElseThrow();
            ParticipantPair pair = ParticipantPair.of(ownerA.id(), ownerB.id());
            Participant first = pair.lower().equals(ownerA.id()) ? ownerA : ownerB;
            Participant second = first == ownerA ? ownerB : ownerA;
            return Optional.of(new Plan(new MessageGroup(id, first, second, newest.entry().lastMessage()), rows));
        }

        /** The reference's stream handler may have missed messages: the newest one wins. */
        Plan withNewest(Message newest) {
            if (!newest.createdAt().isAfter(group.lastMessage().at())) {
                return this;
            }
            return new Plan(new MessageGroup(group.id(), group.first(), group.second(), LastMessage.of(newest)),
                    rows);
        }
    }
}
