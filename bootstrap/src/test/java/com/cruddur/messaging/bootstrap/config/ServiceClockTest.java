package com.cruddur.messaging.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The service's clock gives every call its own instant at the table's precision, however close the calls: a
 * participant's inbox rows are keyed by their conversations' newest instants, so two sends into two of one
 * participant's conversations must not share one.
 */
class ServiceClockTest {

    @Test
    void callsInOneMicrosecondStillGetInstantsOfTheirOwn() {
        Clock clock = new UseCaseConfiguration().clock();
        Set<Timestamp> given = new HashSet<>();
        int calls = 20_000;

        for (int i = 0; i < calls; i++) {
            given.add(Timestamp.of(clock.instant()));
        }

        assertThat(given).hasSize(calls);
    }
}
