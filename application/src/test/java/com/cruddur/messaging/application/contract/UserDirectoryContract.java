package com.cruddur.messaging.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.port.HandleTakenException;
import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * What every {@link UserDirectory} implementation must do. Tests isolate themselves with fresh handles and subjects,
 * never by emptying the store.
 */
public abstract class UserDirectoryContract {

    protected abstract UserDirectory directory();

    /**
     * Stores a user by the implementation's own means (SQL, a map...) and returns them as the directory will.
     * Handles and subjects passed in are fresh per test.
     */
    protected abstract Participant givenUser(String displayName, String handle, String cognitoSubject);

    protected static String fresh(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void findsAUserByCognitoSubject() {
        String subject = UUID.randomUUID().toString();
        Participant stored = givenUser("Andrew Bayko", fresh("bayko"), subject);

        StepVerifier.create(directory().findByCognitoSubject(subject))
                .assertNext(found -> {
                    assertThat(found).isEqualTo(stored);
                    assertThat(found.displayName()).isEqualTo("Andrew Bayko");
                })
                .verifyComplete();
    }

    @Test
    void findsAUserByHandle() {
        String handle = fresh("londo");
        Participant stored = givenUser("Londo Mollari", handle, UUID.randomUUID().toString());

        StepVerifier.create(directory().findByHandle(new Handle(handle)))
                .expectNext(stored)
                .verifyComplete();
    }

    @Test
    void handlesAreMatchedExactlyNotByPrefixOrPattern() {
        String handle = fresh("exact");
        givenUser("Exact", handle, UUID.randomUUID().toString());

        StepVerifier.create(directory().findByHandle(new Handle(handle.substring(0, handle.length() - 1))))
                .verifyComplete();
        StepVerifier.create(directory().findByHandle(new Handle(handle.substring(0, 5) + "%")))
                .verifyComplete();
    }

    @Test
    void listsUsersInHandleOrderUpToTheLimit() {
        String prefix = fresh("list");
        Participant second = givenUser("Second", prefix + "b", UUID.randomUUID().toString());
        Participant first = givenUser("First", prefix + "a", null);

        java.util.List<Participant> all = directory().listByHandle(100_000).collectList().block();
        assertThat(all.stream().filter(user -> user.handle().value().startsWith(prefix)))
                .containsExactly(first, second);
        StepVerifier.create(directory().listByHandle(1)).expectNextCount(1).verifyComplete();
    }

    @Test
    void unknownUsersAreEmptyNotErrors() {
        StepVerifier.create(directory().findByCognitoSubject(UUID.randomUUID().toString())).verifyComplete();
        StepVerifier.create(directory().findByHandle(new Handle(fresh("nobody")))).verifyComplete();
    }

    @Test
    void usersWithoutACognitoSubjectAreNotFoundByAnEmptyOne() {
        givenUser("Not Synced", fresh("unsynced"), null);

        StepVerifier.create(directory().findByCognitoSubject("")).verifyComplete();
    }

    @Test
    void eachUserIsFoundByTheirOwnSubject() {
        String firstSubject = UUID.randomUUID().toString();
        String secondSubject = UUID.randomUUID().toString();
        Participant first = givenUser("First", fresh("first"), firstSubject);
        Participant second = givenUser("Second", fresh("second"), secondSubject);

        StepVerifier.create(directory().findByCognitoSubject(secondSubject)).expectNext(second).verifyComplete();
        StepVerifier.create(directory().findByCognitoSubject(firstSubject)).expectNext(first).verifyComplete();
    }

    @Test
    void aRenamedUserIsFoundByTheNewHandleWithTheNewNameAndNoLongerByTheOld() {
        String subject = UUID.randomUUID().toString();
        String oldHandle = fresh("old");
        Participant stored = givenUser("Old Name", oldHandle, subject);
        Participant renamed = new Participant(stored.id(), "New Name", new Handle(fresh("new")));

        StepVerifier.create(directory().rename(renamed)).expectNext(renamed).verifyComplete();

        StepVerifier.create(directory().findByHandle(renamed.handle())).expectNext(renamed).verifyComplete();
        StepVerifier.create(directory().findByCognitoSubject(subject)).expectNext(renamed).verifyComplete();
        StepVerifier.create(directory().findByHandle(new Handle(oldHandle))).verifyComplete();
    }

    @Test
    void renamingToTheNamesAUserHasChangesNothing() {
        Participant stored = givenUser("Same Name", fresh("same"), null);

        StepVerifier.create(directory().rename(stored)).expectNext(stored).verifyComplete();
        StepVerifier.create(directory().findByHandle(stored.handle())).expectNext(stored).verifyComplete();
    }

    @Test
    void aHandleAnotherUserHasIsRefusedAndNothingChanges() {
        Participant holder = givenUser("Holder", fresh("holder"), null);
        Participant other = givenUser("Other", fresh("other"), null);

        StepVerifier.create(directory().rename(new Participant(other.id(), "Taker", holder.handle())))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(HandleTakenException.class,
                        taken -> assertThat(taken.handle()).isEqualTo(holder.handle())))
                .verify();

        StepVerifier.create(directory().findByHandle(other.handle())).expectNext(other).verifyComplete();
        StepVerifier.create(directory().findByHandle(holder.handle())).expectNext(holder).verifyComplete();
    }

    @Test
    void renamingAnUnknownUserIsEmpty() {
        Participant nobody = new Participant(new UserId(UUID.randomUUID()), "Nobody", new Handle(fresh("nobody")));

        StepVerifier.create(directory().rename(nobody)).verifyComplete();
        StepVerifier.create(directory().findByHandle(nobody.handle())).verifyComplete();
    }
}
