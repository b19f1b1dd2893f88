package com.cruddur.messaging.bootstrap.cli;

import com.cruddur.messaging.adapters.dynamodb.ConsumedCapacityRecorder;
import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessageGroups;
import com.cruddur.messaging.application.NotFoundException;
import com.cruddur.messaging.application.RenameUser;
import com.cruddur.messaging.application.StoreUnavailableException;
import com.cruddur.messaging.application.port.HandleTakenException;
import com.cruddur.messaging.domain.Participant;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Renames users with {@link RenameUser} over the users database and the messages table, and says what it did: the
 * conversations that now show the new names and the capacity the table consumed. Failures are one line; one that
 * stops the conversations part way says how to finish (the same command again: what is done is skipped).
 */
final class UserRename {

    private static final Set<String> READS = Set.of("GetItem", "Query");

    private final UsersDbOptions.Users users;
    private final DynamoDbTable table;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RenameUser renameUser;

    UserRename(UsersDbOptions.Users users, DynamoDbTable table) {
        this.users = users;
        this.table = table;
        this.renameUser = new RenameUser(users.database().directory(),
                new DynamoDbMessageGroups(table.client(), table.name(), registry), Clock.systemUTC());
    }

    RenameUser.Renamed rename(RenameUser.Command command) {
        try {
            return renameUser.rename(command).block();
        } catch (RuntimeException e) {
            throw failure(Failures.unwrap(e), command);
        }
    }

    private CliFailure failure(Throwable error, RenameUser.Command command) {
        if (error instanceof NotFoundException) {
            return new CliFailure("no user with handle '" + command.handle() + "' in " + users.where());
        }
        if (error instanceof HandleTakenException taken) {
            return new CliFailure("the handle '" + taken.handle() + "' belongs to another user in " + users.where()
                    + "; nothing was changed");
        }
        boolean table = error instanceof SdkException
                || error instanceof StoreUnavailableException unavailable && "messages".equals(unavailable.store());
        if (!table) {
            return Failures.usersDatabase(error, users.where());
        }
        String handle = command.newHandle().orElse(command.handle()).value();
        CliFailure cause = Failures.dynamoDb(error, this.table.where(), this.table.name());
        return new CliFailure(cause.getMessage() + "; the conversations are not all renamed yet: run "
                + "'cruddur admin db rename-user " + handle + "' to finish", cause.getCause());
    }

    /** What a rename did, in three lines. */
    void print(PrintWriter out, RenameUser.Renamed renamed) {
        Participant before = renamed.before();
        Participant after = renamed.after();
        out.println(before.equals(after)
                ? before.handle() + " (" + Columns.printable(before.displayName()) + ") has these names already in "
                        + users.where()
                : "renamed " + before.handle() + " (" + Columns.printable(before.displayName()) + ") to "
                        + after.handle() + " (" + Columns.printable(after.displayName()) + ") in " + users.where());
        out.println("inbox rows changed: " + renamed.shown().changed() + " (conversations looked at: "
                + renamed.shown().conversations() + ", in table '" + table.name() + "', " + table.where() + ")");
        out.println("consumed capacity: " + Capacity.format(units(true)) + " RCU, " + Capacity.format(units(false))
                + " WCU");
    }

    private double units(boolean reads) {
        return registry.find(ConsumedCapacityRecorder.METRIC).counters().stream()
                .filter(counter -> READS.contains(counter.getId().getTag("operation")) == reads)
                .mapToDouble(counter -> counter.count())
                .sum();
    }
}
