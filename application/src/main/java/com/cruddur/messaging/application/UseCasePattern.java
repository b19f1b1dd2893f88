package com.cruddur.messaging.application;

import java.util.Optional;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The access pattern a use case serves (DESIGN.md section 3), declared in the Reactor context of its calls so that
 * a store can bill the work to it: the same port method serves several patterns ({@code find} is the membership
 * check of A and C and the read of E), and only the caller knows which one a call is for.
 */
public enum UseCasePattern {
    /** List the messages of a conversation. */
    A,
    /** List my conversations. */
    B,
    /** Send into an existing conversation. */
    C,
    /** Send to a handle (new conversation). */
    D,
    /** Move both inbox rows to the newest message. */
    E,
    /** Mark a conversation read up to a message (beyond the reference). */
    R,
    /** Edit or delete one's own message (beyond the reference). */
    U,
    /** Show a renamed user's new name in the conversations they are in (beyond the reference). */
    N,
    /** Block or unblock a user, list one's blocks (beyond the reference). */
    K;

    private static final String CONTEXT_KEY = UseCasePattern.class.getName();

    /** For {@code contextWrite}: every call upstream serves this pattern. */
    public Context declareIn(Context context) {
        return context.put(CONTEXT_KEY, this);
    }

    /** The pattern the subscriber declared, if any. */
    public static Optional<UseCasePattern> declaredIn(ContextView context) {
        return context.getOrEmpty(CONTEXT_KEY).filter(UseCasePattern.class::isInstance).map(UseCasePattern.class::cast);
    }
}
