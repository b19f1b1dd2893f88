package com.cruddur.messaging.adapters.web.connection;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request headers are not complete within a bound, counted from when the connection opens
 * and, on a kept-alive connection, from the first byte of each next request (the wait before it is the idle
 * timeout's business). A client that trickles its headers a byte at a time is closed like one that sends nothing.
 *
 * <p>It takes two handlers of one connection's pipeline, sharing this state: {@link #bytes()} before the HTTP codec
 * sees the first raw bytes of a request, {@link #messages()} after it sees the decoded headers and the end of each
 * response. Both run on the connection's event loop, so the state needs no locking.
 */
final class RequestHeaderDeadline {

    private static final Logger log = LoggerFactory.getLogger(RequestHeaderDeadline.class);

    private final long timeoutNanos;
    /** Requests whose headers are in and whose response has not ended. */
    private int unanswered;
    private ScheduledFuture<?> deadline;

    RequestHeaderDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    ChannelHandler bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                arm(ctx);
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (unanswered == 0) {
                    arm(ctx);
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                disarm();
                ctx.fireChannelInactive();
            }
        };
    }

    ChannelHandler messages() {
        return new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest) {
                    unanswered++;
                    disarm();
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                // The response is complete once its last part is handed on; the promise is left as it came.
                if (msg instanceof LastHttpContent) {
                    unanswered = Math.max(0, unanswered - 1);
                }
                ctx.write(msg, promise);
            }
        };
    }

    /** Starts the countdown unless one runs already: the first byte of the headers starts it, later ones do not. */
    private void arm(ChannelHandlerContext ctx) {
        if (deadline != null) {
            return;
        }
        deadline = ctx.executor().schedule(() -> {
            log.debug("closing {}: its request headers were not complete within {} ms", ctx.channel().remoteAddress(),
                    TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
            ctx.close();
        }, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
