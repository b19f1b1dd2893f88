package com.cruddur.messaging.bootstrap.cli;

import com.cruddur.messaging.application.StoreUnavailableException;
import io.r2dbc.spi.R2dbcBadGrammarException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import reactor.core.Exceptions;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Turns what the SDKs and drivers throw into one line saying which store failed and what to do about it. */
final class Failures {

    private Failures() {
    }

    /** A failure talking to DynamoDB ({@code where}: "DynamoDB at http://..." or "DynamoDB in AWS (eu-west-1)"). */
    static CliFailure dynamoDb(Throwable failure, String where, String table) {
        Throwable error = unwrap(failure);
        if (error instanceof CliFailure cli) {
            return cli;
        }
        if (error instanceof ResourceNotFoundException) {
            return new CliFailure("table '" + table + "' does not exist in " + where
                    + "; create it with: cruddur admin ddb schema-load", error);
        }
        return common(error, where);
    }

    /** A failure talking to the users database ({@code where}: "the users database r2dbc:..."). */
    static CliFailure usersDatabase(Throwable failure, String where) {
        Throwable error = unwrap(failure);
        if (error instanceof CliFailure cli) {
            return cli;
        }
        Throwable grammar = find(error, R2dbcBadGrammarException.class);
        if (grammar != null) {
            return new CliFailure(where + " refused a query (" + oneLine(grammar.getMessage())
                    + "); is its schema loaded? cruddur admin db schema-load", error);
        }
        // Whatever else goes wrong there (the driver's errors, Spring's translations of them, pool timeouts).
        return new CliFailure("cannot use " + where + ": " + rootMessage(error), error);
    }

    /** A failure talking to Cognito ({@code where}: "Cognito at http://..." or "Cognito in AWS"). */
    static CliFailure cognito(Throwable failure, String where) {
        Throwable error = unwrap(failure);
        if (error instanceof CliFailure cli) {
            return cli;
        }
        return common(error, where);
    }

    private static CliFailure common(Throwable error, String where) {
        if ((error instanceof ApiCallTimeoutException || error instanceof ApiCallAttemptTimeoutException
                || error instanceof TimeoutException) && !hasConnectFailure(error)) {
            return new CliFailure(where + " did not answer in time", error);
        }
        if (error instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return new CliFailure(where + " refused the request: " + aws.awsErrorDetails().errorCode() + ": "
                    + oneLine(aws.awsErrorDetails().errorMessage()), error);
        }
        if (error instanceof SdkServiceException) {
            return new CliFailure(where + " refused the request: " + oneLine(error.getMessage()), error);
        }
        if (error instanceof SdkClientException) {
            return hasConnectFailure(error)
                    ? new CliFailure("cannot reach " + where + ": " + connectProblem(error), error)
                    : new CliFailure(where + ": " + oneLine(error.getMessage()), error);
        }
        if (error instanceof StoreUnavailableException) {
            return new CliFailure(oneLine(error.getMessage()), error);
        }
        return new CliFailure(where + " failed: " + rootMessage(error), error);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable error = Exceptions.unwrap(failure);
        while ((error instanceof CompletionException || error instanceof ExecutionException)
                && error.getCause() != null) {
            error = Exceptions.unwrap(error.getCause());
        }
        return error;
    }

    private static Throwable find(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static boolean hasConnectFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.SocketTimeoutException
                    || cause.getClass().getName().contains("ConnectTimeout")
                    // the Netty client's words for "no connection could be made in time"
                    || String.valueOf(cause.getMessage()).contains("Acquire operation took longer")) {
                return true;
            }
        }
        return false;
    }

    private static String connectProblem(Throwable error) {
        Throwable refused = find(error, ConnectException.class);
        if (refused != null && refused.getMessage() != null) {
            return oneLine(refused.getMessage());
        }
        Throwable unknownHost = find(error, java.net.UnknownHostException.class);
        if (unknownHost != null) {
            return "unknown host " + unknownHost.getMessage();
        }
        return "no connection could be made in time";
    }

    /** The innermost message, on one line. */
    static String rootMessage(Throwable error) {
        Throwable root = error;
        String message = error.getMessage();
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root.getMessage() != null && !root.getMessage().isBlank()) {
                message = root.getMessage();
            }
        }
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : oneLine(message);
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
