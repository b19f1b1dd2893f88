package com.cruddur.messaging.adapters.web.dev;

import com.cruddur.messaging.application.ListUsers;
import com.cruddur.messaging.domain.Participant;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * {@code GET /dev/users}: who can sign in with {@code POST /dev/token}, for the web UI's sign-in page; the first
 * {@link ListUsers#MAX} users of the directory in handle order, handle and display name only. The embedded default
 * only, and only for requests whose {@code Host} is a loopback name (403 otherwise), as the token issuer.
 */
@RestController
final class DevUsersController {

    record DevUser(String handle, @JsonProperty("display_name") String displayName) {

        static DevUser from(Participant user) {
            return new DevUser(user.handle().value(), user.displayName());
        }
    }

    private final ListUsers listUsers;

    DevUsersController(ListUsers listUsers) {
        this.listUsers = listUsers;
    }

    @GetMapping("/dev/users")
    Flux<DevUser> users(@RequestHeader(name = HttpHeaders.HOST, required = false) String host) {
        if (!LoopbackHost.named(host)) {
            return Flux.error(new ForeignHostException("the list of users"));
        }
        return listUsers.first().map(DevUser::from);
    }
}
