package com.cruddur.messaging.adapters.web.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cruddur.live.*}: the bounds of {@code GET /api/events}.
 *
 * @param heartbeat     a comment line this often keeps proxies from closing a quiet stream
 * @param maxStreams    open streams per user; one more is refused with 429
 * @param buffer        events held for a stream whose client does not read; past it the stream is ended
 * @param reconnect     the {@code retry} the stream tells the browser to wait before reconnecting
 * @param resumeWindow  a {@code Last-Event-ID} older than this gives a {@code reset}
 * @param resumeMax     more missed events than this give a {@code reset}
 * @param publishTimeout how long a send waits for its events to be handed to the fan-out before it answers anyway
 * @param resumeSettle  how long a resumed stream waits before it reads back what its client missed: pattern E
 *                      moves an inbox row shortly after its message is stored, and the read back finds a
 *                      conversation by that row; longer than pattern E's lag, nothing stored before the reconnect
 *                      is missed
 */
@ConfigurationProperties("cruddur.live")
public record LiveProperties(@DefaultValue("25s") Duration heartbeat,
                             @DefaultValue("5") int maxStreams,
                             @DefaultValue("256") int buffer,
                             @DefaultValue("2s") Duration reconnect,
                             @DefaultValue("24h") Duration resumeWindow,
                             @DefaultValue("500") int resumeMax,
                             @DefaultValue("500ms") Duration publishTimeout,
                             @DefaultValue("1s") Duration resumeSettle) {

    public LiveProperties {
        if (maxStreams < 1 || buffer < 1 || resumeMax < 1) {
            throw new IllegalArgumentException("cruddur.live.max-streams, buffer and resume-max must be at least 1");
        }
    }
}
