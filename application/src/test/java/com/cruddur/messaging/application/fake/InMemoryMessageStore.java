package com.cruddur.messaging.application.fake;

import com.cruddur.messaging.application.StoreUnavailableException;
import com.cruddur.messaging.application.port.BlockedException;
import com.cruddur.messaging.application.port.Blocks;
import com.cruddur.messaging.application.port.Blocks.GroupChange;
import com.cruddur.messaging.application.port.ConcurrentUpdateException;
import com.cruddur.messaging.application.port.ConversationAlreadyExistsException;
import com.cruddur.messaging.application.port.DuplicateRequestException;
import com.cruddur.messaging.application.port.IdempotencyKeyReusedException;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.Block;
import com.cruddur.messaging.domain.IdempotencyKey;
import com.cruddur.messaging.domain.IdempotentRequest;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.MessageText;
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.RequestFingerprint;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Conversations, messages and blocks in memory, for use-case tests; passes {@code MessageGroupsContract},
 * {@code MessagesContract} and {@code BlocksContract}. It can also behave as real DynamoDB does where DynamoDB Local does not: an inbox
 * (a query, eventually consistent) that lags behind the writes, conditional writes that lose to another writer,
 * and a competing request that starts the same conversation first.
 */
public final class InMemoryMessageStore {

    private record Key(UserId sender, IdempotencyKey key) {
    }

    /** A used key: the message its request stored, what the request asked for, and until when it counts. */
    private record Remembered(Message original, RequestFingerprint fingerprint, Instant expiresAt) {
    }

    private final Map<MessageGroupId, MessageGroup> groups = new HashMap<>();
    private final Map<ParticipantPair, MessageGroupId> pairs = new HashMap<>();
    private final Map<MessageGroupId, NavigableMap<Timestamp, Message>> messagesByGroup = new HashMap<>();
    private final Map<Key, Remembered> requests = new HashMap<>();
    /** Each blocker's blocks, by the blocked user's id (in their string order, as the table sorts them). */
    private final Map<UserId, TreeMap<String, Block>> blocksByBlocker = new HashMap<>();

    private Map<MessageGroupId, MessageGroup> inboxSnapshot;
    private volatile boolean unavailable;
    private final AtomicInteger movesToLose = new AtomicInteger();
    private final AtomicInteger startsToLose = new AtomicInteger();
    private final AtomicInteger moveAttempts = new AtomicInteger();

    private final MessageGroups messageGroups = new Groups();
    private final Messages messages = new MessageLog();
    private final Blocks blocks = new BlockList();

    public MessageGroups messageGroups() {
        return messageGroups;
    }

    public Blocks blocks() {
        return blocks;
    }

    public Messages messages() {
        return messages;
    }

    /** Every call fails as a store that cannot be reached does; nothing is written meanwhile. */
    public void simulateUnavailable(boolean value) {
        unavailable = value;
    }

    /** From now on inboxes show the store as it is now, until {@link #catchUpInbox()}: an index that lags. */
    public synchronized void lagInbox() {
        inboxSnapshot = new HashMap<>(groups);
    }

    public synchronized void catchUpInbox() {
        inboxSnapshot = null;
    }

    /** The next {@code count} moves lose their condition as if another writer had moved the group first. */
    public void loseNextMoves(int count) {
        movesToLose.set(count);
    }

    /** How many moves were attempted, won or lost. */
    public int moveAttempts() {
        return moveAttempts.get();
    }

    /**
     * The next start loses to a competing request that started the same pair's conversation a moment earlier: the
     * competitor's conversation (with its own group id and first message) is stored, then the start fails as a
     * transaction that lost its condition.
     */
    public void loseNextStartToACompetitor() {
        startsToLose.set(1);
    }

    /** The rows of a user's inbox as stored (ignoring any lag), one per conversation. */
    public synchronized List<InboxEntry> storedInbox(UserId owner) {
        return inboxOf(groups, owner);
    }

    private <T> Mono<T> call(Supplier<T> operation) {
        return Mono.defer(() -> {
            if (unavailable) {
                return Mono.error(new StoreUnavailableException("messages", "the message store is unavailable", null));
            }
            synchronized (this) {
                return Mono.justOrEmpty(operation.get());
            }
        });
    }

    private static List<InboxEntry> inboxOf(Map<MessageGroupId, MessageGroup> source, UserId owner) {
        return source.values().stream()
                .flatMap(group -> group.inboxEntries().stream())
                .filter(entry -> entry.owner().equals(owner))
                .sorted(Comparator.comparing(InMemoryMessageStore::position).reversed())
                .toList();
    }

    /**
     * One page after {@code after}, which is the position of the last item of the previous page (as a store key
     * would be), not an offset: items added meanwhile never shift a page.
     */
    private static <T> Page<T> page(List<T> all, Function<T, String> position, int limit,
                                    Optional<String> after) {
        int from = after.map(last -> {
            for (int i = 0; i < all.size(); i++) {
                if (position.apply(all.get(i)).compareTo(last) < 0) {
                    return i;
                }
            }
            return all.size();
        }).orElse(0);
        List<T> items = all.subList(from, Math.min(from + limit, all.size()));
        boolean more = from + limit < all.size();
        return new Page<>(items, more ? Optional.of(position.apply(items.get(items.size() - 1))) : Optional.empty());
    }

    private static String position(InboxEntry entry) {
        return entry.lastMessage().at().format() + "#" + entry.groupId();
    }

    /**
     * The message stored by the first request with this key, when the key is still remembered at the message's
     * time; a key remembered for another request is refused.
     */
    private Optional<Message> remembered(Message message, IdempotentRequest request) {
        Remembered used = requests.get(new Key(message.sender().id(), request.key()));
        if (used == null || IdempotentRequest.isExpired(used.expiresAt(), message.createdAt().instant())) {
            return Optional.empty();
        }
        if (!used.fingerprint().equals(request.fingerprint())) {
            throw new IdempotencyKeyReusedException(request.key());
        }
        return Optional.of(used.original());
    }

    private void remember(Message stored, IdempotentRequest request) {
        requests.put(new Key(stored.sender().id(), request.key()),
                new Remembered(stored, request.fingerprint(), request.expiresAt()));
    }

    private final class Groups implements MessageGroups {

        @Override
        public Mono<MessageGroup> find(MessageGroupId id) {
            return call(() -> groups.get(id));
        }

        @Override
        public Mono<MessageGroupId> findByPair(ParticipantPair pair) {
            return call(() -> pairs.get(pair));
        }

        @Override
        public Mono<Void> start(MessageGroup.Conversation conversation, Optional<IdempotentRequest> request) {
            return call(() -> {
                MessageGroup group = conversation.group();
                ParticipantPair pair = ParticipantPair.of(group.first().id(), group.second().id());
                if (startsToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0 && !pairs.containsKey(pair)) {
                    store(MessageGroup.start(new MessageGroupId(UUID.randomUUID()), new MessageId(UUID.randomUUID()),
                            group.second(), group.first(), new MessageText("hi!"),
                            conversation.firstMessage().createdAt()), pair);
                }
                Message first = conversation.firstMessage();
                request.flatMap(r -> remembered(first, r)).ifPresent(original -> {
                    throw new DuplicateRequestException(original);
                });
                if (blockOf(group.second().id(), group.first().id()).isPresent()) {
                    throw new BlockedException();
                }
                if (pairs.containsKey(pair)) {
                    throw new ConversationAlreadyExistsException(pair);
                }
                store(conversation, pair);
                request.ifPresent(r -> remember(first, r));
                return null;
            });
        }

        private void store(MessageGroup.Conversation conversation, ParticipantPair pair) {
            MessageGroup group = conversation.group();
            groups.put(group.id(), group);
            pairs.put(pair, group.id());
            messagesByGroup.computeIfAbsent(group.id(), id -> new TreeMap<>())
                    .put(conversation.firstMessage().createdAt(), conversation.firstMessage());
        }

        @Override
        public Mono<Void> update(MessageGroup current, MessageGroup next) {
            return call(() -> {
                moveAttempts.incrementAndGet();
                MessageGroup stored = groups.get(current.id());
                if (movesToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new ConcurrentUpdateException("group " + current.id() + " moved meanwhile (simulated)");
                }
                if (changedSince(stored, current)) {
                    throw new ConcurrentUpdateException("group " + current.id() + " changed meanwhile");
                }
                groups.put(current.id(), next);
                return null;
            });
        }

        @Override
        public Mono<Page<InboxEntry>> inbox(UserId owner, int limit, Optional<String> after) {
            return call(() -> page(inboxOf(inboxSnapshot != null ? inboxSnapshot : groups, owner),
                    InMemoryMessageStore::position, limit, after));
        }
    }

    /** The condition of an update: the stored group is no longer the one the writer read. */
    private static boolean changedSince(MessageGroup stored, MessageGroup current) {
        return stored == null || !stored.lastMessage().equals(current.lastMessage())
                || !stored.firstRead().seen().equals(current.firstRead().seen())
                || !stored.secondRead().seen().equals(current.secondRead().seen())
                || stored.firstRead().blocksOther() != current.firstRead().blocksOther()
                || stored.secondRead().blocksOther() != current.secondRead().blocksOther()
                || !stored.first().equals(current.first()) || !stored.second().equals(current.second());
    }

    private Optional<Block> blockOf(UserId blocker, UserId blocked) {
        return Optional.ofNullable(blocksByBlocker.getOrDefault(blocker, new TreeMap<>()).get(blocked.toString()));
    }

    private final class BlockList implements Blocks {

        @Override
        public Mono<Block> find(UserId blocker, UserId blocked) {
            return call(() -> blockOf(blocker, blocked).orElse(null));
        }

        @Override
        public Mono<Void> block(Block block, Optional<GroupChange> conversation) {
            return call(() -> {
                changeConversation(block.blocker(), block.blocked().id(), conversation);
                blocksByBlocker.computeIfAbsent(block.blocker(), blocker -> new TreeMap<>())
                        .put(block.blocked().id().toString(), block);
                return null;
            });
        }

        @Override
        public Mono<Void> unblock(UserId blocker, UserId blocked, Optional<GroupChange> conversation) {
            return call(() -> {
                changeConversation(blocker, blocked, conversation);
                blocksByBlocker.getOrDefault(blocker, new TreeMap<>()).remove(blocked.toString());
                return null;
            });
        }

        private void changeConversation(UserId blocker, UserId blocked, Optional<GroupChange> conversation) {
            ParticipantPair pair = ParticipantPair.of(blocker, blocked);
            if (conversation.isEmpty()) {
                if (pairs.containsKey(pair)) {
                    throw new ConcurrentUpdateException("the pair started a conversation meanwhile");
                }
                return;
            }
            GroupChange change = conversation.get();
            if (changedSince(groups.get(change.current().id()), change.current())) {
                throw new ConcurrentUpdateException("group " + change.current().id() + " changed meanwhile");
            }
            groups.put(change.current().id(), change.next());
        }

        @Override
        public Mono<Page<Block>> list(UserId blocker, int limit, Optional<String> after) {
            return call(() -> {
                NavigableMap<String, Block> all = blocksByBlocker.getOrDefault(blocker, new TreeMap<>());
                NavigableMap<String, Block> rest = after.map(last -> all.tailMap(last, false)).orElse(all);
                List<Block> items = rest.values().stream().limit(limit).toList();
                boolean more = rest.size() > limit;
                return new Page<>(items, more
                        ? Optional.of(items.get(items.size() - 1).blocked().id().toString()) : Optional.empty());
            });
        }
    }

    private final class MessageLog implements Messages {

        @Override
        public Mono<Message> append(Message message, Optional<IdempotentRequest> request) {
            return call(() -> {
                Optional<Message> original = request.flatMap(r -> remembered(message, r));
                if (original.isPresent()) {
                    return original.get();
                }
                NavigableMap<Timestamp, Message> log = messagesByGroup.computeIfAbsent(message.groupId(), id -> new TreeMap<>());
                Message stored = message;
                while (log.containsKey(stored.createdAt())) {
                    stored = stored.at(stored.createdAt().nextMicrosecond());
                }
                log.put(stored.createdAt(), stored);
                Message kept = stored;
                request.ifPresent(r -> remember(kept, r));
                return stored;
            });
        }

        @Override
        public Mono<Message> find(MessageGroupId group, MessageId id, Timestamp createdAt) {
            return call(() -> Optional.ofNullable(messagesByGroup.getOrDefault(group, new TreeMap<>()).get(createdAt))
                    .filter(message -> message.id().equals(id))
                    .orElse(null));
        }

        @Override
        public Mono<Message> findById(MessageGroupId group, MessageId id, Optional<Timestamp> since) {
            return call(() -> messagesByGroup.getOrDefault(group, new TreeMap<>()).descendingMap().values().stream()
                    .takeWhile(message -> since.map(from -> !from.isAfter(message.createdAt())).orElse(true))
                    .filter(message -> message.id().equals(id))
                    .findFirst()
                    .orElse(null));
        }

        @Override
        public Mono<Void> rewrite(Message current, Message next) {
            return call(() -> {
                NavigableMap<Timestamp, Message> log = messagesByGroup.getOrDefault(current.groupId(), new TreeMap<>());
                Message stored = log.get(current.createdAt());
                if (stored == null || !stored.id().equals(current.id()) || stored.deleted()
                        || !stored.text().equals(current.text())) {
                    throw new ConcurrentUpdateException("message " + current.id() + " changed meanwhile");
                }
                log.put(next.createdAt(), next);
                return null;
            });
        }

        @Override
        public Flux<Message> between(MessageGroupId group, Timestamp after, Timestamp upTo) {
            return call(() -> List.copyOf(messagesByGroup.getOrDefault(group, new TreeMap<>())
                    .subMap(after, false, upTo, true).values()))
                    .flatMapIterable(messages -> messages);
        }

        @Override
        public Mono<Page<Message>> newestFirst(MessageGroupId group, int limit, Optional<String> after) {
            return call(() -> page(new ArrayList<>(messagesByGroup.getOrDefault(group, new TreeMap<>())
                    .descendingMap().values()), m -> m.createdAt().format(), limit, after));
        }
    }
}
