package com.cruddur.messaging.adapters.lambda;

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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** Message groups whose moves of chosen groups fail as an unreachable store does; everything else passes through. */
final class FailingMoves implements MessageGroups {

    private final MessageGroups delegate;
    private final Set<MessageGroupId> failing = ConcurrentHashMap.newKeySet();

    FailingMoves(MessageGroups delegate) {
        this.delegate = delegate;
    }

    FailingMoves failMovesOf(MessageGroupId group) {
        failing.add(group);
        return this;
    }

    void heal() {
        failing.clear();
    }

    @Override
    public Mono<Void> moveLastMessage(MessageGroup group, LastMessage next) {
        if (failing.contains(group.id())) {
            return Mono.error(new StoreUnavailableException("messages", "the message store is unavailable", null));
        }
        return delegate.moveLastMessage(group, next);
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
