package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.application.StoreUnavailableException;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Turns what the SDK throws into what the ports promise: {@link StoreUnavailableException} with a sentence a
 * person can act on. Conditional-check failures and cancelled transactions pass through untouched: the adapters
 * decide what they mean (a taken instant, an existing pair, a repeated request, a lost race).
 */
final class DynamoDbErrors {

    static final String STORE = "messages";

    private final String table;
    private final String where;

    DynamoDbErrors(DynamoDbAsyncClient client, String table) {
        this.table = table;
        this.where = client.serviceClientConfiguration().endpointOverride()
                .map(endpoint -> "at " + endpoint)
                .orElseGet(() -> client.serviceClientConfiguration().region() == null
                        ? "" : "in " + client.serviceClientConfiguration().region());
    }

    Throwable translate(Throwable failure) {
        Throwable error = unwrap(failure);
        if (error instanceof StoreUnavailableException
                || error instanceof ConditionalCheckFailedException) {
            return error;
        }
        if (error instanceof TransactionCanceledException cancelled) {
            return throttled(cancelled) ? unavailable("DynamoDB is throttling writes to table '" + table
                    + "'; try again shortly", error) : error;
        }
        if (error instanceof ResourceNotFoundException) {
            return unavailable("DynamoDB table '" + table + "' does not exist " + where
                    + "; create it with `admin ddb schema-load`", error);
        }
        if (error instanceof ProvisionedThroughputExceededException || error instanceof RequestLimitExceededException
                || isThrottling(error)) {
            return unavailable("DynamoDB is throttling requests to table '" + table + "'; try again shortly", error);
        }
        if (timedOut(error)) {
            return unavailable("DynamoDB " + where + " did not answer in time", error);
        }
        if (error instanceof SdkClientException) {
            return unavailable("DynamoDB " + where + " cannot be reached: " + rootMessage(error), error);
        }
        if (error instanceof DynamoDbException dynamo) {
            String detail = dynamo.awsErrorDetails() == null ? dynamo.getMessage() : dynamo.awsErrorDetails().errorMessage();
            return unavailable("DynamoDB " + where + " failed a request on table '" + table + "': " + detail, error);
        }
        return error;
    }

    /** A call or attempt timeout, also inside the client exception the SDK throws when its retries are done. */
    private static boolean timedOut(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isThrottling(Throwable error) {
        return error instanceof DynamoDbException dynamo && dynamo.awsErrorDetails() != null
                && "ThrottlingException".equals(dynamo.awsErrorDetails().errorCode());
    }

    private static boolean throttled(TransactionCanceledException cancelled) {
        return cancelled.hasCancellationReasons() && cancelled.cancellationReasons().stream()
                .map(CancellationReason::code)
                .anyMatch(code -> "ThrottlingError".equals(code) || "ProvisionedThroughputExceeded".equals(code)
                        || "RequestLimitExceeded".equals(code));
    }

    private static StoreUnavailableException unavailable(String message, Throwable cause) {
        return new StoreUnavailableException(STORE, message, cause);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable error = failure;
        while (error instanceof CompletionException && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }
}
