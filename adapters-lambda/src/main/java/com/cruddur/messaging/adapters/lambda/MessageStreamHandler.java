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
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.MDC;

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
 *
 * <p>Each batch ends with one embedded-metric-format line ({@link BatchMetrics}): messages, moves by outcome,
 * records reported, capacity consumed, time taken. Log lines carry the invocation's request id
 * ({@value #REQUEST_ID}).
 *
 * <p>SnapStart: the no-arg constructor builds the graph and registers a CRaC resource whose
 * {@code beforeCheckpoint} runs {@link #prime()}, so the snapshot already holds the classes a batch loads.
 */
public final class MessageStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    /** Time kept back from the invocation's remaining time to answer with failures instead of being cut off. */
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(2);
    /** How long a batch may take when there is no Lambda context to say (local runs, tests). */
    static final Duration BUDGET_WITHOUT_CONTEXT = Duration.ofSeconds(30);

    /** The key of the invocation's request id in each log line's MDC. */
    static final String REQUEST_ID = "awsRequestId";

    private final StreamBatchProcessor batches;
    private final BatchMetrics metrics;
    /** Held here: a CRaC context need not keep its resources alive. */
    private final Resource priming = new Priming();

    /** The entry point Lambda uses: the graph is built once per container from the environment. */
    public MessageStreamHandler() {
        this(LambdaWiring.container());
    }

    private MessageStreamHandler(LambdaWiring wiring) {
        this(wiring.moveGroupsToNewestMessage(), wiring.registry(), System.out);
        Core.getGlobalContext().register(priming);
    }

    /** A handler whose metrics lines go to standard output and count nothing consumed (tests, local runs). */
    public MessageStreamHandler(MoveGroupsToNewestMessage moves) {
        this(moves, new SimpleMeterRegistry(), System.out);
    }

    MessageStreamHandler(MoveGroupsToNewestMessage moves, MeterRegistry registry, PrintStream metricsOut) {
        this.batches = new StreamBatchProcessor(Objects.requireNonNull(moves, "moves"));
        this.metrics = new BatchMetrics(registry, metricsOut, Clock.systemUTC());
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        MDC.put(REQUEST_ID, context == null ? null : context.getAwsRequestId());
        try {
            BatchMetrics.Start start = metrics.start();
            // The pipeline never fails and answers within the budget; a Lambda invocation may wait for it.
            BatchReport report = batches.process(EventRecords.of(event), budget(context)).block();
            metrics.publish(start, report, context == null ? "local" : context.getFunctionName(),
                    context == null ? null : context.getAwsRequestId());
            return new StreamsEventResponse(report.sequenceNumbers().stream().map(BatchItemFailure::new).toList());
        } finally {
            MDC.remove(REQUEST_ID);
        }
    }

    /**
     * Runs one batch the whole way through against groups held in memory ({@link PrimingBatch}), writing its metrics
     * line nowhere: nothing is stored and DynamoDB is not called. SnapStart's {@code beforeCheckpoint} calls it.
     */
    public void prime() {
        MessageStreamHandler primer = new MessageStreamHandler(new MoveGroupsToNewestMessage(PrimingBatch.GROUPS, PrimingBatch.MESSAGES),
                new SimpleMeterRegistry(), new PrintStream(OutputStream.nullOutputStream()));
        StreamsEventResponse response = primer.handleRequest(PrimingBatch.oneMessage(PrimingBatch.SEQUENCE_NUMBER), null);
        if (!response.getBatchItemFailures().isEmpty()) {
            throw new IllegalStateException("the priming batch reported " + response.getBatchItemFailures());
        }
    }

    /** Primes before SnapStart's snapshot; nothing to redo after a restore (the client connects on first use). */
    private final class Priming implements Resource {

        @Override
        public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
            prime();
        }

        @Override
        public void afterRestore(org.crac.Context<? extends Resource> context) {
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
}
