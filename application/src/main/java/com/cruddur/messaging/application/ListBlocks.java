package com.cruddur.messaging.application;

import com.cruddur.messaging.application.port.Blocks;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.Block;
import com.cruddur.messaging.domain.Participant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** The users the caller blocks, a page at a time (one Query per page, however many there are). */
public final class ListBlocks {

    private final Blocks blocks;
    private final Cursors cursors;

    public ListBlocks(Blocks blocks, Cursors cursors) {
        this.blocks = blocks;
        this.cursors = cursors;
    }

    public Mono<Page<Block>> list(Query query) {
        String scope = "blocks:" + query.caller().id();
        return Mono.defer(() -> blocks.list(
                        query.caller().id(), query.page().limit(), cursors.open(scope, query.page().cursor())))
                .map(page -> page.withNext(cursors.issue(scope, page.next())))
                .contextWrite(UseCasePattern.K::declareIn);
    }

    public record Query(Participant caller, PageQuery page) {

        public Query {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(page, "page");
        }
    }
}
