package com.cruddur.messaging.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.ListMessages;
import com.cruddur.messaging.application.PageQuery;
import com.cruddur.messaging.application.SentMessage;
import com.cruddur.messaging.application.StartConversation;
import com.cruddur.messaging.application.contract.ContractFixtures;
import com.cruddur.messaging.application.fake.InMemoryMessageStore;
import com.cruddur.messaging.application.fake.InMemoryUserDirectory;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole web adapter on a random port of 127.0.0.1, over the in-memory stores, validating real RS256 tokens
 * against a JWKS served by the test. Every test makes its own users, so tests never see each other's data.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.address=127.0.0.1",
                "cruddur.auth.issuer=" + TestTokens.ISSUER,
                "cruddur.auth.client-ids=" + TestTokens.CLIENT_ID + "," + TestTokens.OTHER_CLIENT_ID,
                "cruddur.web.frontend-origin=http://localhost:3000",
                // As the service has it: Redis (on the class path for the fan-out) is no health contributor.
                "management.health.redis.enabled=false",
        })
// WebTestClient's default 5 s is too tight for the first call of an endpoint on a busy two-core build machine.
@AutoConfigureWebTestClient(timeout = "30s")
abstract class WebApiTest {

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("cruddur.auth.jwks-url", TestJwksServer::url);
    }

    @Autowired
    WebTestClient client;
    @Autowired
    InMemoryUserDirectory directory;
    @Autowired
    InMemoryMessageStore store;
    @Autowired
    StartConversation startConversation;
    @Autowired
    ListMessages listMessages;

    private final Map<Participant, String> subjects = new HashMap<>();

    /** A user known to the directory, with a Cognito subject of their own. */
    Participant user(String displayName) {
        Participant participant = ContractFixtures.participant(displayName);
        String subject = UUID.randomUUID().toString();
        directory.add(participant, subject);
        subjects.put(participant, subject);
        return participant;
    }

    String tokenOf(Participant user) {
        return TestTokens.valid(subjects.get(user));
    }

    String subjectOf(Participant user) {
        return subjects.get(user);
    }

    SentMessage start(Participant sender, Participant recipient, String text) {
        return startConversation.send(
                StartConversation.Command.of(sender, recipient.handle().value(), text, null)).block();
    }

    /** What the store holds for a conversation, oldest first, as its participant sees it. */
    List<Message> stored(Participant participant, MessageGroupId group) {
        return listMessages.list(new ListMessages.Query(participant, group, new PageQuery(PageQuery.MAX_LIMIT, null)))
                .block().page().items();
    }

    Consumer<HttpHeaders> auth(Participant user) {
        return headers -> headers.setBearerAuth(tokenOf(user));
    }

    /** The request is answered with a problem+json of this status, with {@code code} among its errors. */
    static void problem(WebTestClient.RequestHeadersSpec<?> request, int status, String code) {
        WebTestClient.BodyContentSpec body = request.exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.title").isNotEmpty();
        if (code != null) {
            body.jsonPath("$.errors").value(errors -> assertThat(errors)
                    .asInstanceOf(InstanceOfAssertFactories.LIST).contains(code));
        }
    }

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
