package com.cruddur.messaging.application;

import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.DomainViolation;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A user's display name or handle changed: the directory stores the new names, then every conversation the user is
 * in shows them, on its record and on the other participant's inbox row. The work walks the user's own inbox, a
 * page at a time, so it costs what the user's conversations cost and nothing more; it never scans the table.
 *
 * <p>Each conversation is one conditional write of the conversation and its rows ({@link MessageGroups#update}), or
 * none when it shows the new names already: a run that was interrupted is finished by running it again, and running
 * it twice changes nothing the second time. A move of pattern E racing the rename takes the names from the
 * conversation it read; whichever of the two writes second loses its condition and reads again, so a move never
 * puts the old name back.
 *
 * <p>Rows moved to a newer message during the walk jump to the top of the inbox, above where the walk is: a last
 * pass reads the top of the inbox again down to the messages from shortly before the walk began. Messages keep the
 * names they were sent with.
 */
public final class RenameUser {

    /** Conversations per page of the walk. */
    static final int PAGE_SIZE = 25;

    /** Conversations written at once within a page. */
    private static final int IN_PARALLEL = 4;

    /** How long pattern E may take to move a row and still be caught by the last pass. */
    static final Duration LATE_MOVES = Duration.ofMinutes(1);

    /** A display name is at most this long (the reference set none; Cognito allows 2048). */
    public static final int MAX_DISPLAY_NAME = 256;

    private final UserDirectory directory;
    private final MessageGroups groups;
    private final Clock clock;

    public RenameUser(UserDirectory directory, MessageGroups groups, Clock clock) {
        this.directory = directory;
        this.groups = groups;
        this.clock = clock;
    }

    /**
     * Renames the user with {@code command.handle()} and shows the new names everywhere; errors with
     * {@link NotFoundException} for an unknown user and with
     * {@link com.cruddur.messaging.application.port.HandleTakenException} for a handle another user has.
     */
    public Mono<Renamed> rename(Command command) {
        return directory.findByHandle(command.handle())
                .switchIfEmpty(Mono.error(() -> NotFoundException.handle(command.handle())))
                .flatMap(before -> {
                    Participant after = command.applyTo(before);
                    return (after.equals(before) ? Mono.just(before) : directory.rename(after))
                            .switchIfEmpty(Mono.error(() -> NotFoundException.handle(command.handle())))
                            .flatMap(stored -> showEverywhere(stored).reduce(Progress.NONE, Progress::plus)
                                    .map(shown -> new Renamed(before, stored, shown)));
                });
    }

    /**
     * Shows {@code renamed}'s names in every conversation of theirs; one element per page of their inbox walked
     * (and of the last pass), as each page is done.
     */
    public Flux<Progress> showEverywhere(Participant renamed) {
        return Flux.defer(() -> {
            Timestamp walkBegan = Timestamp.of(clock.instant().minus(LATE_MOVES));
            return walk(renamed, Optional.empty(), entry -> true)
                    .concatWith(Flux.defer(() -> walk(renamed, Optional.empty(),
                            entry -> entry.lastMessage().at().compareTo(walkBegan) >= 0)));
        }).contextWrite(UseCasePattern.N::declareIn);
    }

    private Flux<Progress> walk(Participant renamed, Optional<String> after,
                                java.util.function.Predicate<InboxEntry> wanted) {
        return groups.inbox(renamed.id(), PAGE_SIZE, after).flatMapMany(page -> {
            List<InboxEntry> entries = page.items().stream().filter(wanted).toList();
            Mono<Progress> done = showOnPage(renamed, entries);
            boolean goOn = page.next().isPresent() && entries.size() == page.items().size();
            return goOn ? done.concatWith(Flux.defer(() -> walk(renamed, page.next(), wanted))) : done.flux();
        });
    }

    private Mono<Progress> showOnPage(Participant renamed, List<InboxEntry> entries) {
        return Flux.fromIterable(entries)
                .flatMap(entry -> showIn(entry.groupId(), renamed), IN_PARALLEL)
                .reduce(Progress.NONE, Progress::plus);
    }

    /** One conversation: read, and written only when it does not show the new names yet. */
    private Mono<Progress> showIn(MessageGroupId id, Participant renamed) {
        return Mono.defer(() -> groups.find(id)
                        .filter(group -> group.hasParticipant(renamed.id()))
                        .flatMap(group -> group.showing(renamed)
                                .map(shown -> groups.update(group, shown).thenReturn(Progress.CHANGED))
                                .orElseGet(() -> Mono.just(Progress.ALREADY_SHOWN)))
                        .defaultIfEmpty(Progress.NONE))
                .retryWhen(SettleRaces.RETRY);
    }

    /** Conversations looked at and how many of them were changed (the others showed the new names already). */
    public record Progress(int conversations, int changed) {

        static final Progress NONE = new Progress(0, 0);
        static final Progress CHANGED = new Progress(1, 1);
        static final Progress ALREADY_SHOWN = new Progress(1, 0);

        public Progress plus(Progress other) {
            return new Progress(conversations + other.conversations, changed + other.changed);
        }
    }

    /**
     * The user before and after, and what showing the new names took. A conversation the last pass looked at again
     * is counted twice in {@code shown.conversations()}, never in {@code shown.changed()}.
     */
    public record Renamed(Participant before, Participant after, Progress shown) {
    }

    /** Rename the user with {@code handle}: a new display name, a new handle, or both (absent: unchanged). */
    public record Command(Handle handle, Optional<String> displayName, Optional<Handle> newHandle) {

        public Command {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(displayName, "display name");
            Objects.requireNonNull(newHandle, "new handle");
        }

        /** Builds the command from raw values (null: unchanged), reporting every broken rule at once. */
        public static Command of(String handle, String displayName, String newHandle) {
            var collector = new InvalidCommandException.Collector();
            Handle current = collector.attempt(() -> new Handle(handle));
            Optional<String> name = Optional.ofNullable(collector.attempt(() -> displayName == null ? null
                    : checkedDisplayName(displayName)));
            Optional<Handle> next = Optional.ofNullable(collector.attempt(() -> newHandle == null ? null
                    : new Handle(newHandle)));
            collector.check();
            return new Command(current, name, next);
        }

        Participant applyTo(Participant user) {
            return new Participant(user.id(), displayName.orElse(user.displayName()), newHandle.orElse(user.handle()));
        }

        private static String checkedDisplayName(String name) {
            String stripped = name.strip();
            if (stripped.isEmpty()) {
                throw new DomainViolation("display_name_blank", "a display name must not be blank");
            }
            if (stripped.codePointCount(0, stripped.length()) > MAX_DISPLAY_NAME
                    || stripped.codePoints().anyMatch(Character::isISOControl)) {
                throw new DomainViolation("display_name_invalid", "a display name is at most " + MAX_DISPLAY_NAME
                        + " characters, without control characters");
            }
            return stripped;
        }
    }
}
