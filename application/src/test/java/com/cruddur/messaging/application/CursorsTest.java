package com.cruddur.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A cursor opens only in the scope it was issued for, with the position it was issued with, under its own key. */
class CursorsTest {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final Cursors cursors = new Cursors("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    private String issue(Cursors by, String scope, String position) {
        return by.issue(scope, Optional.of(position)).orElseThrow();
    }

    private static String signatureOf(String cursor) {
        return cursor.substring(cursor.indexOf('.') + 1);
    }

    private static String withPayload(String position, String signature) {
        return URL.encodeToString(position.getBytes(StandardCharsets.UTF_8)) + "." + signature;
    }

    @Test
    void aCursorOpensToItsPositionInItsScope() {
        String cursor = issue(cursors, "groups:andrew", "2026-11-22T10:15:30.123456+00:00#g1");

        assertThat(cursors.open("groups:andrew", Optional.of(cursor)))
                .contains("2026-11-22T10:15:30.123456+00:00#g1");
        assertThat(cursors.issue("groups:andrew", Optional.empty())).isEmpty();
        assertThat(cursors.open("groups:andrew", Optional.empty())).isEmpty();
    }

    @Test
    void anotherPositionUnderTheSignatureOfTheFirstIsRefused() {
        String cursor = issue(cursors, "groups:andrew", "2026-11-22T10:15:30.123456+00:00#g1");
        String forged = withPayload("2020-01-01T00:00:00.000000+00:00#g9", signatureOf(cursor));

        assertThatThrownBy(() -> cursors.open("groups:andrew", Optional.of(forged)))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("does not belong to this listing");
    }

    @Test
    void theBoundaryBetweenScopeAndPositionCannotBeMoved() {
        // Scope "messages:ab" with position "c" and scope "messages:a" with position "bc" sign the same bytes when
        // nothing separates the two: a cursor of one listing would open in another.
        String cursor = issue(cursors, "messages:ab", "c");
        String shifted = withPayload("bc", signatureOf(cursor));

        assertThatThrownBy(() -> cursors.open("messages:a", Optional.of(shifted)))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void aCursorOfAnotherScopeIsRefused() {
        String cursor = issue(cursors, "groups:andrew", "p");

        assertThatThrownBy(() -> cursors.open("groups:bayko", Optional.of(cursor)))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void aCursorOfAnotherKeyIsRefused() {
        Cursors other = new Cursors("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> other.open("groups:andrew", Optional.of(issue(cursors, "groups:andrew", "p"))))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void randomKeysAreSecretAndDifferEachTime() {
        Cursors random = Cursors.withRandomKey();
        String cursor = issue(random, "groups:andrew", "p");

        assertThat(random.open("groups:andrew", Optional.of(cursor))).contains("p");
        assertThatThrownBy(() -> Cursors.withRandomKey().open("groups:andrew", Optional.of(cursor)))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> new Cursors(new byte[32]).open("groups:andrew", Optional.of(cursor)))
                .as("a cursor of a random key is not one of a key of zeros")
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void aKeyNeedsAtLeastSixteenBytes() {
        assertThatThrownBy(() -> new Cursors(new byte[15]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 bytes");
        Cursors shortest = new Cursors("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        assertThat(shortest.open("s", Optional.of(issue(shortest, "s", "p")))).contains("p");
    }

    @Test
    void theKeyIsCopiedSoChangingTheCallersArrayChangesNothing() {
        byte[] key = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        Cursors copied = new Cursors(key);
        String cursor = issue(copied, "s", "p");
        key[0] ^= 1;

        assertThat(copied.open("s", Optional.of(cursor))).contains("p");
    }

    @Test
    void malformedCursorsAreRefusedAsMalformed() {
        String cursor = issue(cursors, "s", "p");
        for (String malformed : new String[] {"garbage", "." + signatureOf(cursor), "!!!." + signatureOf(cursor),
                cursor + "!", "a".repeat(2049) + "." + signatureOf(cursor)}) {
            assertThatThrownBy(() -> cursors.open("s", Optional.of(malformed)))
                    .as(malformed)
                    .isInstanceOf(InvalidCursorException.class)
                    .hasMessageContaining("malformed");
        }
    }

    @Test
    void cursorsUpToTwoThousandFortyEightCharactersOpenAndLongerOnesAreRefused() {
        String longest = issue(cursors, "s", "p".repeat(1503));
        String tooLong = issue(cursors, "s", "p".repeat(1504));
        assertThat(longest).hasSize(2048);
        assertThat(tooLong.length()).isGreaterThan(2048);

        assertThat(cursors.open("s", Optional.of(longest))).contains("p".repeat(1503));
        assertThatThrownBy(() -> cursors.open("s", Optional.of(tooLong)))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("malformed");
    }
}
