package com.cruddur.messaging.adapters.web.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {uuid, created_at}}: the newest message the caller has seen, as pattern A listed it. */
record ReadMarkerRequest(String uuid, @JsonProperty("created_at") String createdAt) {
}
