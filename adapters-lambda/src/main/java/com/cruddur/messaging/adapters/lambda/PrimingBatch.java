package com.cruddur.messaging.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.IdempotentRequest;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A batch the function can run before SnapStart takes its snapshot, so the snapshot holds the classes (and the
 * first JIT work) of the whole path a batch takes: the event's conversion, decoding, the use case with Reactor, the
 * report, the metrics line. It runs against {@link #GROUPS} and {@link #MESSAGES}, which answer from memory and stores nothing: the
 * snapshot is taken before any call to DynamoDB, with no connection and no credentials in it.
 */
final class PrimingBatch {

    static final String SEQUENCE_NUMBER = "100000000000000000000000001";

    /** Every conversation exists, shows an older message and accepts the move without storing it. */
    static final MessageGroups GROUPS = new MessageGroups() {
        private final Participant first = participant("0e4b8f5d-3b1c-4f5a-9d0e-7a1b2c3d4e5f", "first");
        private final Participant second = participant("5f1c8a9e-2d3b-4c6a-8e7f-1a2b3c4d5e6f", "second");

        @Override
        public Mono<MessageGroup> find(MessageGroupId id) {
            return Mono.just(new MessageGroup(id, first, second,
                    new LastMessage(Timestamp.of(Instant.EPOCH), "")));
        }

        @Override
        public Mono<MessageGroupId> findByPair(ParticipantPair pair) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> start(MessageGroup.Conversation conversation, Optional<IdempotentRequest> request) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> update(MessageGroup current, MessageGroup next) {
            return Mono.empty();
        }

        @Override
        public Mono<Page<InboxEntry>> inbox(UserId owner, int limit, Optional<String> after) {
            return Mono.empty();
        }
    };

    /** No message is stored between the shown one and the batch's, so the move counts nothing unread. */
    static final Messages MESSAGES = new Messages() {
        @Override
        public Mono<Message> append(Message message, Optional<IdempotentRequest> request) {
            return Mono.just(message);
        }

        @Override
        public Mono<Page<Message>> newestFirst(MessageGroupId group, int limit, Optional<String> after) {
            return Mono.empty();
        }

        @Override
        public Mono<Message> find(MessageGroupId group, MessageId id, Timestamp createdAt) {
            return Mono.empty();
        }

        @Override
        public Mono<Message> findById(MessageGroupId group, MessageId id, Optional<Timestamp> since) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> rewrite(Message current, Message next) {
            return Mono.empty();
        }

        @Override
        public Flux<Message> between(MessageGroupId group, Timestamp after, Timestamp upTo) {
            return Flux.empty();
        }
    };

    private PrimingBatch() {
    }

    /** One message insert as Lambda delivers it. */
    static DynamodbEvent oneMessage(String sequenceNumber) {
        Map<String, AttributeValue> image = Map.of(
                "pk", s("MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399"),
                "sk", s("2026-11-22T10:15:30.123456+00:00"),
                "message_uuid", s("c8a5d3e1-2f4b-4a6c-9e8d-7b1a0f2e3d4c"),
                "message", s("are you coming to the meetup?"),
                "user_uuid", s("0e4b8f5d-3b1c-4f5a-9d0e-7a1b2c3d4e5f"),
                "user_display_name", s("Andrew Brown"),
                "user_handle", s("andrewbrown"));
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setDynamodb(new StreamRecord().withNewImage(image).withSequenceNumber(sequenceNumber)
                .withKeys(Map.of("pk", image.get("pk"), "sk", image.get("sk")))
                .withApproximateCreationDateTime(new Date(1795345200000L)));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        return event;
    }

    private static Participant participant(String id, String handle) {
        return new Participant(UserId.of(id), handle, new Handle(handle));
    }

    private static AttributeValue s(String value) {
        return new AttributeValue().withS(value);
    }
}
