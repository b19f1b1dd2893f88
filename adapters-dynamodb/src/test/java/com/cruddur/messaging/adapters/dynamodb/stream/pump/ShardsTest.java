package com.cruddur.messaging.adapters.dynamodb.stream.pump;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.stream.pump.ShardCursor.Position;
import com.cruddur.messaging.adapters.dynamodb.stream.pump.Shards.Described;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Following a stream's shards is plain state: no stream, no SDK, no thread. */
class ShardsTest {

    private static final Duration EVERY = Duration.ofSeconds(10);

    private final Shards shards = new Shards(EVERY);

    private List<String> readable() {
        return shards.readable().stream().map(ShardCursor::id).toList();
    }

    private ShardCursor cursor(String id) {
        return shards.readable().stream().filter(shard -> shard.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aChildIsReadableOnceItsParentIsFinishedAndAGrandchildAfterIt() {
        shards.follow("stream-1");
        shards.described(List.of(new Described("child", "parent"), new Described("parent", null),
                new Described("grandchild", "child")), 0);
        assertThat(readable()).containsExactly("parent");

        assertThat(shards.finish(cursor("parent"))).isTrue();
        assertThat(readable()).containsExactly("child");
        shards.described(List.of(new Described("child", "parent"), new Described("parent", null),
                new Described("grandchild", "child")), 0);
        assertThat(readable()).as("a finished shard is not read again").containsExactly("child");

        shards.finish(cursor("child"));
        assertThat(readable()).containsExactly("grandchild");
    }

    @Test
    void aShardWhoseParentWasTrimmedAwayIsReadableAndTrimmedShardsAreForgotten() {
        shards.follow("stream-1");
        shards.described(List.of(new Described("old", null), new Described("child", "trimmed-parent")), 0);
        assertThat(readable()).containsExactly("old", "child");

        shards.described(List.of(new Described("child", "trimmed-parent")), 0);

        assertThat(readable()).containsExactly("child");
    }

    @Test
    void aNewStreamStartsEveryShardOverAtItsOldestRecord() {
        assertThat(shards.follow("stream-1")).as("the first stream replaces nothing").isFalse();
        shards.described(List.of(new Described("shard", null)), 0);
        cursor("shard").advance("iterator", "000000000000000000017");

        assertThat(shards.follow("stream-1")).isFalse();
        assertThat(cursor("shard").position().sequenceNumber()).isEqualTo("000000000000000000017");
        assertThat(shards.follow("stream-2")).isTrue();
        shards.described(List.of(new Described("shard", null)), 0);

        assertThat(cursor("shard").position()).isEqualTo(Position.OLDEST);
        assertThat(cursor("shard").iterator()).isNull();
    }

    @Test
    void theStreamIsDescribedWhenDueOrWhenSomethingChanged() {
        assertThat(shards.describeDue(0)).as("nothing followed yet").isTrue();
        shards.follow("stream-1");
        shards.described(List.of(new Described("shard", null)), 0);

        assertThat(shards.describeDue(EVERY.toNanos() - 1)).isFalse();
        assertThat(shards.describeDue(EVERY.toNanos())).isTrue();
        shards.describeAgain();
        assertThat(shards.describeDue(1)).isTrue();
        shards.described(List.of(new Described("shard", null)), 1);
        shards.forget(cursor("shard"));
        assertThat(shards.describeDue(2)).isTrue();
    }

    @Test
    void aCursorReadsAgainAtAReportedRecordAndResumesAfterTheLastOneDoneWith() {
        ShardCursor cursor = new ShardCursor("shard", null);
        assertThat(cursor.position()).isEqualTo(Position.OLDEST);

        cursor.advance("next-iterator", "000000000000000000005");
        assertThat(cursor.iterator()).isEqualTo("next-iterator");
        cursor.rereadFrom("000000000000000000003");
        assertThat(cursor.iterator()).isNull();
        assertThat(cursor.position()).isEqualTo(new Position(Position.Kind.AT_SEQUENCE_NUMBER, "000000000000000000003"));
        cursor.resumeAfter("000000000000000000005");
        assertThat(cursor.position())
                .isEqualTo(new Position(Position.Kind.AFTER_SEQUENCE_NUMBER, "000000000000000000005"));
        cursor.use("fresh");
        cursor.dropIterator();
        assertThat(cursor.iterator()).isNull();
        assertThat(cursor.position().sequenceNumber()).isEqualTo("000000000000000000005");
        cursor.restartAtOldest();
        assertThat(cursor.position()).isEqualTo(Position.OLDEST);
    }
}
