package com.cruddur.messaging.adapters.web.live;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
@Validated
public record LiveProperties(@DefaultValue("25s") @DurationMin(millis = 1) Duration heartbeat,
                             @DefaultValue("5") @Min(1) int maxStreams,
                             @DefaultValue("256") @Min(1) int buffer,
                             @DefaultValue("2s") @DurationMin(millis = 1) Duration reconnect,
                             @DefaultValue("24h") @DurationMin(millis = 1) Duration resumeWindow,
                             @DefaultValue("500") @Min(1) int resumeMax,
                             @DefaultValue("500ms") @DurationMin(millis = 1) Duration publishTimeout,
                             @DefaultValue("1s") @DurationMin(millis = 0) Duration resumeSettle) {
}
