package com.cruddur.messaging.application;

import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.Participant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Pattern B: the caller's conversations, the one with the most recent message first, whatever the year. */
public final class ListMessageGroups {

    private final MessageGroups groups;
    private final Cursors cursors;

    public ListMessageGroups(MessageGroups groups, Cursors cursors) {
        this.groups = groups;
        this.cursors = cursors;
    }

    public Mono<Page<InboxEntry>> list(Query query) {
        String scope = "message_groups:" + query.caller().id();
        return Mono.defer(() -> groups.inbox(
                        query.caller().id(), query.page().limit(), cursors.open(scope, query.page().cursor())))
                .map(page -> page.withNext(cursors.issue(scope, page.next())))
                .contextWrite(UseCasePattern.B::declareIn);
    }

    public record Query(Participant caller, PageQuery page) {

        public Query {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(page, "page");
        }
    }
}
