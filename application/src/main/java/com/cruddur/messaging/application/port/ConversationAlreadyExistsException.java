package com.cruddur.messaging.application.port;

import com.cruddur.messaging.domain.ParticipantPair;

/** Two people can have one conversation: this pair's was created by another request first. */
public class ConversationAlreadyExistsException extends ConcurrentUpdateException {

    public ConversationAlreadyExistsException(ParticipantPair pair) {
        super("a conversation between " + pair.lower() + " and " + pair.higher() + " exists already");
    }
}
