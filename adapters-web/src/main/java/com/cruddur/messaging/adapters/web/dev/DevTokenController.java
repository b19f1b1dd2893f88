package com.cruddur.messaging.adapters.web.dev;

import com.cruddur.messaging.application.ShowUser;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /dev/token {"handle": "bayko"}}: an access token for a demo user, in the embedded default only, and only
 * for requests whose {@code Host} is a loopback name (403 otherwise, against DNS rebinding from a web page).
 */
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
    Mono<DevTokenResponse> token(@RequestHeader(name = HttpHeaders.HOST, required = false) String host,
                                 @RequestBody Mono<DevTokenRequest> body) {
        if (!LoopbackHost.named(host)) {
            // The small body is read first: a connection closed with unread bytes is reset, losing the answer.
            return body.then(Mono.error(new ForeignHostException()));
        }
        return body.flatMap(request -> showUser.byHandle(request.handle()))
                .flatMap(user -> issuer.issue(user.handle())
                        .map(token -> new DevTokenResponse(token, issuer.lifetime().toSeconds())));
    }
}
