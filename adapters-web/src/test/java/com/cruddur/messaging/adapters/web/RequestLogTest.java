package com.cruddur.messaging.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The request log on exchanges of its own, its lines caught as Logback has them (message and MDC fields): the id a
 * request keeps or is given, what one line says, and that each request has exactly one line, however it ends.
 */
class RequestLogTest {

    private static final String MADE_ID = "made-here";

    private final RequestLog requestLog = new RequestLog(() -> MADE_ID);
    private final Logger logger = (Logger) LoggerFactory.getLogger(RequestLog.LOGGER);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level levelBefore;

    @BeforeEach
    void catchTheLines() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO);
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void letGo() {
        logger.detachAppender(lines);
        logger.setLevel(levelBefore);
    }

    @Test
    void aWellFormedIncomingIdIsKeptAndAnsweredAndAnyOtherIsReplaced() {
        String longest = "a".repeat(128);
        for (String kept : List.of("abc-123", "1-67891233:abcdef.x_y", longest, "0")) {
            assertThat(idGiven(kept)).as(kept).isEqualTo(kept);
        }
        for (String replaced : List.of("", "a".repeat(129), "has space", "key=value", "semi;colon", "ünïcode", "new\nline")) {
            assertThat(idGiven(replaced)).as(replaced).isEqualTo(MADE_ID);
        }
    }

    @Test
    void withoutAnIncomingIdOneIsMadeAndKeptInTheExchangeAndTheAnswer() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/message_groups"));

        requestLog.filter(exchange, ok()).block();

        assertThat(exchange.getResponse().getHeaders().getFirst(RequestLog.HEADER)).isEqualTo(MADE_ID);
        assertThat((String) exchange.getAttribute(RequestLog.ATTRIBUTE)).isEqualTo(MADE_ID);
    }

    @Test
    void theLineSaysMethodPathStatusTimeRouteAndIdInTheMessageAndTheFields() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/api/messages/abc")
                .header(RequestLog.HEADER, "req-1"));
        WebFilterChain created = ex -> {
            ex.getResponse().setStatusCode(HttpStatus.CREATED);
            ex.getAttributes().put(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE,
                    PathPatternParser.defaultInstance.parse("/api/messages/{message_group_uuid}"));
            return Mono.empty();
        };

        requestLog.filter(exchange, created).block();

        ILoggingEvent line = onlyLine();
        assertThat(line.getLevel()).isEqualTo(Level.INFO);
        assertThat(line.getFormattedMessage()).matches(
                "POST /api/messages/abc 201 in \\d+\\.\\d ms \\(route /api/messages/\\{message_group_uuid}, request req-1\\)");
        Map<String, String> fields = line.getMDCPropertyMap();
        assertThat(fields).containsEntry("http.request.id", "req-1")
                .containsEntry("http.request.method", "POST")
                .containsEntry("url.path", "/api/messages/abc")
                .containsEntry("http.route", "/api/messages/{message_group_uuid}")
                .containsEntry("http.response.status_code", "201");
        assertThat(Long.parseLong(fields.get("event.duration"))).isNotNegative();
        assertThat(MDC.get("http.request.id")).as("the fields leave the MDC with the line").isNull();
        assertThat(MDC.get("http.route")).isNull();
    }

    @Test
    void theDurationIsTheTimeTheRequestTook() {
        long before = System.nanoTime();
        requestLog.filter(exchange(MockServerHttpRequest.get("/api/message_groups")), ok()).block();
        long took = System.nanoTime() - before;

        assertThat(Long.parseLong(onlyLine().getMDCPropertyMap().get("event.duration"))).isBetween(0L, took);
    }

    @Test
    void theServicesOwnIdsAreRandomUuids() {
        RequestLog service = new RequestLog();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/message_groups"));
            service.filter(exchange, ok()).block();
            ids.add(exchange.getResponse().getHeaders().getFirst(RequestLog.HEADER));
        }

        assertThat(ids).allSatisfy(id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id))
                .doesNotHaveDuplicates();
    }

    @Test
    void aRequestNoRouteMatchedSaysNoneAndHasNoRouteField() {
        requestLog.filter(exchange(MockServerHttpRequest.get("/nowhere")), ok()).block();

        ILoggingEvent line = onlyLine();
        assertThat(line.getFormattedMessage()).startsWith("GET /nowhere 200 in ").endsWith("(route none, request "
                + MADE_ID + ")");
        assertThat(line.getMDCPropertyMap()).doesNotContainKey("http.route");
    }

    @Test
    void aRouteGivenAsTextIsLoggedAsItIs() {
        WebFilterChain chain = ex -> {
            ex.getAttributes().put(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/ui/**");
            ex.getResponse().setStatusCode(HttpStatus.NOT_MODIFIED);
            return Mono.empty();
        };

        requestLog.filter(exchange(MockServerHttpRequest.get("/ui/app.js")), chain).block();

        assertThat(onlyLine().getFormattedMessage()).contains(" 304 in ").contains("(route /ui/**, request ");
    }

    @Test
    void anErrorNotYetAnsweredIsLoggedWhenItsAnswerIsCommittedWithItsStatus() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/message_groups"));

        Mono<Void> filtered = requestLog.filter(exchange, ex -> Mono.error(new IllegalStateException("boom")));
        assertThat(filtered.onErrorComplete().block()).isNull();
        assertThat(lines.list).as("nothing until the exception handlers answer").isEmpty();

        exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        exchange.getResponse().setComplete().block();

        assertThat(onlyLine().getFormattedMessage()).startsWith("GET /api/message_groups 503 in ");
    }

    @Test
    void anErrorAfterTheAnswerWasCommittedIsLoggedAtOnce() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/events"));
        WebFilterChain failsLate = ex -> ex.getResponse().setComplete()
                .then(Mono.error(new IllegalStateException("the client went away")));

        requestLog.filter(exchange, failsLate).onErrorComplete().block();

        assertThat(onlyLine().getFormattedMessage()).startsWith("GET /api/events 200 in ");
    }

    @Test
    void aCancelledRequestIsLoggedOnce() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/events"));

        Disposable streaming = requestLog.filter(exchange, ex -> Mono.never()).subscribe();
        streaming.dispose();
        exchange.getResponse().setComplete().block();

        assertThat(onlyLine().getFormattedMessage()).startsWith("GET /api/events 200 in ");
    }

    @Test
    void nothingIsWrittenWhenTheRequestLoggerIsOff() {
        logger.setLevel(Level.WARN);

        requestLog.filter(exchange(MockServerHttpRequest.get("/api/message_groups")), ok()).block();

        assertThat(lines.list).isEmpty();
    }

    @Test
    void itRunsBeforeEveryOtherFilter() {
        assertThat(requestLog.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
    }

    private String idGiven(String incoming) {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/message_groups")
                .header(RequestLog.HEADER, incoming));
        requestLog.filter(exchange, ok()).block();
        return exchange.getResponse().getHeaders().getFirst(RequestLog.HEADER);
    }

    private ILoggingEvent onlyLine() {
        assertThat(lines.list).hasSize(1);
        return lines.list.get(0);
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.from(request);
    }

    private static WebFilterChain ok() {
        return exchange -> Mono.empty();
    }
}
