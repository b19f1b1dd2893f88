package com.cruddur.messaging.adapters.dynamodb.stream;

import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage.GroupMove;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage.Outcome;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.NewestPerGroup;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Pattern E over one batch of the table's stream records, the same for the Lambda and the local pump: decode
 * ({@link StreamRecordDecoder}), coalesce and move ({@link MoveGroupsToNewestMessage}: the newest message of each
 * conversation wins, one move per conversation, whatever the order of the records), and report what to deliver
 * again.
 *
 * <h2>What is reported</h2>
 * <ul>
 * <li>a message insert that cannot be read, by its own sequence number: a retry will not mend it, but reporting it
 *     is what sends it, in the end, to the failure queue (Lambda) or the give-up log (pump) instead of it
 *     vanishing;</li>
 * <li>a conversation whose move FAILED (store unavailable, races that did not settle) or got no answer, by the
 *     sequence number of its <em>earliest</em> record in the batch, so the retry carries every record of that
 *     conversation and recomputes the same newest message even when time order and stream order differ.</li>
 * </ul>
 * Moves that were made, that were already current, or whose conversation is unknown (a retry cannot change that)
 * are not reported.
 *
 * <h2>Why delivering a batch again does no harm</h2>
 * The retry also carries records that already succeeded. A move is forward-only and conditional: it reads the
 * conversation consistently, moves it only to a strictly newer message, in one transaction conditioned on the last
 * message it read. A conversation already at its newest message comes back ALREADY_CURRENT without a write, a newer
 * message is never moved back, and no inbox row is deleted without its replacement written in the same
 * transaction. A retry costs one read per conversation, not a second effect.
 */
public final class StreamBatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(StreamBatchProcessor.class);

    private final MoveGroupsToNewestMessage moves;

    public StreamBatchProcessor(MoveGroupsToNewestMessage moves) {
        this.moves = Objects.requireNonNull(moves, "moves");
    }

    /**
     * Never fails: a use case that errors, or has not answered within {@code budget}, reports every conversation
     * of the batch (moves already made stay made; the retry finds them current).
     */
    public Mono<BatchReport> process(List<Record> records, Duration budget) {
        return Mono.defer(() -> {
            DecodedBatch batch = DecodedBatch.of(records);
            if (batch.messages().isEmpty()) {
                return Mono.just(batch.report(List.of()));
            }
            return moves.apply(batch.messages())
                    .timeout(budget)
                    .onErrorResume(failure -> Mono.just(everyGroupFailed(batch.messages(), budget, failure)))
                    .map(batch::report);
        }).doOnNext(StreamBatchProcessor::log);
    }

    private static List<GroupMove> everyGroupFailed(List<Message> messages, Duration budget, Throwable failure) {
        log.error("Moving the groups of {} messages did not complete within {}; reporting all of them",
                messages.size(), budget, failure);
        return NewestPerGroup.of(messages).stream()
                .map(newest -> new GroupMove(newest, Outcome.FAILED, Optional.of(failure)))
                .toList();
    }

    private static void log(BatchReport report) {
        report.failures().forEach(failed ->
                log.warn("Reporting record {}: {}", failed.sequenceNumber(), failed.reason()));
    }
}
