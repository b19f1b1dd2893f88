package com.cruddur.messaging.domain;

import static com.cruddur.messaging.domain.Fixtures.ANDREW;
import static com.cruddur.messaging.domain.Fixtures.BAYKO;
import static com.cruddur.messaging.domain.Fixtures.LONDO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParticipantPairTest {

    @Test
    void isTheSameWhicheverOfTheTwoStarts() {
        ParticipantPair fromAndrew = ParticipantPair.of(ANDREW.id(), BAYKO.id());
        ParticipantPair fromBayko = ParticipantPair.of(BAYKO.id(), ANDREW.id());

        assertThat(fromAndrew).isEqualTo(fromBayko).hasSameHashCodeAs(fromBayko);
        assertThat(fromAndrew.key()).isEqualTo(fromBayko.key());
    }

    @Test
    void differsForDifferentPeople() {
        assertThat(ParticipantPair.of(ANDREW.id(), BAYKO.id()))
                .isNotEqualTo(ParticipantPair.of(ANDREW.id(), LONDO.id()));
    }

    @Test
    void ordersByTheUuidsTextSoTheKeyIsStable() {
        // UUID.compareTo is signed and would put 8... before 1...; the key follows the text.
        UserId one = UserId.of("10000000-0000-4000-8000-000000000000");
        UserId eight = UserId.of("80000000-0000-4000-8000-000000000000");

        ParticipantPair pair = ParticipantPair.of(eight, one);

        assertThat(pair.lower()).isEqualTo(one);
        assertThat(pair.higher()).isEqualTo(eight);
        assertThat(pair.key()).isEqualTo("10000000-0000-4000-8000-000000000000#80000000-0000-4000-8000-000000000000");
    }

    @Test
    void refusesAPairOfOneselfAsMessageSelf() {
        assertThatThrownBy(() -> ParticipantPair.of(ANDREW.id(), UserId.of(ANDREW.id().toString())))
                .isInstanceOfSatisfying(DomainViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("message_self"));
    }

    @Test
    void canOnlyBeBuiltDirectlyInOrder() {
        ParticipantPair ordered = ParticipantPair.of(ANDREW.id(), BAYKO.id());

        assertThat(new ParticipantPair(ordered.lower(), ordered.higher())).isEqualTo(ordered);
        assertThatThrownBy(() -> new ParticipantPair(ordered.higher(), ordered.lower()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParticipantPair(ordered.lower(), ordered.lower()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
