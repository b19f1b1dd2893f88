package com.cruddur.messaging.adapters.web.api;

import com.cruddur.messaging.adapters.web.security.Callers;
import com.cruddur.messaging.application.BlockUser;
import com.cruddur.messaging.application.ListBlocks;
import com.cruddur.messaging.application.PageQuery;
import com.cruddur.messaging.application.UnblockUser;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The signed-in user's blocks. Both writes are idempotent: blocking someone blocked already answers the block made
 * first, unblocking someone not blocked answers 204 as any unblock does.
 */
@RestController
final class BlocksController {

    private final Callers callers;
    private final BlockUser blockUser;
    private final UnblockUser unblockUser;
    private final ListBlocks listBlocks;

    BlocksController(Callers callers, BlockUser blockUser, UnblockUser unblockUser, ListBlocks listBlocks) {
        this.callers = callers;
        this.blockUser = blockUser;
        this.unblockUser = unblockUser;
        this.listBlocks = listBlocks;
    }

    @PostMapping("/api/users/@{handle}/block")
    Mono<BlockResponse> block(@PathVariable String handle) {
        return callers.current()
                .flatMap(caller -> blockUser.block(new BlockUser.Command(caller, handle)))
                .map(BlockResponse::from);
    }

    @DeleteMapping("/api/users/@{handle}/block")
    Mono<ResponseEntity<Void>> unblock(@PathVariable String handle) {
        return callers.current()
                .flatMap(caller -> unblockUser.unblock(new UnblockUser.Command(caller, handle)))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }

    @GetMapping("/api/blocks")
    Mono<ResponseEntity<List<BlockResponse>>> blocks(@RequestParam(required = false) String limit,
                                                     @RequestParam(required = false) String cursor,
                                                     ServerHttpRequest request) {
        return callers.current().flatMap(caller -> {
            PageQuery page = Paging.query(limit, cursor);
            return listBlocks.list(new ListBlocks.Query(caller, page))
                    .map(result -> Paging.respond(request, page, result.map(BlockResponse::from)));
        });
    }
}
