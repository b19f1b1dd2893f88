package com.cruddur.messaging.application.port;

import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import java.util.UUID;

/** Where new ids come from; random uuids in production, predictable ones in tests. */
public interface Ids {

    MessageGroupId newMessageGroupId();

    MessageId newMessageId();

    /** Random version-4 uuids, as the reference's {@code uuid.uuid4()}. */
    static Ids random() {
        return new Ids() {
            @Override
            public MessageGroupId newMessageGroupId() {
                return new MessageGroupId(UUID.randomUUID());
            }

            @Override
            public MessageId newMessageId() {
                return new MessageId(UUID.randomUUID());
            }
        };
    }
}
