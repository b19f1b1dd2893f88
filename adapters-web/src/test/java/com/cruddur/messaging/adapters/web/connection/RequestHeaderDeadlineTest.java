package com.cruddur.messaging.adapters.web.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The header deadline on a connection of its own, with the event loop's clock in the test's hands: raw bytes go in
 * and decoded requests travel through both handlers (in a server the codec between them turns the one into the other),
 * and responses go out through the handler after the codec. No codec is needed to tell what each handler sees.
 */
class RequestHeaderDeadlineTest {

    private static final long TIMEOUT_MS = 10_000;

    private final RequestHeaderDeadline deadline = new RequestHeaderDeadline(Duration.ofMillis(TIMEOUT_MS));
    private final EmbeddedChannel channel = connection();

    private EmbeddedChannel connection() {
        EmbeddedChannel embedded = new EmbeddedChannel();
        embedded.freezeTime();
        embedded.pipeline().addLast(deadline.bytes(), deadline.messages());
        return embedded;
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAtTheDeadlineAndNotBefore() {
        after(TIMEOUT_MS - 1);
        assertThat(channel.isOpen()).isTrue();

        after(1);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void headersCompleteInTimeKeepTheConnectionOpen() {
        after(TIMEOUT_MS - 1);
        bytes("GET / HTTP/1.1\r\n\r\n");
        request();

        after(TIMEOUT_MS * 3);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void theBodyOfARequestWhoseHeadersAreInIsNotTheDeadlinesBusiness() {
        bytes("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n");
        request();
        after(TIMEOUT_MS - 1);
        bytes("{\"message\":");

        after(TIMEOUT_MS * 3);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void onAKeptAliveConnectionTheNextRequestsFirstByteStartsTheCountdown() {
        bytes("GET / HTTP/1.1\r\n\r\n");
        request();
        respond();
        after(TIMEOUT_MS * 3);
        assertThat(channel.isOpen()).as("idle between requests: the idle timeout's business").isTrue();

        bytes("GET /next HTTP/1.1\r\nX-Slow: ");
        after(TIMEOUT_MS - 1);
        bytes("a");
        assertThat(channel.isOpen()).as("later bytes of the same headers do not restart it").isTrue();
        after(1);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aPipelinedRequestIsAnsweredOneResponseAtATime() {
        bytes("GET /1 HTTP/1.1\r\n\r\nGET /2 HTTP/1.1\r\n\r\n");
        request();
        request();
        respond();
        bytes("more of the second request's body");

        after(TIMEOUT_MS * 3);
        assertThat(channel.isOpen()).as("the second request is still unanswered").isTrue();

        respond();
        bytes("GET /3 HTTP/1.1\r\n");
        after(TIMEOUT_MS);
        assertThat(channel.isOpen()).as("both answered: the third request's headers have a deadline").isFalse();
    }

    private void after(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }

    /** Raw bytes, as the handler before the codec sees them; they travel on to the decoded side as they are. */
    private void bytes(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
        channel.releaseInbound();
    }

    /** What the codec makes of complete request headers (it passes the handler before it as raw bytes would). */
    private void request() {
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/"));
        channel.releaseInbound();
    }

    /** A whole response: its head, a part of its body and its end; only the end answers the request. */
    private void respond() {
        channel.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK),
                new DefaultHttpContent(Unpooled.copiedBuffer("{}", StandardCharsets.US_ASCII)),
                LastHttpContent.EMPTY_LAST_CONTENT);
        channel.releaseOutbound();
    }
}
