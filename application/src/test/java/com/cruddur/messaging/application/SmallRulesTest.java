package com.cruddur.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.DomainViolation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The small rules of the application's values: each stated once, at its edge. */
class SmallRulesTest {

    @Test
    void anIdempotencyWindowIsAtLeastOneSecond() {
        assertThat(new IdempotencyWindow(Duration.ofSeconds(1)).length()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> new IdempotencyWindow(Duration.ofMillis(999)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one second");
        assertThat(IdempotencyWindow.defaults().length()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aLastPageHasNoNextAndMappingKeepsTheNext() {
        Page<Integer> last = Page.last(List.of(1, 2));
        assertThat(last.items()).containsExactly(1, 2);
        assertThat(last.next()).isEmpty();

        Page<String> mapped = new Page<>(List.of(1, 2), Optional.of("c")).map(i -> "#" + i);
        assertThat(mapped.items()).containsExactly("#1", "#2");
        assertThat(mapped.next()).contains("c");
    }

    @Test
    void notFoundSaysWhatWasNotFound() {
        assertThat(NotFoundException.handle("bayko").code()).isEqualTo("user_not_found");
        assertThat(NotFoundException.handle("bayko")).hasMessageContaining("bayko");
        assertThat(NotFoundException.messageGroup("g1").code()).isEqualTo("message_group_not_found");
    }

    @Test
    void anInvalidCommandCarriesEveryViolation() {
        DomainViolation blank = new DomainViolation("message_blank", "the message must not be blank");
        DomainViolation handle = new DomainViolation("handle_blank", "the handle must not be blank");
        InvalidCommandException invalid = new InvalidCommandException(List.of(blank, handle));

        assertThat(invalid.violations()).containsExactly(blank, handle);
        assertThat(invalid.codes()).containsExactly("message_blank", "handle_blank");
        assertThat(invalid).hasMessage("the message must not be blank; the handle must not be blank");
    }

    @Test
    void aCallSeesThePatternItsCallerDeclared() {
        StepVerifier.create(Mono.deferContextual(context -> Mono.just(UseCasePattern.declaredIn(context)))
                        .contextWrite(UseCasePattern.C::declareIn))
                .expectNext(Optional.of(UseCasePattern.C))
                .verifyComplete();
        StepVerifier.create(Mono.deferContextual(context -> Mono.just(UseCasePattern.declaredIn(context))))
                .expectNext(Optional.empty())
                .verifyComplete();
    }
}
