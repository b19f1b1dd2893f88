package com.cruddur.messaging.adapters.web.api;

import com.cruddur.messaging.domain.Participant;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A user's public card. */
record UserShortResponse(String uuid, String handle, @JsonProperty("display_name") String displayName) {

    static UserShortResponse from(Participant user) {
        return new UserShortResponse(user.id().toString(), user.handle().value(), user.displayName());
    }
}
