package com.cruddur.messaging.adapters.web.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cruddur.messaging.application.InvalidCommandException;
import com.cruddur.messaging.application.NotFoundException;
import com.cruddur.messaging.application.StoreUnavailableException;
import com.cruddur.messaging.application.port.BlockedException;
import com.cruddur.messaging.application.port.IdempotencyKeyReusedException;
import com.cruddur.messaging.domain.IdempotencyKey;
import com.cruddur.messaging.domain.DomainViolation;
import com.cruddur.messaging.domain.MessageChangeRefused;
import com.cruddur.messaging.domain.MessageGroupId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

class ProblemsTest {

    @Test
    void brokenRulesAreUnprocessableWithAllTheirCodes() {
        Problem problem = Problems.from(new InvalidCommandException(List.of(
                new DomainViolation("user_reciever_handle_blank", "handle must not be blank"),
                new DomainViolation("message_blank", "message must not be blank"))));

        assertThat(problem.status().value()).isEqualTo(422);
        assertThat(problem.errors()).containsExactly("user_reciever_handle_blank", "message_blank");
        assertThat(problem.body("/api/messages")).containsEntry("status", 422)
                .containsEntry("title", "Unprocessable Content")
                .containsEntry("type", "about:blank")
                .containsEntry("instance", "/api/messages");
    }

    @Test
    void aSendToSomeoneWhoBlockedTheSenderIsForbiddenBlocked() {
        Problem problem = Problems.from(new BlockedException());

        assertThat(problem.status().value()).isEqualTo(403);
        assertThat(problem.errors()).containsExactly("blocked");
        assertThat(problem.body("/api/messages")).containsEntry("detail",
                "this person has blocked you: your message was not sent");
    }

    @Test
    void aMalformedUuidAmongBrokenRulesIsABadRequest() {
        Problem problem = Problems.from(new InvalidCommandException(List.of(
                catchThrowableOfType(DomainViolation.class, () -> MessageGroupId.of("not-a-uuid")),
                new DomainViolation("message_blank", "message must not be blank"))));

        assertThat(problem.status().value()).isEqualTo(400);
        assertThat(problem.errors()).containsExactly("message_group_uuid_invalid", "message_blank");
    }

    @Test
    void theStatusComesFromTheKindOfViolationNotFromItsCode() {
        DomainViolation malformed = DomainViolation.malformed("cursor_shape", "not of the form of a cursor");
        DomainViolation invalid = new DomainViolation("successor_uuid_invalid", "well formed, but breaks a rule");

        assertThat(Problems.from(new InvalidCommandException(List.of(malformed))).status().value()).isEqualTo(400);
        assertThat(Problems.from(new InvalidCommandException(List.of(invalid))).status().value()).isEqualTo(422);
        assertThat(Problems.from(malformed).status().value()).isEqualTo(400);
        assertThat(Problems.from(invalid).status().value()).isEqualTo(422);
    }

    @Test
    void aReusedIdempotencyKeyIsUnprocessable() {
        Problem problem = Problems.from(new IdempotencyKeyReusedException(new IdempotencyKey("k-1")));

        assertThat(problem.status().value()).isEqualTo(422);
        assertThat(problem.errors()).containsExactly("idempotency_key_reused");
        assertThat(problem.detail()).contains("k-1");
    }

    @Test
    void notFoundKeepsItsCode() {
        Problem problem = Problems.from(NotFoundException.handle("bayko"));
        assertThat(problem.status().value()).isEqualTo(404);
        assertThat(problem.errors()).containsExactly("user_not_found");
    }

    @Test
    void aRefusedChangeOfAMessageIsForbiddenUnlessItIsATombstoneWhichConflicts() {
        for (MessageChangeRefused.Reason reason : MessageChangeRefused.Reason.values()) {
            Problem problem = Problems.from(new MessageChangeRefused(reason, "refused"));
            assertThat(problem.status().value())
                    .isEqualTo(reason == MessageChangeRefused.Reason.MESSAGE_DELETED ? 409 : 403);
            assertThat(problem.errors()).containsExactly(reason.code());
        }
    }

    @Test
    void unavailableStoreIsServiceUnavailableWithAGenericDetail() {
        Problem problem = Problems.from(new StoreUnavailableException("messages",
                "DynamoDB at http://127.0.0.1:8000 failed a request on table 'cruddur-messages': "
                        + "Requested resource not found", null));
        assertThat(problem.status().value()).isEqualTo(503);
        assertThat(problem.detail()).isEqualTo("the messages store is unavailable; try again shortly");
        assertThat(problem.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");

        Problem users = Problems.from(new StoreUnavailableException("users",
                "users database r2dbc:postgresql://db.internal:5432/cruddur did not answer within 5 s", null));
        assertThat(users.detail()).isEqualTo("the users store is unavailable; try again shortly");
    }

    @Test
    void otherServerErrorsTellTheClientNothingOfTheirCause() {
        Problem unexpected = Problems.from(new IllegalStateException("connection to 10.0.3.7:6379 refused"));
        assertThat(unexpected.status().value()).isEqualTo(500);
        assertThat(unexpected.detail()).isEqualTo("an unexpected error occurred");

        Problem gateway = Problems.from(new ResponseStatusException(HttpStatus.BAD_GATEWAY,
                "upstream http://10.0.3.7:9229 said: table cruddur-messages missing"));
        assertThat(gateway.status().value()).isEqualTo(502);
        assertThat(gateway.detail()).isEqualTo("an unexpected error occurred");
    }

    @Test
    void unreachableSigningKeysAreServiceUnavailableNotUnauthorized() {
        Problem problem = Problems.from(new AuthenticationServiceException("Couldn't retrieve remote JWK set"));
        assertThat(problem.status().value()).isEqualTo(503);
    }

    @Test
    void bodyOverTheCodecLimitIsTooLarge() {
        Problem problem = Problems.from(new DecodingException("too big", new DataBufferLimitException("limit")));
        assertThat(problem.status().value()).isEqualTo(413);
    }

    @Test
    void undecodableBodyIsABadRequest() {
        Problem problem = Problems.from(new ServerWebInputException("Failed to read HTTP message", null,
                new DecodingException("JSON decoding error")));
        assertThat(problem.status().value()).isEqualTo(400);
        assertThat(problem.errors()).containsExactly("body_malformed");
    }

    @Test
    void frameworkStatusesPassThroughWithTheirHeaders() {
        Problem problem = Problems.from(new MethodNotAllowedException(HttpMethod.DELETE, Set.of(HttpMethod.GET)));
        assertThat(problem.status().value()).isEqualTo(405);
        assertThat(problem.headers().getAllow()).containsExactly(HttpMethod.GET);
    }

    @Test
    void anythingUnrecognisedIsAnInternalErrorThatRevealsNothing() {
        Problem problem = Problems.from(new IllegalStateException("secret internals"));
        assertThat(problem.status().value()).isEqualTo(500);
        assertThat(problem.detail()).doesNotContain("secret");
    }
}
