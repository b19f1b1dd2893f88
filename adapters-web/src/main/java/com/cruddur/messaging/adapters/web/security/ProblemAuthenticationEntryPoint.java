package com.cruddur.messaging.adapters.web.security;

import com.cruddur.messaging.adapters.web.problem.Problem;
import com.cruddur.messaging.adapters.web.problem.ProblemWriter;
import com.cruddur.messaging.adapters.web.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A missing, malformed or refused token: always 401 (also for a malformed header, which Spring would answer with
 * 400) with an RFC 6750 {@code WWW-Authenticate} challenge and a problem+json body.
 */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

    private final ProblemWriter writer;

    ProblemAuthenticationEntryPoint(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        if (failure instanceof AuthenticationServiceException) {
            // The client is told only that tokens cannot be checked now; why (which key server, what failed) is here.
            LOG.warn("{} {} -> 503: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    failure.getMessage(), failure.getCause());
        }
        return writer.write(exchange, problem(failure));
    }

    static Problem problem(AuthenticationException failure) {
        if (failure instanceof AuthenticationServiceException) {
            return Problems.from(failure);
        }
        if (failure instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            String description = error.getDescription() == null ? "the access token was refused"
                    : printable(error.getDescription());
            String challenge = "Bearer error=\"" + error.getErrorCode() + "\", error_description=\"" + description + "\"";
            return Problem.of(HttpStatus.UNAUTHORIZED, description, "token_invalid")
                    .withHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        return Problem.of(HttpStatus.UNAUTHORIZED, "send an access token as Authorization: Bearer <token>",
                        "token_missing")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    /** RFC 6750 allows only printable ASCII without quotes and backslashes in a description. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : ' '));
        return out.toString();
    }
}
