package com.cruddur.messaging.adapters.web.api;

import com.cruddur.messaging.application.ShowUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A user's public card, readable without signing in (as the reference), for starting a conversation. */
@RestController
final class UsersController {

    private final ShowUser showUser;

    UsersController(ShowUser showUser) {
        this.showUser = showUser;
    }

    @GetMapping("/api/users/@{handle}/short")
    Mono<UserShortResponse> userShort(@PathVariable String handle) {
        return showUser.byHandle(handle).map(UserShortResponse::from);
    }
}
