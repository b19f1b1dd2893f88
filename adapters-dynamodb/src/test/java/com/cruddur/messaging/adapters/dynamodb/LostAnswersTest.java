package com.cruddur.messaging.adapters.dynamodb;

import static com.cruddur.messaging.adapters.dynamodb.TestData.at;
import static com.cruddur.messaging.adapters.dynamodb.TestData.conversation;
import static com.cruddur.messaging.adapters.dynamodb.TestData.message;
import static com.cruddur.messaging.adapters.dynamodb.TestData.partition;
import static com.cruddur.messaging.adapters.dynamodb.TestData.person;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.adapters.dynamodb.testing.LostWriteResponsesProxy;
import com.cruddur.messaging.application.StoreUnavailableException;
import com.cruddur.messaging.domain.IdempotencyKey;
import com.cruddur.messaging.domain.IdempotentRequest;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageText;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.RequestFingerprint;
import com.cruddur.messaging.domain.Timestamp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes whose first attempt lands but whose answer never comes back in time, so the SDK sends them again: each
 * is stored once, and the caller gets what it stored. The repeated write meets its own first attempt, which must
 * not be taken for another message at the same instant, another conversation of the pair or another request
 * with the same key.
 */
class LostAnswersTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String TABLE = DynamoDbLocalFixture.freshTable("lost-answers");
    private static final ConsumedCapacityRecorder RECORDER = new ConsumedCapacityRecorder(new SimpleMeterRegistry());
    // Without the SDK's request token a repeated transaction that landed reaches the adapter as cancelled.
    private static final LostWriteResponsesProxy PROXY =
            LostWriteResponsesProxy.forgettingRequestTokens(DynamoDbLocalFixture.endpoint());
    // One client per test: the SDK's retry quota (a token bucket that timeouts drain) starts full for each.
    private final DynamoDbAsyncClient slowClient = clientThrough(PROXY);

    private final DynamoDbMessageGroups groups =
            new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), TABLE, RECORDER, 100);
    private final DynamoDbMessageGroups slowGroups = new DynamoDbMessageGroups(slowClient, TABLE, RECORDER, 100);
    private final DynamoDbMessages slowMessages = new DynamoDbMessages(slowClient, TABLE, RECORDER, 100);

    /** A client as the service builds one, but with all the time a busy machine needs for a call. */
    private static DynamoDbAsyncClient clientThrough(LostWriteResponsesProxy proxy) {
        return DynamoDbLocalFixture.newClient(proxy.endpoint(), Duration.ofSeconds(90));
    }

    @AfterEach
    void closeClient() {
        slowClient.close();
    }

    @AfterAll
    static void closeProxy() {
        PROXY.close();
    }

    private MessageGroup.Conversation started() {
        MessageGroup.Conversation conversation = conversation(person("Delenn"), person("Lennier"), "hello", at(0));
        groups.start(conversation, Optional.empty()).block(WAIT);
        return conversation;
    }

    private static List<String> storedUuids(MessageGroup group) {
        return partition(TABLE, "MSG#" + group.id()).stream().map(item -> item.get("message_uuid").s()).toList();
    }

    @Test
    void aSendWhoseAnswerWasLostIsStoredOnceAndAnswered() {
        MessageGroup.Conversation conversation = started();
        Message sent = message(conversation.group().id(), conversation.group().first(), "once, please", at(1));
        int lostBefore = PROXY.lostAnswers();

        Message stored = slowMessages.append(sent, Optional.empty()).block(WAIT);

        assertThat(PROXY.lostAnswers()).as("the first answer was lost").isGreaterThan(lostBefore);
        assertThat(stored).isEqualTo(sent);
        assertThat(storedUuids(conversation.group()))
                .containsExactlyInAnyOrder(conversation.firstMessage().id().toString(), sent.id().toString());
    }

    @Test
    void aStartWhoseAnswerWasLostStartsOneConversationWithOneMessage() {
        Participant sender = person("Vir");
        Participant recipient = person("Londo");
        MessageGroup.Conversation conversation = conversation(sender, recipient, "hello", at(0));
        int lostBefore = PROXY.lostAnswers();

        slowGroups.start(conversation, Optional.empty()).block(WAIT);

        assertThat(PROXY.lostAnswers()).as("the first answer was lost").isGreaterThan(lostBefore);
        assertThat(storedUuids(conversation.group())).containsExactly(conversation.firstMessage().id().toString());
        for (Participant owner : List.of(sender, recipient)) {
            List<Map<String, AttributeValue>> rows = partition(TABLE, "GRP#" + owner.id());
            assertThat(rows).extracting(row -> row.get("message_group_uuid").s())
                    .containsExactly(conversation.group().id().toString());
        }
    }

    @Test
    void aSendWithAKeyWhoseAnswerWasLostIsStoredOnceAndAnswered() {
        MessageGroup.Conversation conversation = started();
        Message sent = message(conversation.group().id(), conversation.group().second(), "keyed", at(1));
        IdempotentRequest request = request("lost-" + UUID.randomUUID(), sent);
        int lostBefore = PROXY.lostAnswers();

        Message stored = slowMessages.append(sent, Optional.of(request)).block(WAIT);

        assertThat(PROXY.lostAnswers()).as("the first answer was lost").isGreaterThan(lostBefore);
        assertThat(stored).isEqualTo(sent);
        assertThat(storedUuids(conversation.group()))
                .containsExactlyInAnyOrder(conversation.firstMessage().id().toString(), sent.id().toString());
    }

    @Test
    void aStartWithAKeyWhoseAnswerWasLostStartsOneConversation() {
        MessageGroup.Conversation conversation = conversation(person("Zack"), person("Lyta"), "hello", at(0));
        IdempotentRequest request = request("lost-start-" + UUID.randomUUID(), conversation.firstMessage());
        int lostBefore = PROXY.lostAnswers();

        slowGroups.start(conversation, Optional.of(request)).block(WAIT);

        assertThat(PROXY.lostAnswers()).as("the first answer was lost").isGreaterThan(lostBefore);
        assertThat(storedUuids(conversation.group())).containsExactly(conversation.firstMessage().id().toString());
    }

    /**
     * Many senders into one conversation on the slow store: whatever was answered is stored once, nothing twice.
     * (Some sends run out of the SDK's retry quota and fail as unavailable: their message may be stored, once, as
     * with any write whose answer never came; a client resends those with an Idempotency-Key.)
     */
    @Test
    void simultaneousSendsOnASlowStoreAreEachStoredOnce() {
        MessageGroup.Conversation conversation = started();
        Timestamp sameInstant = at(10);
        List<Message> sent = IntStream.range(0, 60)
                .mapToObj(i -> message(conversation.group().id(),
                        i % 2 == 0 ? conversation.group().first() : conversation.group().second(), "burst " + i,
                        sameInstant))
                .toList();
        int lostBefore = PROXY.lostAnswers();

        List<Message> answered = Flux.fromIterable(sent)
                .flatMap(m -> slowMessages.append(m, Optional.empty())
                        .onErrorResume(StoreUnavailableException.class, unavailable -> Mono.empty()), sent.size())
                .collectList().block(WAIT);

        List<String> stored = storedUuids(conversation.group());
        assertThat(PROXY.lostAnswers() - lostBefore).as("first answers lost").isGreaterThanOrEqualTo(sent.size());
        assertThat(answered).as("sends that were answered").isNotEmpty();
        assertThat(stored).doesNotHaveDuplicates()
                .containsAll(answered.stream().map(m -> m.id().toString()).toList());
        assertThat(answered).extracting(Message::createdAt).doesNotHaveDuplicates();
    }

    private static IdempotentRequest request(String key, Message message) {
        return new IdempotentRequest(new IdempotencyKey(key),
                RequestFingerprint.ofGroupSend(message.groupId(), new MessageText(message.text())),
                message.createdAt().instant().plus(Duration.ofHours(24)));
    }
}
