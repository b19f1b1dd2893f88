package com.cruddur.messaging.adapters.postgres.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.postgres.UsersDatabase;
import com.cruddur.messaging.adapters.postgres.testing.UsersRows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderAsyncClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * cognito-local answers every ListUsers with one page, so the page-following is checked here against a client that
 * pages as real Cognito does (at most 60 users and a PaginationToken while more remain), on the embedded database.
 */
class CognitoUserSyncPaginationTest {

    @TempDir
    Path data;

    /** Serves {@code users} in pages of at most 60, as Cognito's ListUsers does. */
    private static final class PagingCognito implements CognitoIdentityProviderAsyncClient {

        private final List<UserType> users;
        final List<ListUsersRequest> requests = new CopyOnWriteArrayList<>();

        PagingCognito(List<UserType> users) {
            this.users = users;
        }

        @Override
        public CompletableFuture<ListUsersResponse> listUsers(ListUsersRequest request) {
            requests.add(request);
            int from = request.paginationToken() == null ? 0 : Integer.parseInt(request.paginationToken());
            int pageSize = Math.min(request.limit() == null ? 60 : request.limit(), 60);
            int to = Math.min(from + pageSize, users.size());
            ListUsersResponse.Builder page = ListUsersResponse.builder().users(users.subList(from, to));
            if (to < users.size()) {
                page.paginationToken(Integer.toString(to));
            }
            return CompletableFuture.completedFuture(page.build());
        }

        @Override
        public String serviceName() {
            return "cognito-idp";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void followsThePaginationTokenToTheLastPage() {
        List<UserType> cognitoUsers = new ArrayList<>();
        for (int i = 0; i < 125; i++) {
            String sub = UUID.randomUUID().toString();
            cognitoUsers.add(UserType.builder().username(sub).enabled(true).userStatus("CONFIRMED")
                    .attributes(attribute("sub", sub), attribute("preferred_username", "paged" + i))
                    .build());
        }
        PagingCognito cognito = new PagingCognito(cognitoUsers);

        try (UsersDatabase users = UsersDatabase.connect("r2dbc:h2:file:///" + data.resolve("users"), null, null)) {
            users.schema().migrate().block(Duration.ofSeconds(30));
            UsersRows rows = new UsersRows(users.connectionFactory());
            for (int i = 0; i < 125; i += 2) {
                rows.insert("Paged " + i, "paged" + i, null);
            }

            CognitoUserSync.Report report = new CognitoUserSync(new CognitoUsers(cognito), users.connectionFactory())
                    .sync("us-east-1_pool").block(Duration.ofSeconds(30));

            assertThat(cognito.requests).extracting(ListUsersRequest::paginationToken).containsExactly(null, "60", "120");
            assertThat(cognito.requests).allSatisfy(request -> {
                assertThat(request.userPoolId()).isEqualTo("us-east-1_pool");
                assertThat(request.limit()).isEqualTo(60);
            });
            assertThat(report.updated()).isEqualTo(63);
            assertThat(report.unmatched()).isEqualTo(62);
            assertThat(report.unmatchedUsers()).contains("paged1", "paged123").doesNotContain("paged124");
            assertThat(rows.subjectOf("paged124")).contains(subjectOf(cognitoUsers.get(124)));
            assertThat(rows.subjectOf("paged0")).contains(subjectOf(cognitoUsers.get(0)));
        }
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static String subjectOf(UserType user) {
        return user.attributes().stream().filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
    }
}
