package com.cruddur.messaging.adapters.web;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over a small limit with 413: when {@code Content-Length} says so, and while reading when a
 * chunked body grows past it. Runs after security, so the refusal still carries CORS headers and an anonymous client
 * cannot make the service read a large body.
 *
 * <p>Before answering, the rest of the body is read and thrown away (up to {@link #DRAIN_LIMIT_BYTES}): a server that
 * closes a connection with unread bytes in it resets it, and the client then loses the 413 it was about to read.
 */
public final class RequestBodyLimitFilter implements WebFilter, Ordered {

    /** How much of a refused body is read and discarded so the client receives the refusal. */
    static final long DRAIN_LIMIT_BYTES = 1024 * 1024;

    private final long maxBytes;

    public RequestBodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            Mono<Void> refusal = Mono.error(tooLarge());
            return declared > DRAIN_LIMIT_BYTES ? refusal
                    : exchange.getRequest().getBody().doOnNext(DataBufferUtils::release).then(refusal);
        }
        ServerHttpRequest limited = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().<DataBuffer>handle((buffer, sink) -> {
                    long total = seen.addAndGet(buffer.readableByteCount());
                    if (total <= maxBytes) {
                        sink.next(buffer);
                        return;
                    }
                    DataBufferUtils.release(buffer);
                    if (total > DRAIN_LIMIT_BYTES) {
                        sink.error(tooLarge());
                    }
                }).concatWith(Mono.defer(() -> seen.get() > maxBytes ? Mono.error(tooLarge()) : Mono.empty()));
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    private PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException(new IllegalArgumentException(
                "the request body must be at most " + maxBytes + " bytes"));
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
