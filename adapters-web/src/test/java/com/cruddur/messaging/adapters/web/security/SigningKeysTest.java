package com.cruddur.messaging.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;

/** The signing keys against a key server that counts its downloads, on a clock the test moves. */
class SigningKeysTest {

    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final RSAKey FIRST = key("first");
    private static final RSAKey SECOND = key("second");

    private final KeyServer server = new KeyServer();
    private final MovableClock clock = new MovableClock();
    private final SigningKeys keys = new SigningKeys(server.url(), INTERVAL, Duration.ofSeconds(10), clock);

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aKnownKeyIsFetchedOnceAndKept() {
        assertThat(kids(FIRST.getKeyID())).containsExactly("first");
        assertThat(kids(FIRST.getKeyID())).containsExactly("first");
        clock.move(INTERVAL.multipliedBy(3));
        assertThat(kids(FIRST.getKeyID())).containsExactly("first");

        assertThat(server.downloads()).isEqualTo(1);
    }

    @Test
    void aFloodOfUnknownKeyIdsCausesOneDownloadPerInterval() {
        kids(FIRST.getKeyID());

        List<List<String>> answers = Flux.range(0, 50)
                .flatMap(i -> keys.matching(header(UUID.randomUUID().toString())).map(JWK::getKeyID).collectList())
                .collectList().block(WAIT);

        assertThat(answers).hasSize(50).allSatisfy(found -> assertThat(found).isEmpty());
        assertThat(server.downloads()).isEqualTo(2);

        clock.move(INTERVAL.minusSeconds(1));
        assertThat(kids(UUID.randomUUID().toString())).isEmpty();
        assertThat(server.downloads()).isEqualTo(2);

        clock.move(Duration.ofSeconds(1));
        assertThat(kids(UUID.randomUUID().toString())).isEmpty();
        assertThat(kids(UUID.randomUUID().toString())).isEmpty();
        assertThat(server.downloads()).isEqualTo(3);
    }

    @Test
    void aRotatedKeyIsFoundByTheNextAllowedRefresh() {
        kids(FIRST.getKeyID());
        server.publish(FIRST, SECOND);

        assertThat(kids(SECOND.getKeyID())).containsExactly("second");
        assertThat(kids(FIRST.getKeyID())).containsExactly("first");
        assertThat(server.downloads()).isEqualTo(2);
    }

    @Test
    void aFailedRefreshKeepsTheKnownKeys() {
        kids(FIRST.getKeyID());
        server.fail();

        assertThat(kids(SECOND.getKeyID())).isEmpty();
        assertThat(kids(FIRST.getKeyID())).containsExactly("first");
        assertThat(server.downloads()).isEqualTo(2);
    }

    @Test
    void withoutAnyKeysAFailedDownloadIsAnErrorRetriedOnlyAfterAPause() {
        server.fail();
        // The key server's own answer is the failure: the service logs it as why tokens cannot be checked.
        assertThatThrownBy(() -> kids(FIRST.getKeyID())).isInstanceOf(WebClientResponseException.InternalServerError.class);
        assertThatThrownBy(() -> kids(UUID.randomUUID().toString()))
                .isInstanceOf(WebClientResponseException.InternalServerError.class);
        assertThat(server.downloads()).isEqualTo(1);

        server.publish(FIRST);
        clock.move(SigningKeys.RETRY_AFTER_FAILURE);
        assertThat(kids(FIRST.getKeyID())).containsExactly("first");
        assertThat(server.downloads()).isEqualTo(2);
    }

    private List<String> kids(String kid) {
        return keys.matching(header(kid)).map(JWK::getKeyID).collectList().block(WAIT);
    }

    private static JWSHeader header(String kid) {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build();
    }

    private static RSAKey key(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves a JWK set on 127.0.0.1 (or 500 when told to fail) and counts the requests. */
    private static final class KeyServer {

        private final AtomicInteger downloads = new AtomicInteger();
        private final AtomicReference<String> published =
                new AtomicReference<>(new JWKSet(FIRST.toPublicJWK()).toString());
        private final HttpServer http;

        KeyServer() {
            try {
                http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            http.createContext("/jwks.json", exchange -> {
                downloads.incrementAndGet();
                String body = published.get();
                if (body == null) {
                    exchange.sendResponseHeaders(500, -1);
                    exchange.close();
                    return;
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            http.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/jwks.json");
        }

        void publish(RSAKey... keys) {
            published.set(new JWKSet(List.of(keys).stream().map(RSAKey::toPublicJWK).map(JWK.class::cast).toList())
                    .toString());
        }

        void fail() {
            published.set(null);
        }

        int downloads() {
            return downloads.get();
        }

        void stop() {
            http.stop(0);
        }
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now = Instant.parse("2026-12-02T10:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
