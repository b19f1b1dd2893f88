package com.cruddur.messaging.application.fake;

import com.cruddur.messaging.application.StoreUnavailableException;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.IdempotentRequest;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.UserId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * Message groups (the fake or a real adapter) whose moves of chosen groups fail as an unreachable store does, a
 * number of times or always; everything else passes through. It counts each group's move attempts and records the
 * moves it passed on, in order.
 */
public final class FailingMoves implements MessageGroups {

    /** A move passed on to the store. */
    public record Move(MessageGroupId group, LastMessage to) {
    }

    private final MessageGroups delegate;
    private final Map<MessageGroupId, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<MessageGroupId, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<Move> passedOn = new CopyOnWriteArrayList<>();

    public FailingMoves(MessageGroups delegate) {
        this.delegate = delegate;
    }

    /** Every move of {@code group} fails until {@link #heal()}. */
    public FailingMoves failMovesOf(MessageGroupId group) {
        return failMovesOf(group, Integer.MAX_VALUE);
    }

    /** The next {@code times} moves of {@code group} fail. */
    public FailingMoves failMovesOf(MessageGroupId group, int times) {
        failuresLeft.put(group, new AtomicInteger(times));
        return this;
    }

    public void heal() {
        failuresLeft.clear();
    }

    /** How many times a move of {@code group} was asked for, failed or not. */
    public int attemptsOf(MessageGroupId group) {
        AtomicInteger count = attempts.get(group);
        return count == null ? 0 : count.get();
    }

    /** The moves passed on to the store, in the order they were asked for. */
    public List<Move> movesPassedOn() {
        return List.copyOf(passedOn);
    }

    @Override
    public Mono<Void> update(MessageGroup group, MessageGroup next) {
        return Mono.defer(() -> {
            attempts.computeIfAbsent(group.id(), id -> new AtomicInteger()).incrementAndGet();
            AtomicInteger left = failuresLeft.get(group.id());
            if (left != null && left.getAndDecrement() > 0) {
                return Mono.error(new StoreUnavailableException("messages", "the message store is unavailable", null));
            }
            passedOn.add(new Move(group.id(), next.lastMessage()));
            return delegate.update(group, next);
        });
    }

    @Override
    public Mono<MessageGroup> find(MessageGroupId id) {
        return delegate.find(id);
    }

    @Override
    public Mono<MessageGroupId> findByPair(ParticipantPair pair) {
        return delegate.findByPair(pair);
    }

    @Override
    public Mono<Void> start(MessageGroup.Conversation conversation, Optional<IdempotentRequest> request) {
        return delegate.start(conversation, request);
    }

    @Override
    public Mono<Page<InboxEntry>> inbox(UserId owner, int limit, Optional<String> after) {
        return delegate.inbox(owner, limit, after);
    }
}
