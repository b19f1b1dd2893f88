package com.cruddur.messaging.adapters.dynamodb.stream.pump;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The shards of the stream the pump follows, as plain state (no SDK type): which stream, which shards are open
 * and where the pump is in each, which are read to their end, and when the stream is due to be described again.
 *
 * <p>A shard seen for the first time is read from its oldest record, so nothing written before the pump started is
 * missed (moves are idempotent and only go forward: a replay changes nothing). A child is read once its parent is
 * finished or gone, as the stream orders them. A new stream (the table recreated) starts everything over.
 */
final class Shards {

    /** A shard as the stream describes it. */
    record Described(String id, String parentId) {

        Described {
            Objects.requireNonNull(id, "shard id");
        }
    }

    private final long describeEveryNanos;
    private String streamArn;
    private final Map<String, ShardCursor> open = new LinkedHashMap<>();
    private final Set<String> finished = new HashSet<>();
    private boolean describeNeeded = true;
    private long nextDescribeAt;

    Shards(Duration describeEvery) {
        this.describeEveryNanos = describeEvery.toNanos();
    }

    /** Whether the stream should be described before reading ({@code now} in {@link System#nanoTime()} terms). */
    boolean describeDue(long now) {
        return describeNeeded || streamArn == null || now - nextDescribeAt >= 0;
    }

    /** Something changed (a shard ended or vanished, a poll failed): describe the stream at the next poll. */
    void describeAgain() {
        describeNeeded = true;
    }

    String streamArn() {
        return streamArn;
    }

    /** Follows the table's latest stream; true when it replaces another one, whose shards are then forgotten. */
    boolean follow(String arn) {
        Objects.requireNonNull(arn, "stream arn");
        if (arn.equals(streamArn)) {
            return false;
        }
        boolean replaced = streamArn != null;
        streamArn = arn;
        open.clear();
        finished.clear();
        return replaced;
    }

    /** Takes in the shards as described: new ones start at their oldest record, trimmed ones are forgotten. */
    void described(List<Described> shards, long now) {
        Set<String> present = new HashSet<>();
        shards.forEach(shard -> present.add(shard.id()));
        open.keySet().retainAll(present);
        finished.retainAll(present);
        for (Described shard : shards) {
            if (!open.containsKey(shard.id()) && !finished.contains(shard.id())) {
                open.put(shard.id(), new ShardCursor(shard.id(), shard.parentId()));
            }
        }
        describeNeeded = false;
        nextDescribeAt = now + describeEveryNanos;
    }

    /** The open shards whose parent is finished or gone, in the order they were described. */
    List<ShardCursor> readable() {
        List<ShardCursor> readable = new ArrayList<>();
        for (ShardCursor shard : open.values()) {
            if (shard.parentId() == null || !open.containsKey(shard.parentId())) {
                readable.add(shard);
            }
        }
        return readable;
    }

    /** The shard is closed and read to its end; true the first time. Its children become readable. */
    boolean finish(ShardCursor shard) {
        if (open.remove(shard.id()) == null) {
            return false;
        }
        finished.add(shard.id());
        describeNeeded = true;
        return true;
    }

    /** The shard is no longer in the stream. */
    void forget(ShardCursor shard) {
        open.remove(shard.id());
        describeNeeded = true;
    }
}
