package com.cruddur.messaging.adapters.postgres.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.postgres.UsersDatabase;
import com.cruddur.messaging.adapters.postgres.testing.CognitoLocalFixture;
import com.cruddur.messaging.adapters.postgres.testing.PostgresFixture;
import com.cruddur.messaging.adapters.postgres.testing.UsersRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sync against cognito-local and PostgreSQL, with more users than one page of real Cognito holds. */
class CognitoUserSyncTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static CognitoLocalFixture cognito;
    private final UsersDatabase users = PostgresFixture.shared().users();
    private final UsersRows rows = new UsersRows(users.connectionFactory());

    @BeforeAll
    static void startCognito() {
        cognito = CognitoLocalFixture.start();
    }

    @AfterAll
    static void stopCognito() {
        cognito.close();
    }

    @Test
    void linksEveryUserOfEveryPageByPreferredUsername() {
        String pool = cognito.createUserPool("sync-" + UUID.randomUUID());
        String prefix = "u" + UUID.randomUUID().toString().substring(0, 6) + "_";
        int pageSize = CognitoUsers.PAGE_SIZE;
        Map<String, String> subjects = new LinkedHashMap<>();
        // 60 matching users (3 already linked, 7 linked to another subject, 50 unlinked), 5 with handles nobody has,
        // 1 without a preferred username
        for (int i = 0; i < pageSize + 5; i++) {
            String handle = prefix + i;
            subjects.put(handle, cognito.createUser(pool, handle + "@example.com", handle, "User " + i, "Passw0rd!"));
        }
        String anonymous = cognito.createUser(pool, prefix + "anon@example.com", null, "Anonymous", "Passw0rd!");
        List<String> linked = new ArrayList<>();
        Map<String, String> linkedElsewhere = new LinkedHashMap<>();
        for (int i = 0; i < pageSize; i++) {
            String handle = prefix + i;
            if (i < 3) {
                rows.insert("User " + i, handle, subjects.get(handle));
                linked.add(handle);
            } else if (i < 10) {
                String other = "other-" + UUID.randomUUID();
                rows.insert("User " + i, handle, other);
                linkedElsewhere.put(handle, other);
            } else {
                rows.insert("User " + i, handle, null);
            }
        }
        String notInCognito = prefix + "local";
        rows.insert("Only Local", notInCognito, "kept-" + UUID.randomUUID());
        String keptSubject = rows.subjectOf(notInCognito).orElseThrow();

        CognitoUserSync.Report report = sync().sync(pool).block(WAIT);

        assertThat(report.updated()).isEqualTo(50);
        assertThat(report.unchanged()).isEqualTo(3);
        assertThat(report.unmatched()).isEqualTo(6);
        assertThat(report.conflicts()).isEqualTo(7);
        assertThat(report.unmatchedUsers()).containsExactlyInAnyOrder(
                prefix + 60, prefix + 61, prefix + 62, prefix + 63, prefix + 64, anonymous);
        assertThat(report.conflictingUsers()).containsExactlyInAnyOrderElementsOf(linkedElsewhere.keySet());
        for (int i = 0; i < pageSize; i++) {
            String handle = prefix + i;
            assertThat(rows.subjectOf(handle)).as(handle)
                    .contains(linkedElsewhere.getOrDefault(handle, subjects.get(handle)));
        }
        assertThat(rows.subjectOf(notInCognito)).contains(keptSubject);
        assertThat(rows.subjectOf(prefix + 60)).isEmpty();

        CognitoUserSync.Report again = sync().sync(pool).block(WAIT);
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(53);
        assertThat(again.unmatched()).isEqualTo(6);
        assertThat(again.conflicts()).isEqualTo(7);
    }

    @Test
    void aRowLinkedToAnotherSubjectIsNotTakenOverByAPreferredUsername() {
        // Cognito users may edit preferred_username: here a new user claims the handle of a linked one.
        String pool = cognito.createUserPool("takeover-" + UUID.randomUUID());
        String handle = "victim" + UUID.randomUUID().toString().substring(0, 6);
        String owner = "owner-" + UUID.randomUUID();
        rows.insert("Victim", handle, owner);
        cognito.createUser(pool, "attacker@example.com", handle, "Attacker", "Passw0rd!");

        CognitoUserSync.Report report = sync().sync(pool).block(WAIT);

        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(report.conflictingUsers()).containsExactly(handle);
        assertThat(report.updated()).isZero();
        assertThat(rows.subjectOf(handle)).contains(owner);
    }

    @Test
    void aSubjectAlreadyLinkedToAnotherHandleIsReportedNotMoved() {
        String pool = cognito.createUserPool("conflict-" + UUID.randomUUID());
        String handle = "renamed" + UUID.randomUUID().toString().substring(0, 6);
        String subject = cognito.createUser(pool, handle + "@example.com", handle, "Renamed", "Passw0rd!");
        String oldHandle = handle + "_old";
        rows.insert("Renamed", oldHandle, subject);
        rows.insert("Renamed", handle, null);

        CognitoUserSync.Report report = sync().sync(pool).block(WAIT);

        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(report.conflictingUsers()).containsExactly(handle);
        assertThat(report.updated()).isZero();
        assertThat(rows.subjectOf(oldHandle)).contains(subject);
        assertThat(rows.subjectOf(handle)).isEmpty();
    }

    @Test
    void linkedUsersRenamedInCognitoAreReportedAsRenamesAndTheirRowsAreLeftToTheRename() {
        String pool = cognito.createUserPool("renamed-" + UUID.randomUUID());
        String prefix = "r" + UUID.randomUUID().toString().substring(0, 6) + "_";
        String both = cognito.createUser(pool, prefix + "both@example.com", prefix + "both", "Both", "Passw0rd!");
        String nameOnly = cognito.createUser(pool, prefix + "name@example.com", prefix + "name", "Name", "Passw0rd!");
        String taken = cognito.createUser(pool, prefix + "taken@example.com", prefix + "taken", "Taken", "Passw0rd!");
        rows.insert("Both", prefix + "both", both);
        rows.insert("Name", prefix + "name", nameOnly);
        rows.insert("Taken", prefix + "taken", taken);
        rows.insert("Holder", prefix + "holder", null);
        cognito.updateAttributes(pool, prefix + "both@example.com",
                Map.of("name", "Both Renamed", "preferred_username", prefix + "both2"));
        cognito.updateAttributes(pool, prefix + "name@example.com", Map.of("name", "Name Renamed"));
        cognito.updateAttributes(pool, prefix + "taken@example.com", Map.of("preferred_username", prefix + "holder"));

        CognitoUserSync.Report report = sync().sync(pool).block(WAIT);

        assertThat(report.renames()).containsExactlyInAnyOrder(
                new CognitoUserSync.Rename(prefix + "both", Optional.of("Both Renamed"), Optional.of(prefix + "both2")),
                new CognitoUserSync.Rename(prefix + "name", Optional.of("Name Renamed"), Optional.empty()));
        assertThat(report.renamed()).isEqualTo(2);
        assertThat(report.conflictingUsers()).containsExactly(prefix + "holder");
        assertThat(report.updated()).isZero();
        assertThat(report.total()).isEqualTo(3);
        // The sync itself writes no rename: RenameUser does, with the conversations.
        assertThat(rows.subjectOf(prefix + "both")).contains(both);
        assertThat(rows.subjectOf(prefix + "both2")).isEmpty();
    }

    @Test
    void listsEveryUserWithTheirAttributes() {
        String pool = cognito.createUserPool("list-" + UUID.randomUUID());
        String sub = cognito.createUser(pool, "bayko@example.com", "bayko", "Andrew Bayko", "Passw0rd!");
        cognito.createUser(pool, "londo@example.com", "londo", "Londo Mollari", "Passw0rd!");

        List<CognitoUser> listed = new CognitoUsers(cognito.client()).list(pool).collectList().block(WAIT);

        assertThat(listed).hasSize(2);
        CognitoUser bayko = listed.stream().filter(u -> u.subject().equals(sub)).findFirst().orElseThrow();
        assertThat(bayko.preferredUsername()).contains("bayko");
        assertThat(bayko.email()).contains("bayko@example.com");
        assertThat(bayko.name()).contains("Andrew Bayko");
        assertThat(bayko.status()).isEqualTo("CONFIRMED");
        assertThat(bayko.enabled()).isTrue();
        assertThat(bayko.created()).isPresent();
    }

    private CognitoUserSync sync() {
        return new CognitoUserSync(new CognitoUsers(cognito.client()), users.connectionFactory());
    }
}
