package com.cruddur.messaging.adapters.web.api;

import com.cruddur.messaging.domain.Block;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Someone the caller blocks: who (as they were shown when blocked) and since when. */
record BlockResponse(String uuid, String handle, @JsonProperty("display_name") String displayName,
                     @JsonProperty("blocked_at") String blockedAt) {

    static BlockResponse from(Block block) {
        return new BlockResponse(block.blocked().id().toString(), block.blocked().handle().value(),
                block.blocked().displayName(), block.at().format());
    }
}
