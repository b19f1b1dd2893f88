package com.cruddur.messaging.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.Attr;
import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessageGroups;
import com.cruddur.messaging.adapters.dynamodb.MessagesTable;
import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.adapters.postgres.UsersDatabase;
import com.cruddur.messaging.adapters.postgres.testing.CognitoLocalFixture;
import com.cruddur.messaging.adapters.postgres.testing.PostgresFixture;
import com.cruddur.messaging.adapters.postgres.testing.UsersRows;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.MessageText;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@code db rename-user} and the renames of {@code db update-cognito-user-ids}, against PostgreSQL (a database of
 * this class), DynamoDB Local (a table per test) and cognito-local.
 */
class AdminCliRenameUserTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern CAPACITY = Pattern.compile("consumed capacity: ([0-9.]+) RCU, ([0-9.]+) WCU");
    private static final Instant LONG_AGO = Instant.parse("2026-01-05T09:00:00.123456Z");
    private static final int CONVERSATIONS = 30;

    private static UsersDatabase users;
    private static String usersUrl;
    private static CognitoLocalFixture cognito;

    private final String table = "cli-rename-" + UUID.randomUUID().toString().substring(0, 8);
    private final String prefix = "r" + UUID.randomUUID().toString().substring(0, 6) + "_";

    @BeforeAll
    static void openStores() {
        users = PostgresFixture.shared().freshDatabase();
        users.schema().migrate().block(WAIT);
        usersUrl = users.toString().substring("users database ".length());
        cognito = CognitoLocalFixture.start();
    }

    @AfterAll
    static void closeStores() {
        users.close();
        cognito.close();
    }

    private String[] on(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", DynamoDbLocalFixture.endpoint().toString(), "--table", table,
                "--db-url", usersUrl, "--db-username", PostgresFixture.shared().username()));
        if (!PostgresFixture.shared().password().isEmpty()) {
            all.addAll(List.of("--db-password", PostgresFixture.shared().password()));
        }
        return all.toArray(String[]::new);
    }

    /** A user with {@code CONVERSATIONS} conversations with new people; returns the people. */
    private List<Participant> conversationsOf(Participant user) {
        DynamoDbMessageGroups groups = new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), table,
                new SimpleMeterRegistry());
        UsersRows rows = new UsersRows(users.connectionFactory());
        List<Participant> others = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            Participant other = rows.insert("Other " + i, prefix + "other" + i, null);
            groups.start(MessageGroup.start(new MessageGroupId(UUID.randomUUID()), new MessageId(UUID.randomUUID()),
                    i % 2 == 0 ? user : other, i % 2 == 0 ? other : user, new MessageText("hello " + i),
                    Timestamp.of(LONG_AGO.plusSeconds(i))), Optional.empty()).block(WAIT);
            others.add(other);
        }
        return others;
    }

    /** How many of these people's inbox rows show {@code shown} (by id, display name and handle). */
    private long rowsShowing(List<Participant> owners, Participant shown) {
        return owners.stream().mapToLong(owner -> DynamoDbLocalFixture.client().query(QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("GRP#" + owner.id())))
                        .build()).join().items().stream()
                .filter(row -> row.get(Attr.USER_UUID).s().equals(shown.id().toString())
                        && row.get(Attr.USER_DISPLAY_NAME).s().equals(shown.displayName())
                        && row.get(Attr.USER_HANDLE).s().equals(shown.handle().value()))
                .count()).sum();
    }

    private static double[] capacity(CliRun run) {
        Matcher matcher = CAPACITY.matcher(run.out());
        assertThat(matcher.find()).as(run.toString()).isTrue();
        return new double[] {Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2))};
    }

    private void createTable() {
        MessagesTable.named(table).create(DynamoDbLocalFixture.client()).block(WAIT);
    }

    @Test
    void renameUserRenamesTheUserAndEveryInboxRowShowingThemAndPrintsTheCapacity() {
        createTable();
        Participant talia = new UsersRows(users.connectionFactory()).insert("Talia", prefix + "talia", null);
        List<Participant> others = conversationsOf(talia);
        Participant winters = new Participant(talia.id(), "Talia Winters", new Handle(prefix + "winters"));

        CliRun run = CliRun.run(on("db", "rename-user", "@" + talia.handle(), "--display-name", "Talia Winters",
                "--handle", winters.handle().value()));

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.outLines()).hasSize(3);
        assertThat(run.outLines().get(0)).isEqualTo("renamed " + talia.handle() + " (Talia) to " + winters.handle()
                + " (Talia Winters) in the users database " + usersUrl);
        assertThat(run.outLines().get(1)).isEqualTo("inbox rows changed: " + CONVERSATIONS
                + " (conversations looked at: " + CONVERSATIONS + ", in table '" + table + "', DynamoDB at "
                + DynamoDbLocalFixture.endpoint() + ")");
        double[] units = capacity(run);
        assertThat(units[0]).isGreaterThanOrEqualTo(CONVERSATIONS);
        assertThat(units[1]).isGreaterThanOrEqualTo(CONVERSATIONS * 6);
        assertThat(rowsShowing(others, winters)).isEqualTo(CONVERSATIONS);
        assertThat(users.directory().findByHandle(winters.handle()).block(WAIT)).isEqualTo(winters);
        assertThat(users.directory().findByHandle(talia.handle()).block(WAIT)).isNull();

        CliRun again = CliRun.run(on("db", "rename-user", winters.handle().value()));

        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.outLines().get(0)).isEqualTo(winters.handle() + " (Talia Winters) has these names already in "
                + "the users database " + usersUrl);
        assertThat(again.outLines().get(1)).startsWith("inbox rows changed: 0 (conversations looked at: "
                + CONVERSATIONS + ",");
        assertThat(capacity(again)[1]).isZero();
    }

    @Test
    void mistakesAreOneLineAndChangeNothing() {
        createTable();
        UsersRows rows = new UsersRows(users.connectionFactory());
        Participant lyta = rows.insert("Lyta", prefix + "lyta", null);
        Participant holder = rows.insert("Holder", prefix + "holder", null);
        List<Participant> others = conversationsOf(lyta);

        CliRun unknown = CliRun.run(on("db", "rename-user", prefix + "nobody", "--display-name", "X"));
        CliRun taken = CliRun.run(on("db", "rename-user", lyta.handle().value(), "--handle", holder.handle().value()));
        CliRun invalid = CliRun.run(on("db", "rename-user", lyta.handle().value(), "--handle", "two words"));
        CliRun blank = CliRun.run(on("db", "rename-user", lyta.handle().value(), "--display-name", " "));

        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.errLines()).containsExactly("error: no user with handle '" + prefix + "nobody' in the "
                + "users database " + usersUrl);
        assertThat(taken.exit()).isEqualTo(1);
        assertThat(taken.errLines()).containsExactly("error: the handle '" + holder.handle() + "' belongs to another "
                + "user in the users database " + usersUrl + "; nothing was changed");
        assertThat(invalid.exit()).isEqualTo(AdminCli.USAGE_ERROR);
        assertThat(invalid.errLines()).singleElement().asString()
                .startsWith("error: handle must be at most 64 characters without spaces");
        assertThat(blank.exit()).isEqualTo(AdminCli.USAGE_ERROR);
        assertThat(blank.errLines()).singleElement().asString()
                .startsWith("error: a display name must not be blank");
        for (CliRun run : List.of(unknown, taken, invalid, blank)) {
            assertThat(run.out()).isEmpty();
        }
        assertThat(users.directory().findByHandle(lyta.handle()).block(WAIT)).isEqualTo(lyta);
        assertThat(rowsShowing(others, lyta)).isEqualTo(CONVERSATIONS);
    }

    @Test
    void aMissingTableIsOneLineBeforeTheUserIsRenamed() {
        Participant zack = new UsersRows(users.connectionFactory()).insert("Zack", prefix + "zack", null);

        CliRun run = CliRun.run(on("db", "rename-user", zack.handle().value(), "--display-name", "Zack Allan"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("error: table '" + table + "' does not exist in DynamoDB at "
                + DynamoDbLocalFixture.endpoint() + "; create it with: cruddur admin ddb schema-load");
        assertThat(users.directory().findByHandle(zack.handle()).block(WAIT)).isEqualTo(zack);
    }

    @Test
    void aUserRenamedInCognitoIsRenamedInTheUsersDatabaseAndOnEveryInboxRowByTheSync() {
        createTable();
        String pool = cognito.createUserPool("rename-" + UUID.randomUUID());
        String email = prefix + "susan@example.com";
        String subject = cognito.createUser(pool, email, prefix + "susan", "Susan", "Passw0rd!");
        Participant susan = new UsersRows(users.connectionFactory()).insert("Susan", prefix + "susan", subject);
        List<Participant> others = conversationsOf(susan);
        cognito.updateAttributes(pool, email, Map.of("name", "Susan Ivanova", "preferred_username", prefix + "ivanova"));
        Participant ivanova = new Participant(susan.id(), "Susan Ivanova", new Handle(prefix + "ivanova"));

        CliRun run = CliRun.run(on("db", "update-cognito-user-ids", "--pool", pool, "--cognito-endpoint",
                cognito.endpoint().toString()));

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("renamed " + susan.handle() + " (Susan) to " + ivanova.handle()
                + " (Susan Ivanova) in the users database " + usersUrl)
                .contains("inbox rows changed: " + CONVERSATIONS + " (conversations looked at: " + CONVERSATIONS);
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line).matches(
                "renamed\\s+1\\s+" + Pattern.quote(susan.handle() + " -> " + ivanova.handle())));
        assertThat(capacity(run)[1]).isGreaterThanOrEqualTo(CONVERSATIONS * 6);
        assertThat(users.directory().findByCognitoSubject(subject).block(WAIT)).isEqualTo(ivanova);
        assertThat(rowsShowing(others, ivanova)).isEqualTo(CONVERSATIONS);

        CliRun again = CliRun.run(on("db", "update-cognito-user-ids", "--pool", pool, "--cognito-endpoint",
                cognito.endpoint().toString()));

        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.outLines()).anySatisfy(line -> assertThat(line).matches("renamed\\s+0\\s*"));
        assertThat(again.out()).doesNotContain("inbox rows changed");
    }
}
