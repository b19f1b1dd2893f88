package com.cruddur.messaging.adapters.dynamodb.stream.pump;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

/**
 * Mends a failed read that concerns one shard's position alone: an expired iterator (a new one at the same
 * position), trimmed records (the oldest kept), a refused iterator or position (a new iterator, or the oldest kept
 * when the position itself was refused), a vanished shard (forgotten). Any other failure, of the endpoint itself,
 * fails the whole poll.
 */
final class PositionRecovery {

    private static final Logger log = LoggerFactory.getLogger(ShardReader.class);

    private final Shards shards;
    private final String table;

    PositionRecovery(Shards shards, String table) {
        this.shards = shards;
        this.table = table;
    }

    Mono<Void> recover(ShardCursor shard, Throwable failure) {
        if (failure instanceof ExpiredIteratorException) {
            log.debug("Stream pump of {}: iterator of shard {} expired; resuming at {}", table, shard.id(),
                    shard.position());
            shard.dropIterator();
        } else if (failure instanceof TrimmedDataAccessException) {
            log.warn("Stream pump of {}: records of shard {} at {} were trimmed; resuming at the oldest kept",
                    table, shard.id(), shard.position());
            shard.restartAtOldest();
        } else if (failure instanceof ResourceNotFoundException) {
            log.info("Stream pump of {}: shard {} is gone ({})", table, shard.id(), failure.getMessage());
            shards.forget(shard);
        } else if (failure instanceof AwsServiceException service && service.statusCode() >= 400
                && service.statusCode() < 500 && !service.isThrottlingException()) {
            // "Invalid ShardIterator" and the like (DynamoDB Local names no subtype).
            log.warn("Stream pump of {}: shard {} refused its position ({}); taking a new iterator", table,
                    shard.id(), PumpCalls.describe(failure));
            if (shard.iterator() == null) {
                shard.restartAtOldest();
            } else {
                shard.dropIterator();
            }
            shards.describeAgain();
        } else {
            return Mono.error(failure);
        }
        return Mono.empty();
    }
}
