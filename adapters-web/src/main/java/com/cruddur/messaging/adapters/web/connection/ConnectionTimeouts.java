package com.cruddur.messaging.adapters.web.connection;

import java.time.Duration;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Bounds on how long a client may hold a connection without making progress, so slow or silent clients cannot pile
 * up connections: a connection that is idle between requests is closed after {@code idle}; the request headers must
 * be complete within {@code headers} of the connection opening or of their first byte ({@link RequestHeaderDeadline},
 * which Reactor Netty has no setting for: its idle timeout is reset by every trickled byte); a request body may pause
 * at most {@code read} between two reads and must be complete within {@code request} (Reactor Netty's own
 * {@code readTimeout} and {@code requestTimeout}, which start once the headers are in).
 */
public final class ConnectionTimeouts implements NettyServerCustomizer {

    /**
     * Reactor Netty (1.3.6 here; 1.3.8's code takes the same path) holds back a request that reaches a kept-alive
     * connection before it has finished with the one before, and then stops reading: the request waits until the
     * client closes the connection (reactor/reactor-netty#4361; {@code KeptAliveConnectionTest} shows it with a
     * bodiless chunked POST after answered requests). With this setting Reactor Netty finishes the previous request
     * as soon as its last response packet is written, so the next one is served at once. It is read once, when Reactor
     * Netty's HTTP server handler class loads: this class is loaded while the service's server is configured, before
     * its first connection. A value given on the command line wins.
     */
    static final String FINISH_ON_LAST_PACKET = "reactor.netty.http.server.lastFlushWhenNoRead";

    static {
        if (System.getProperty(FINISH_ON_LAST_PACKET) == null) {
            System.setProperty(FINISH_ON_LAST_PACKET, "true");
        }
    }

    static final String HEADER_DEADLINE_RAW = "cruddur.requestHeaderDeadline.raw";
    static final String HEADER_DEADLINE_DECODED = "cruddur.requestHeaderDeadline.decoded";

    private final Duration idle;
    private final Duration headers;
    private final Duration read;
    private final Duration request;

    public ConnectionTimeouts(Duration idle, Duration headers, Duration read, Duration request) {
        this.idle = positive(idle, "idle timeout");
        this.headers = positive(headers, "header timeout");
        this.read = positive(read, "read timeout");
        this.request = positive(request, "request timeout");
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.idleTimeout(idle)
                .readTimeout(read)
                .requestTimeout(request)
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    // HTTP/1.1 only (what this service speaks): the deadline needs the codec to tell headers apart.
                    if (channel.pipeline().get(NettyPipeline.HttpCodec) == null) {
                        return;
                    }
                    RequestHeaderDeadline deadline = new RequestHeaderDeadline(headers);
                    channel.pipeline().addBefore(NettyPipeline.HttpCodec, HEADER_DEADLINE_RAW, deadline.bytes());
                    channel.pipeline().addAfter(NettyPipeline.HttpCodec, HEADER_DEADLINE_DECODED, deadline.messages());
                });
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the " + name + " must be positive, got " + value);
        }
        return value;
    }
}
