package com.cruddur.messaging.adapters.web.dev;

import com.cruddur.messaging.application.ShowUser;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /dev/token {"handle": "bayko"}}: an access token for a seeded user, in the local profile only. */
@RestController
final class DevTokenController {

    record DevTokenRequest(String handle) {
    }

    record DevTokenResponse(@JsonProperty("access_token") String accessToken,
                            @JsonProperty("expires_in") long expiresIn) {
    }

    private final ShowUser showUser;
    private final DevTokenIssuer issuer;

    DevTokenController(ShowUser showUser, DevTokenIssuer issuer) {
        this.showUser = showUser;
        this.issuer = issuer;
    }

    @PostMapping(path = "/dev/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<DevTokenResponse> token(@RequestBody Mono<DevTokenRequest> body) {
        return body.flatMap(request -> showUser.byHandle(request.handle()))
                .map(user -> new DevTokenResponse(issuer.issue(user.handle()), issuer.lifetime().toSeconds()));
    }
}
