package com.cruddur.messaging.application;

import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ReadPosition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Pattern A: a conversation's messages, newest page first, each page oldest to newest, and how far the other
 * participant has read it (so a sender can show "seen"). Only its two participants may read it; to anyone else it
 * does not exist.
 */
public final class ListMessages {

    private final MessageGroups groups;
    private final Messages messages;
    private final Cursors cursors;

    public ListMessages(MessageGroups groups, Messages messages, Cursors cursors) {
        this.groups = groups;
        this.messages = messages;
        this.cursors = cursors;
    }

    public Mono<Result> list(Query query) {
        String scope = "messages:" + query.group() + ":" + query.caller().id();
        return groups.find(query.group())
                .filter(group -> group.hasParticipant(query.caller().id()))
                .switchIfEmpty(Mono.error(() -> NotFoundException.messageGroup(query.group())))
                .flatMap(member -> messages.newestFirst(
                                query.group(), query.page().limit(), cursors.open(scope, query.page().cursor()))
                        .map(page -> new Result(new Page<>(oldestFirst(page.items()), cursors.issue(scope, page.next())),
                                member.readStateOf(member.otherThan(query.caller().id()).id()).seen())))
                .contextWrite(UseCasePattern.A::declareIn);
    }

    private static List<Message> oldestFirst(List<Message> newestFirst) {
        List<Message> reversed = new ArrayList<>(newestFirst);
        Collections.reverse(reversed);
        return reversed;
    }

    /** One page of messages, and the newest message the other participant has seen, if they have read any. */
    public record Result(Page<Message> page, Optional<ReadPosition> seenByOther) {

        public Result {
            Objects.requireNonNull(page, "page");
            Objects.requireNonNull(seenByOther, "seen by other");
        }
    }

    public record Query(Participant caller, MessageGroupId group, PageQuery page) {

        public Query {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(group, "message group");
            Objects.requireNonNull(page, "page");
        }
    }
}
