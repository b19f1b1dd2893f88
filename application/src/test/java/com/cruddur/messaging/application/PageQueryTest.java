package com.cruddur.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.DomainViolation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageQueryTest {

    @Test
    void aPageHoldsOneToFiftyItems() {
        assertThat(new PageQuery(1, Optional.empty()).limit()).isEqualTo(1);
        assertThat(new PageQuery(50, Optional.empty()).limit()).isEqualTo(50);
        for (int limit : new int[] {0, -1, 51}) {
            assertThatThrownBy(() -> new PageQuery(limit, Optional.empty()))
                    .as("limit %d", limit)
                    .isInstanceOfSatisfying(DomainViolation.class, violation -> {
                        assertThat(violation.code()).isEqualTo("limit_invalid");
                        assertThat(violation.isMalformed()).isTrue();
                    });
        }
    }

    @Test
    void aBlankOrMissingCursorMeansTheFirstPage() {
        assertThat(new PageQuery(20, Optional.of("")).cursor()).isEmpty();
        assertThat(new PageQuery(20, Optional.of("  ")).cursor()).isEmpty();
        assertThat(new PageQuery(20, null).cursor()).isEmpty();
        assertThat(new PageQuery(20, Optional.of("abc.def")).cursor()).contains("abc.def");
    }

    @Test
    void theFirstPageHasTheDefaultSizeAndNoCursor() {
        assertThat(PageQuery.first()).isEqualTo(new PageQuery(PageQuery.DEFAULT_LIMIT, Optional.empty()));
        assertThat(PageQuery.DEFAULT_LIMIT).isEqualTo(20);
    }
}
