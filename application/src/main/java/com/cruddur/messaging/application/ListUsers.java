package com.cruddur.messaging.application;

import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.Participant;
import reactor.core.publisher.Flux;

/** The first users in handle order, at most {@link #MAX}: who the embedded default's sign-in page offers. */
public final class ListUsers {

    public static final int MAX = 100;

    private final UserDirectory directory;

    public ListUsers(UserDirectory directory) {
        this.directory = directory;
    }

    public Flux<Participant> first() {
        return directory.listByHandle(MAX);
    }
}
