package com.cruddur.messaging.application.fake;

import com.cruddur.messaging.application.StoreUnavailableException;
import com.cruddur.messaging.application.port.HandleTakenException;
import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.UserId;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The user directory in a map, for use-case tests; passes {@code UserDirectoryContract}. */
public final class InMemoryUserDirectory implements UserDirectory {

    private record StoredUser(Participant participant, Optional<String> cognitoSubject) {
    }

    private final Map<UserId, StoredUser> users = new ConcurrentHashMap<>();
    private volatile boolean unavailable;

    /** Adds (or replaces) a user; {@code cognitoSubject} may be null for a user not yet synced with Cognito. */
    public Participant add(Participant participant, String cognitoSubject) {
        users.put(participant.id(), new StoredUser(participant, Optional.ofNullable(cognitoSubject)));
        return participant;
    }

    /** Every lookup fails as a directory that cannot be reached does. */
    public void simulateUnavailable(boolean value) {
        this.unavailable = value;
    }

    @Override
    public Mono<Participant> findByCognitoSubject(String subject) {
        return find(user -> user.cognitoSubject().filter(s -> !s.isEmpty()).map(s -> s.equals(subject)).orElse(false));
    }

    @Override
    public Mono<Participant> findByHandle(Handle handle) {
        return find(user -> user.participant().handle().equals(handle));
    }

    @Override
    public Flux<Participant> listByHandle(int limit) {
        return Flux.defer(() -> {
            if (unavailable) {
                return Flux.error(new StoreUnavailableException("users", "the user directory is unavailable", null));
            }
            return Flux.fromStream(users.values().stream().map(StoredUser::participant)
                    .sorted(Comparator.comparing(participant -> participant.handle().value()))
                    .limit(limit)
                    .toList().stream());
        });
    }

    @Override
    public Mono<Participant> rename(Participant renamed) {
        return Mono.defer(() -> {
            if (unavailable) {
                return Mono.error(new StoreUnavailableException("users", "the user directory is unavailable", null));
            }
            synchronized (users) {
                StoredUser stored = users.get(renamed.id());
                if (stored == null) {
                    return Mono.empty();
                }
                boolean taken = users.values().stream().anyMatch(user -> !user.participant().id().equals(renamed.id())
                        && user.participant().handle().equals(renamed.handle()));
                if (taken) {
                    return Mono.error(new HandleTakenException(renamed.handle()));
                }
                users.put(renamed.id(), new StoredUser(renamed, stored.cognitoSubject()));
                return Mono.just(renamed);
            }
        });
    }

    private Mono<Participant> find(Predicate<StoredUser> matches) {
        return Mono.defer(() -> {
            if (unavailable) {
                return Mono.error(new StoreUnavailableException("users", "the user directory is unavailable", null));
            }
            return Mono.justOrEmpty(users.values().stream().filter(matches).map(StoredUser::participant).findFirst());
        });
    }
}
