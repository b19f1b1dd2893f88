package com.cruddur.messaging.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.cruddur.messaging.adapters.lambda.MessageRecordDecoder.Decoded;
import com.cruddur.messaging.adapters.lambda.MessageRecordDecoder.Ignored;
import com.cruddur.messaging.adapters.lambda.MessageRecordDecoder.Malformed;
import com.cruddur.messaging.adapters.lambda.MessageRecordDecoder.NewMessage;
import com.cruddur.messaging.adapters.lambda.wiring.LambdaWiring;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage.GroupMove;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage.Outcome;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.NewestPerGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pattern E on AWS Lambda: the messages table's stream moves both participants' inbox rows of each conversation to
 * its newest message.
 *
 * <h2>Per batch</h2>
 * <ol>
 * <li>Each record is decoded ({@link MessageRecordDecoder}): only INSERTs of message items count. REMOVEs,
 *     MODIFYs, group rows (this handler's own writes among them) and the added item types are ignored. A message
 *     insert that cannot be read (an attribute missing, a uuid that is not one, no image) is reported by its
 *     sequence number instead of failing the batch.</li>
 * <li>The readable messages go to {@link MoveGroupsToNewestMessage} as one batch: the newest message of each
 *     conversation wins, one move per conversation, whatever the order of the records.</li>
 * <li>For every conversation whose move FAILED (store unavailable, races that did not settle), the response names
 *     the sequence number of that conversation's <em>earliest</em> record in the batch. Moves that were made, that
 *     were already current or whose conversation is unknown (retrying cannot change that) are not reported.</li>
 * </ol>
 * Nothing is thrown: a use case that errors or does not finish before the invocation's time runs out (less a
 * safety margin) reports every conversation of the batch, so Lambda retries it rather than timing out.
 *
 * <h2>Why the earliest record, and why retried work does no harm</h2>
 * With {@code ReportBatchItemFailures}, Lambda checkpoints just before the lowest reported sequence number and
 * delivers everything from there again (with bisect on, only that part). Reporting a conversation's earliest
 * record means the retry carries <em>every</em> record of that conversation from this batch, so it recomputes the
 * same newest message even when time order and stream order differ (a collision moved a message a microsecond on,
 * two writers' clocks disagree), and when retries run out the on-failure destination's range covers all of them.
 *
 * <p>The retry also carries records of other conversations that already succeeded. Applying them again is not
 * wrong because a move is forward-only and conditional: it reads the conversation (consistently), moves it only to
 * a strictly newer message, in one transaction conditioned on the last message it read. A conversation already at
 * its newest message comes back ALREADY_CURRENT without a write; a newer message that arrived meanwhile is never
 * moved back; no inbox row is deleted without its replacement being written in the same transaction, so no
 * duplicate or missing rows appear. The cost of a retry is one read per conversation, not a second effect. The
 * same holds for a batch Lambda delivers twice on its own (at-least-once delivery).
 *
 * <p>A malformed record is reported even though retrying will not mend it: with bisect on error and bounded
 * retries (see {@code deploy/template.yaml}) Lambda narrows the batch down to it, then sends its range to the
 * on-failure queue and the shard moves on, instead of the record vanishing or blocking the shard for 24 hours.
 * Every readable record around it is applied in each attempt.
 */
public final class MessageStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger log = LoggerFactory.getLogger(MessageStreamHandler.class);

    /** Time kept back from the invocation's remaining time to answer with failures instead of being cut off. */
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(2);
    /** How long a batch may take when there is no Lambda context to say (local runs, tests). */
    static final Duration BUDGET_WITHOUT_CONTEXT = Duration.ofSeconds(30);

    private final MoveGroupsToNewestMessage moves;

    /** The entry point Lambda uses: the graph is built once per container from the environment. */
    public MessageStreamHandler() {
        this(LambdaWiring.container().moveGroupsToNewestMessage());
    }

    public MessageStreamHandler(MoveGroupsToNewestMessage moves) {
        this.moves = Objects.requireNonNull(moves, "moves");
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<DynamodbStreamRecord> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        TreeSet<String> failures = new TreeSet<>(SequenceNumbers.ORDER);
        List<Message> messages = new ArrayList<>();
        Map<MessageGroupId, String> earliestRecord = new HashMap<>();
        int ignored = 0;
        for (DynamodbStreamRecord record : records) {
            Decoded decoded = MessageRecordDecoder.decode(record);
            if (decoded instanceof NewMessage inserted) {
                messages.add(inserted.message());
                earliestRecord.merge(inserted.message().groupId(), inserted.sequenceNumber(), SequenceNumbers::earlier);
            } else if (decoded instanceof Malformed malformed) {
                log.warn("Reporting malformed record {}: {}", malformed.sequenceNumber(), malformed.reason());
                failures.add(malformed.sequenceNumber());
            } else if (decoded instanceof Ignored skipped) {
                log.debug("Ignoring record: {}", skipped.reason());
                ignored++;
            }
        }
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        if (!messages.isEmpty()) {
            // A group the use case gave no answer for is reported too: silence must not checkpoint it.
            Map<MessageGroupId, String> unanswered = new HashMap<>(earliestRecord);
            for (GroupMove move : move(messages, budget(context), earliestRecord)) {
                unanswered.remove(move.group());
                outcomes.merge(move.outcome(), 1, Integer::sum);
                if (move.outcome() == Outcome.FAILED) {
                    String sequenceNumber = earliestRecord.get(move.group());
                    log.warn("Reporting record {}: moving group {} to message {} failed: {}", sequenceNumber,
                            move.group(), move.newest().id(), move.failure().map(Throwable::toString).orElse("?"));
                    failures.add(sequenceNumber);
                } else if (move.outcome() == Outcome.UNKNOWN_GROUP) {
                    log.warn("Message {} belongs to unknown group {}; nothing to move", move.newest().id(), move.group());
                }
            }
            failures.addAll(unanswered.values());
        }
        log.info("Batch of {} records: {} messages in {} groups, {} ignored, moves {}, reported {}",
                records.size(), messages.size(), earliestRecord.size(), ignored, outcomes, failures);
        return response(failures);
    }

    /**
     * The use case's moves, or a FAILED move for every group when it errors or overruns the budget (moves already
     * made stay made; the retry finds them current).
     */
    private List<GroupMove> move(List<Message> messages, Duration budget, Map<MessageGroupId, String> groups) {
        try {
            List<GroupMove> result = moves.apply(messages).timeout(budget).block();
            return result == null ? List.of() : result;
        } catch (RuntimeException e) {
            log.error("Moving {} groups did not complete within {}; reporting all of them", groups.size(), budget, e);
            List<GroupMove> failed = new ArrayList<>();
            for (Message newest : NewestPerGroup.of(messages)) {
                failed.add(new GroupMove(newest, Outcome.FAILED, Optional.of(e)));
            }
            return failed;
        }
    }

    static Duration budget(Context context) {
        if (context == null) {
            return BUDGET_WITHOUT_CONTEXT;
        }
        Duration remaining = Duration.ofMillis(Math.max(0, context.getRemainingTimeInMillis()));
        Duration withMargin = remaining.minus(SAFETY_MARGIN);
        Duration half = remaining.dividedBy(2);
        return withMargin.compareTo(half) > 0 ? withMargin : half;
    }

    private static StreamsEventResponse response(TreeSet<String> failures) {
        List<StreamsEventResponse.BatchItemFailure> items = new ArrayList<>();
        for (String sequenceNumber : failures) {
            items.add(new StreamsEventResponse.BatchItemFailure(sequenceNumber));
        }
        return new StreamsEventResponse(items);
    }
}
