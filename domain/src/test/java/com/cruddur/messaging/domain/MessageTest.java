package com.cruddur.messaging.domain;

import static com.cruddur.messaging.domain.Fixtures.ANDREW;
import static com.cruddur.messaging.domain.Fixtures.GROUP;
import static com.cruddur.messaging.domain.Fixtures.at;
import static com.cruddur.messaging.domain.Fixtures.message;
import static com.cruddur.messaging.domain.Fixtures.messageId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageTest {

    @Test
    void composingKeepsTheValidatedText() {
        Message message = Message.compose(messageId("a0000000-0000-4000-8000-000000000001"), GROUP, ANDREW,
                new MessageText(" hello "), at("2026-11-22T10:00:00+00:00"));

        assertThat(message.text()).isEqualTo(" hello ");
    }

    @Test
    void composingRefusesBlankText() {
        assertThatThrownBy(() -> message(GROUP, ANDREW, " ", "2026-11-22T10:00:00+00:00"))
                .isInstanceOfSatisfying(DomainViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("message_blank"));
    }

    @Test
    void aLaterMessageIsNewer() {
        Message earlier = message(GROUP, ANDREW, "a", "2026-11-22T10:00:00.000001+00:00");
        Message later = message(GROUP, ANDREW, "b", "2026-11-22T10:00:00.000002+00:00");

        assertThat(later.isNewerThan(earlier)).isTrue();
        assertThat(earlier.isNewerThan(later)).isFalse();
    }

    @Test
    void aMessageIsNotNewerThanItself() {
        Message message = message(GROUP, ANDREW, "a", "2026-11-22T10:00:00+00:00");

        assertThat(message.isNewerThan(message)).isFalse();
    }

    @Test
    void sameInstantIsDecidedByTheIdSoExactlyOneIsNewer() {
        Message a = message(messageId("10000000-0000-4000-8000-000000000000"), GROUP, ANDREW, "a",
                "2026-11-22T10:00:00+00:00");
        Message b = message(messageId("20000000-0000-4000-8000-000000000000"), GROUP, ANDREW, "b",
                "2026-11-22T10:00:00+00:00");

        assertThat(b.isNewerThan(a)).isTrue();
        assertThat(a.isNewerThan(b)).isFalse();
    }

    @Test
    void tieBreakIsATotalOrderAcrossIds() {
        String[] ids = {"00000000-0000-4000-8000-000000000000", "7fffffff-ffff-4fff-bfff-ffffffffffff",
                "80000000-0000-4000-8000-000000000000", "ffffffff-ffff-4fff-bfff-ffffffffffff",
                "5ae290ed-55d1-47a0-bc6d-fe2bc2700399"};
        for (String x : ids) {
            for (String y : ids) {
                Message mx = message(messageId(x), GROUP, ANDREW, "x", "2026-11-22T10:00:00+00:00");
                Message my = message(messageId(y), GROUP, ANDREW, "y", "2026-11-22T10:00:00+00:00");
                boolean expectOneNewer = !x.equals(y);
                assertThat(mx.isNewerThan(my) ^ my.isNewerThan(mx)).as("%s vs %s", x, y).isEqualTo(expectOneNewer);
            }
        }
    }

    @Test
    void movingToAnotherInstantKeepsEverythingElse() {
        Message message = message(GROUP, ANDREW, "a", "2026-11-22T10:00:00.000000+00:00");

        Message moved = message.at(message.createdAt().nextMicrosecond());

        assertThat(moved.createdAt()).isEqualTo(at("2026-11-22T10:00:00.000001+00:00"));
        assertThat(moved).usingRecursiveComparison().ignoringFields("createdAt").isEqualTo(message);
    }
}
