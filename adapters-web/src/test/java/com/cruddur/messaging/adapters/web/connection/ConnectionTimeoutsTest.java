package com.cruddur.messaging.adapters.web.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.netty.ConnectionObserver;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerConfig;

class ConnectionTimeoutsTest {

    private static final Duration S = Duration.ofSeconds(1);

    @Test
    void everyTimeoutMustBePositive() {
        assertThatCode(() -> new ConnectionTimeouts(Duration.ofNanos(1), S, S, S)).doesNotThrowAnyException();
        for (Duration bad : new Duration[] {null, Duration.ZERO, Duration.ofSeconds(-1)}) {
            assertThatThrownBy(() -> new ConnectionTimeouts(bad, S, S, S)).hasMessageContaining("idle timeout");
            assertThatThrownBy(() -> new ConnectionTimeouts(S, bad, S, S)).hasMessageContaining("header timeout");
            assertThatThrownBy(() -> new ConnectionTimeouts(S, S, bad, S)).hasMessageContaining("read timeout");
            assertThatThrownBy(() -> new ConnectionTimeouts(S, S, S, bad)).hasMessageContaining("request timeout");
        }
    }

    @Test
    void theServerGetsEachTimeoutAsGiven() {
        HttpServerConfig config = new ConnectionTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(11), Duration.ofSeconds(30)).apply(HttpServer.create()).configuration();

        assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(11));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anHttp11ConnectionGetsTheHeaderDeadlineOnEitherSideOfTheCodec() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(NettyPipeline.HttpCodec, new HttpServerCodec());

        initialise(channel);

        assertThat(channel.pipeline().names()).containsSubsequence(ConnectionTimeouts.HEADER_DEADLINE_RAW,
                NettyPipeline.HttpCodec, ConnectionTimeouts.HEADER_DEADLINE_DECODED);
        channel.finishAndReleaseAll();
    }

    @Test
    void aConnectionWithoutTheHttp11CodecIsLeftAsItIs() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast("other", new ChannelInboundHandlerAdapter());

        initialise(channel);

        assertThat(channel.pipeline().names()).doesNotContain(ConnectionTimeouts.HEADER_DEADLINE_RAW,
                ConnectionTimeouts.HEADER_DEADLINE_DECODED);
        channel.finishAndReleaseAll();
    }

    @Test
    void keptAliveConnectionsFinishARequestOnItsLastResponsePacketUnlessTheCommandLineSaysOtherwise() {
        new ConnectionTimeouts(S, S, S, S);

        assertThat(System.getProperty(ConnectionTimeouts.FINISH_ON_LAST_PACKET)).isEqualTo("true");
    }

    private static void initialise(EmbeddedChannel channel) {
        new ConnectionTimeouts(S, S, S, S).apply(HttpServer.create()).configuration().doOnChannelInit()
                .onChannelInit(ConnectionObserver.emptyListener(), channel, null);
    }
}
