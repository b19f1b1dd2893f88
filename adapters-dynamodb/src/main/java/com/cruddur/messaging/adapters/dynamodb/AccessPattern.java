package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.application.UseCasePattern;
import reactor.util.context.ContextView;

/**
 * The access patterns of DESIGN.md section 3, as the {@code pattern} tag of the consumed-capacity metric.
 *
 * <p>Each adapter method tags its calls with the pattern it mainly serves ({@code find} with A); the use cases
 * declare the pattern they serve ({@link UseCasePattern}, in the Reactor context), which wins: the membership check
 * of a send is billed to C, the read before a move to E.
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
    E,
    /** Mark a conversation read up to a message (beyond the reference). */
    R,
    /** Edit or delete one's own message (beyond the reference). */
    U,
    /** Show a renamed user's new name in the conversations they are in (beyond the reference). */
    N,
    /** Block or unblock a user, list one's blocks (beyond the reference). */
    K;

    /** The pattern the subscriber declared, else {@code fallback}. */
    static AccessPattern from(ContextView context, AccessPattern fallback) {
        return UseCasePattern.declaredIn(context).map(declared -> valueOf(declared.name())).orElse(fallback);
    }
}
