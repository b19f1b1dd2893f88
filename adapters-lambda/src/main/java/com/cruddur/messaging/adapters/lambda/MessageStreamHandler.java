package com.cruddur.messaging.adapters.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.cruddur.messaging.adapters.dynamodb.stream.BatchReport;
import com.cruddur.messaging.adapters.dynamodb.stream.StreamBatchProcessor;
import com.cruddur.messaging.adapters.lambda.wiring.LambdaWiring;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import java.time.Duration;
import java.util.Objects;

/**
 * Pattern E on AWS Lambda: the messages table's stream moves both participants' inbox rows of each conversation to
 * its newest message.
 *
 * <p>Each batch goes through the pipeline the local pump uses too ({@link StreamBatchProcessor}: decode, coalesce,
 * move, report), its records converted to the SDK's ({@link EventRecords}). The records it reports come back as
 * batch item failures: with {@code ReportBatchItemFailures}, Lambda checkpoints just before the lowest one and
 * delivers everything from there again (with bisect on, only that part), so a conversation whose move failed is
 * retried with all its records of the batch; after the bounded retries its range goes to the on-failure queue and
 * the shard moves on (see {@code deploy/template.yaml}).
 *
 * <p>Nothing is thrown: a use case that errors or does not finish before the invocation's time runs out (less a
 * safety margin) reports every conversation of the batch, so Lambda retries it rather than timing out.
 */
public final class MessageStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    /** Time kept back from the invocation's remaining time to answer with failures instead of being cut off. */
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(2);
    /** How long a batch may take when there is no Lambda context to say (local runs, tests). */
    static final Duration BUDGET_WITHOUT_CONTEXT = Duration.ofSeconds(30);

    private final StreamBatchProcessor batches;

    /** The entry point Lambda uses: the graph is built once per container from the environment. */
    public MessageStreamHandler() {
        this(LambdaWiring.container().moveGroupsToNewestMessage());
    }

    public MessageStreamHandler(MoveGroupsToNewestMessage moves) {
        this.batches = new StreamBatchProcessor(Objects.requireNonNull(moves, "moves"));
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        // The pipeline never fails and answers within the budget; a Lambda invocation may wait for it.
        BatchReport report = batches.process(EventRecords.of(event), budget(context)).block();
        return new StreamsEventResponse(report.sequenceNumbers().stream().map(BatchItemFailure::new).toList());
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
}
