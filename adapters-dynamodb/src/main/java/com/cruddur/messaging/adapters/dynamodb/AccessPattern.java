package com.cruddur.messaging.adapters.dynamodb;

import java.util.Optional;
import reactor.util.context.ContextView;

/**
 * The access patterns of DESIGN.md section 3, as the {@code pattern} tag of the consumed-capacity metric.
 *
 * <p>Each adapter method tags its calls with the pattern it mainly serves ({@code find} with A); a caller that knows
 * better (the send use case's membership check is C, the stream handler's is E) puts the pattern into the Reactor
 * context under {@link #CONTEXT_KEY}.
 */
public enum AccessPattern {
    /** List the messages of a group. */
    A,
    /** List my message groups. */
    B,
    /** Send into an existing group. */
    C,
    /** Send to a handle (new conversation). */
    D,
    /** Move both group rows to the newest message. */
    E;

    public static final String CONTEXT_KEY = AccessPattern.class.getName();

    /** The pattern the subscriber declared, else {@code fallback}. */
    static AccessPattern from(ContextView context, AccessPattern fallback) {
        Optional<Object> declared = context.getOrEmpty(CONTEXT_KEY);
        if (declared.isEmpty()) {
            return fallback;
        }
        if (declared.get() instanceof AccessPattern pattern) {
            return pattern;
        }
        for (AccessPattern pattern : values()) {
            if (pattern.name().equals(declared.get().toString())) {
                return pattern;
            }
        }
        return fallback;
    }
}
