package com.cruddur.messaging.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The body limit (16 KB, as configured by default) at its edges: a body of exactly the limit passes whole, one byte
 * more is refused, whether its length is declared or it comes in chunks; a refused body is read and thrown away up to
 * 1 MiB so the client gets the answer, and not read past that.
 */
class RequestBodyLimitFilterTest {

    private static final int LIMIT = 16 * 1024;
    private static final int MIB = 1024 * 1024;
    private static final int CHUNK = 1024;

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(LIMIT);

    /** A body of {@code chunks} chunks of {@code CHUNK} bytes and then {@code extra} bytes, counting what is read. */
    private static final class Body {

        final AtomicInteger chunksRead = new AtomicInteger();
        final AtomicBoolean subscribed = new AtomicBoolean();
        final Flux<DataBuffer> flux;

        Body(int chunks, int extra) {
            Flux<Integer> sizes = Flux.range(0, chunks).map(i -> CHUNK);
            if (extra > 0) {
                sizes = sizes.concatWith(Mono.just(extra));
            }
            flux = sizes.map(size -> (DataBuffer) DefaultDataBufferFactory.sharedInstance.wrap(new byte[size]))
                    .doOnSubscribe(subscription -> subscribed.set(true))
                    .doOnNext(buffer -> chunksRead.incrementAndGet());
        }
    }

    /** What the handler behind the filter read of the body. */
    private final AtomicLong bytesHandled = new AtomicLong(-1);
    private final AtomicBoolean handlerCalled = new AtomicBoolean();

    private final WebFilterChain readingHandler = exchange -> {
        handlerCalled.set(true);
        return exchange.getRequest().getBody()
                .reduce(0L, (sum, buffer) -> {
                    long size = buffer.readableByteCount();
                    DataBufferUtils.release(buffer);
                    return sum + size;
                })
                .doOnNext(bytesHandled::set)
                .then();
    };

    private Mono<Void> declared(long length, Body body) {
        MockServerHttpRequest request = MockServerHttpRequest.post("/api/messages").contentLength(length).body(body.flux);
        return filter.filter(MockServerWebExchange.from(request), readingHandler);
    }

    private Mono<Void> chunked(Body body) {
        MockServerHttpRequest request = MockServerHttpRequest.post("/api/messages").body(body.flux);
        assertThat(request.getHeaders().getContentLength()).isEqualTo(-1);
        return filter.filter(MockServerWebExchange.from(request), readingHandler);
    }

    private static void refusedAsTooLarge(Mono<Void> call) {
        StepVerifier.create(call)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(PayloadTooLargeException.class)
                        .cause().hasMessage("the request body must be at most 16384 bytes"))
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void aDeclaredBodyOfExactlyTheLimitPassesWhole() {
        Body body = new Body(16, 0);

        StepVerifier.create(declared(LIMIT, body)).verifyComplete();
        assertThat(bytesHandled).hasValue(LIMIT);
    }

    @Test
    void aDeclaredBodyOneByteOverTheLimitIsRefusedAfterReadingItAndNeverReachesTheHandler() {
        Body body = new Body(16, 1);

        refusedAsTooLarge(declared(LIMIT + 1, body));
        assertThat(handlerCalled).isFalse();
        assertThat(body.chunksRead).hasValue(17);
    }

    @Test
    void aDeclaredBodyOfOneMebibyteIsStillReadBeforeTheRefusal() {
        Body body = new Body(MIB / CHUNK, 0);

        refusedAsTooLarge(declared(MIB, body));
        assertThat(body.chunksRead).hasValue(MIB / CHUNK);
    }

    @Test
    void aDeclaredBodyOverOneMebibyteIsRefusedWithoutReadingIt() {
        Body body = new Body(MIB / CHUNK, 1);

        refusedAsTooLarge(declared(MIB + 1, body));
        assertThat(body.subscribed).isFalse();
        assertThat(handlerCalled).isFalse();
    }

    @Test
    void aChunkedBodyOfExactlyTheLimitPassesWhole() {
        Body body = new Body(16, 0);

        StepVerifier.create(chunked(body)).verifyComplete();
        assertThat(bytesHandled).hasValue(LIMIT);
    }

    @Test
    void aChunkedBodyOneByteOverTheLimitIsReadToItsEndAndRefused() {
        Body body = new Body(16, 1);

        refusedAsTooLarge(chunked(body));
        assertThat(body.chunksRead).hasValue(17);
        assertThat(bytesHandled).hasValue(-1);
    }

    @Test
    void aChunkedBodyIsReadWhileWithinOneMebibyteAndRefusedAtTheFirstChunkPastIt() {
        Body body = new Body(2 * MIB / CHUNK, 0);

        refusedAsTooLarge(chunked(body));
        assertThat(body.chunksRead).hasValue(MIB / CHUNK + 1);
    }

    @Test
    void aChunkedBodyOfOneMebibyteIsReadToItsEndBeforeTheRefusal() {
        Body body = new Body(MIB / CHUNK, 0);

        refusedAsTooLarge(chunked(body));
        assertThat(body.chunksRead).hasValue(MIB / CHUNK);
    }
}
