package com.cruddur.messaging.application.fake;

import com.cruddur.messaging.application.StoreUnavailableException;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.IdempotentRequest;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.UserId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import reactor.core.publisher.Mono;

/**
 * Message groups (the fake or a real adapter) whose updates stop, as a store that went away does, after a number of
 * them succeeded; or that run something just before an update goes through (to interleave another writer there).
 * Everything else passes through.
 */
public final class InterruptedWrites implements MessageGroups {

    private final MessageGroups delegate;
    private final AtomicInteger updatesLeft = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger updatesPassedOn = new AtomicInteger();
    private volatile BiConsumer<MessageGroup, MessageGroup> beforeNextUpdate;

    public InterruptedWrites(MessageGroups delegate) {
        this.delegate = delegate;
    }

    /** After {@code count} more updates went through, every update fails until {@link #heal()}. */
    public InterruptedWrites failAfter(int count) {
        updatesLeft.set(count);
        return this;
    }

    public void heal() {
        updatesLeft.set(Integer.MAX_VALUE);
    }

    /** Runs {@code action} (with the update's current and next group) before the next update only. */
    public InterruptedWrites beforeNextUpdate(BiConsumer<MessageGroup, MessageGroup> action) {
        this.beforeNextUpdate = action;
        return this;
    }

    /** How many updates were passed on to the store. */
    public int updatesPassedOn() {
        return updatesPassedOn.get();
    }

    @Override
    public Mono<Void> update(MessageGroup current, MessageGroup next) {
        return Mono.defer(() -> {
            if (updatesLeft.getAndUpdate(left -> left == Integer.MAX_VALUE ? left : Math.max(0, left - 1)) <= 0) {
                return Mono.error(new StoreUnavailableException("messages", "the message store is unavailable", null));
            }
            BiConsumer<MessageGroup, MessageGroup> action = beforeNextUpdate;
            beforeNextUpdate = null;
            if (action != null) {
                action.accept(current, next);
            }
            updatesPassedOn.incrementAndGet();
            return delegate.update(current, next);
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
