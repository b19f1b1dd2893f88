package com.cruddur.messaging.adapters.web.problem;

import com.cruddur.messaging.adapters.web.dev.ForeignHostException;
import com.cruddur.messaging.application.InvalidCommandException;
import com.cruddur.messaging.application.InvalidCursorException;
import com.cruddur.messaging.application.NotFoundException;
import com.cruddur.messaging.application.StoreUnavailableException;
import com.cruddur.messaging.application.UnknownCallerException;
import com.cruddur.messaging.application.port.BlockedException;
import com.cruddur.messaging.application.port.IdempotencyKeyReusedException;
import com.cruddur.messaging.domain.DomainViolation;
import com.cruddur.messaging.domain.MessageChangeRefused;
import java.util.List;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Every failure of a request, as the problem a client sees. A client's mistake is never a 500: only what is left
 * unrecognised at the end is. A 5xx tells the client only what it can act on (wait and retry); endpoints, table
 * names and the stores' own error text stay in the log ({@link ProblemWebExceptionHandler} writes it).
 */
public final class Problems {

    static final String STORE_UNAVAILABLE = "the %s store is unavailable; try again shortly";
    static final String UNEXPECTED = "an unexpected error occurred";

    private Problems() {
    }

    public static Problem from(Throwable failure) {
        if (hasCause(failure, DataBufferLimitException.class) || failure instanceof PayloadTooLargeException) {
            String detail = failure instanceof PayloadTooLargeException && failure.getCause() != null
                    ? failure.getCause().getMessage() : "the request body is too large";
            // The rest of the body stays unread, so the connection cannot carry another request: say so, or a
            // client reuses it and its next request is reset.
            return Problem.of(HttpStatus.CONTENT_TOO_LARGE, detail, "body_too_large")
                    .withHeader(HttpHeaders.CONNECTION, "close");
        }
        if (failure instanceof InvalidCommandException invalid) {
            return invalidCommand(invalid);
        }
        if (failure instanceof IdempotencyKeyReusedException reused) {
            return Problem.of(HttpStatus.UNPROCESSABLE_CONTENT, reused.getMessage(), "idempotency_key_reused");
        }
        if (failure instanceof DomainViolation violation) {
            return Problem.of(statusOf(List.of(violation)), violation.getMessage(), violation.code());
        }
        if (failure instanceof MessageChangeRefused refused) {
            // A tombstone has nothing to edit: the request conflicts with the message's state, it is not forbidden.
            HttpStatus status = refused.reason() == MessageChangeRefused.Reason.MESSAGE_DELETED
                    ? HttpStatus.CONFLICT : HttpStatus.FORBIDDEN;
            return Problem.of(status, refused.getMessage(), refused.code());
        }
        if (failure instanceof InvalidCursorException cursor) {
            return Problem.of(HttpStatus.BAD_REQUEST, cursor.getMessage(), "cursor_invalid");
        }
        if (failure instanceof NotFoundException notFound) {
            return Problem.of(HttpStatus.NOT_FOUND, notFound.getMessage(), notFound.code());
        }
        if (failure instanceof BlockedException blocked) {
            return Problem.of(HttpStatus.FORBIDDEN, blocked.getMessage(), "blocked");
        }
        if (failure instanceof UnknownCallerException unknown) {
            return Problem.of(HttpStatus.FORBIDDEN, unknown.getMessage(), "user_unknown");
        }
        if (failure instanceof StoreUnavailableException unavailable) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, STORE_UNAVAILABLE.formatted(storeName(unavailable)),
                            "store_unavailable")
                    .withHeader(HttpHeaders.RETRY_AFTER, "5");
        }
        if (failure instanceof ForeignHostException foreign) {
            return Problem.of(HttpStatus.FORBIDDEN, foreign.getMessage(), "host_not_loopback");
        }
        if (failure instanceof AuthenticationServiceException) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE,
                    "access tokens cannot be checked now (the signing keys are out of reach)", "auth_unavailable")
                    .withHeader(HttpHeaders.RETRY_AFTER, "5");
        }
        if (failure instanceof AuthenticationException) {
            return Problem.of(HttpStatus.UNAUTHORIZED, "a valid bearer access token is required", "token_invalid")
                    .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (failure instanceof AccessDeniedException) {
            return Problem.of(HttpStatus.FORBIDDEN, "this resource is not available to you", "access_denied");
        }
        if (failure instanceof UnsupportedMediaTypeStatusException unsupported) {
            return Problem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json",
                    "content_type_unsupported").withHeaders(unsupported.getHeaders());
        }
        if (failure instanceof ServerWebInputException input) {
            return malformed(input);
        }
        if (failure instanceof ErrorResponse response) {
            String detail = response.getStatusCode().is5xxServerError() ? UNEXPECTED : response.getBody().getDetail();
            return Problem.of(response.getStatusCode(), detail).withHeaders(response.getHeaders());
        }
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, UNEXPECTED);
    }

    /** The ports name their stores "messages" and "users"; anything else is not repeated to the client. */
    private static String storeName(StoreUnavailableException unavailable) {
        return "users".equals(unavailable.store()) ? "users" : "messages";
    }

    private static Problem invalidCommand(InvalidCommandException invalid) {
        return Problem.of(statusOf(invalid.violations()), invalid.getMessage(), invalid.codes());
    }

    /** Input of the wrong form makes a malformed request (400); well-formed input that breaks a rule, 422. */
    private static HttpStatus statusOf(List<DomainViolation> violations) {
        return violations.stream().anyMatch(DomainViolation::isMalformed)
                ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
    }

    private static Problem malformed(ServerWebInputException input) {
        if (hasCause(input, DecodingException.class)) {
            return Problem.of(HttpStatus.BAD_REQUEST, "the request body is not valid JSON for this route",
                    "body_malformed");
        }
        String reason = input.getReason() == null ? "the request is malformed" : input.getReason();
        return Problem.of(HttpStatus.BAD_REQUEST, reason, "request_malformed");
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
