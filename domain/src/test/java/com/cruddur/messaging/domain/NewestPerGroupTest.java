package com.cruddur.messaging.domain;

import static com.cruddur.messaging.domain.Fixtures.ANDREW;
import static com.cruddur.messaging.domain.Fixtures.BAYKO;
import static com.cruddur.messaging.domain.Fixtures.GROUP;
import static com.cruddur.messaging.domain.Fixtures.OTHER_GROUP;
import static com.cruddur.messaging.domain.Fixtures.message;
import static com.cruddur.messaging.domain.Fixtures.messageId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NewestPerGroupTest {

    @Test
    void manyMessagesForOneGroupCollapseToTheNewest() {
        List<Message> batch = new ArrayList<>();
        for (int second = 10; second < 60; second++) {
            batch.add(message(GROUP, second % 2 == 0 ? ANDREW : BAYKO, "message " + second,
                    "2026-11-22T10:00:" + second + ".000000+00:00"));
        }

        assertThat(NewestPerGroup.of(batch)).containsExactly(batch.get(batch.size() - 1));
    }

    @Test
    void theOrderOfTheBatchDoesNotMatter() {
        Message a1 = message(GROUP, ANDREW, "a1", "2026-11-22T10:00:01+00:00");
        Message a2 = message(GROUP, BAYKO, "a2", "2026-11-22T10:00:03+00:00");
        Message a3 = message(GROUP, ANDREW, "a3", "2026-11-22T10:00:02+00:00");
        Message b1 = message(OTHER_GROUP, ANDREW, "b1", "2026-11-22T10:00:05+00:00");
        Message b2 = message(OTHER_GROUP, BAYKO, "b2", "2026-11-22T10:00:04+00:00");

        for (List<Message> order : MessageGroupTest.permutations(List.of(a1, a2, a3, b1, b2))) {
            assertThat(NewestPerGroup.of(order)).as("batch %s", order.stream().map(Message::text).toList())
                    .containsExactlyInAnyOrder(a2, b1);
        }
    }

    @Test
    void keepsOneMessagePerGroupInTheOrderGroupsFirstAppear() {
        MessageGroupId third = MessageGroupId.of("c0000000-0000-4000-8000-000000000003");
        Message b = message(OTHER_GROUP, BAYKO, "b", "2026-11-22T10:00:01+00:00");
        Message a = message(GROUP, ANDREW, "a", "2026-11-22T10:00:02+00:00");
        Message aNewer = message(GROUP, BAYKO, "a newer", "2026-11-22T10:00:09+00:00");
        Message c = message(third, ANDREW, "c", "2026-11-22T10:00:00+00:00");

        assertThat(NewestPerGroup.of(List.of(b, a, c, aNewer))).containsExactly(b, aNewer, c);
    }

    @Test
    void aBatchReplayedWithinItselfStillGivesOnePerGroup() {
        Message a = message(GROUP, ANDREW, "a", "2026-11-22T10:00:02+00:00");
        Message b = message(OTHER_GROUP, BAYKO, "b", "2026-11-22T10:00:01+00:00");

        assertThat(NewestPerGroup.of(List.of(a, b, a, b, a))).containsExactly(a, b);
    }

    @Test
    void sameInstantMessagesResolveTheSameWayWhateverTheOrder() {
        Message low = message(messageId("10000000-0000-4000-8000-000000000000"), GROUP, ANDREW, "low",
                "2026-11-22T10:00:00+00:00");
        Message high = message(messageId("20000000-0000-4000-8000-000000000000"), GROUP, BAYKO, "high",
                "2026-11-22T10:00:00+00:00");

        assertThat(NewestPerGroup.of(List.of(low, high))).containsExactly(high);
        assertThat(NewestPerGroup.of(List.of(high, low))).containsExactly(high);
    }

    @Test
    void aLargeShuffledBatchGivesTheNewestOfEachGroup() {
        List<MessageGroupId> groups =
                List.of(GROUP, OTHER_GROUP, MessageGroupId.of("c0000000-0000-4000-8000-000000000003"));
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(message(groups.get(i % 3), ANDREW, "m" + i,
                    Instant.parse("2026-11-22T10:00:00Z").plusMillis(i).toString()));
        }
        List<Message> expected = batch.subList(batch.size() - 3, batch.size());

        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            List<Message> shuffled = new ArrayList<>(batch);
            Collections.shuffle(shuffled, random);
            assertThat(NewestPerGroup.of(shuffled)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void anEmptyBatchMovesNothing() {
        assertThat(NewestPerGroup.of(List.of())).isEmpty();
    }
}
