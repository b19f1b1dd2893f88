package com.cruddur.messaging.adapters.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;

/**
 * One log line per request, once its answer is out: method, path, the route it matched (the pattern, not the
 * path), status, duration and a request id, which the response carries in {@value #HEADER}.
 *
 * <p>An incoming {@value #HEADER} (from a load balancer or the frontend) is kept when it is well formed (1 to 128
 * of {@code A-Z a-z 0-9 . _ : -}), so one id follows a request across services; otherwise a new one is made. The
 * fields are in the MDC while the line is written under ECS names ({@code http.request.id}, {@code http.route},
 * {@code http.response.status_code}, {@code event.duration} in nanoseconds, ...), which structured logging turns into
 * JSON fields; the message says the same for a person.
 *
 * <p>Runs first, before security, so a refused request is logged and identified too. An error answered by the
 * exception handlers (outside the filters) is logged when that answer is committed, with its status.
 */
public final class RequestLog implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    /** The exchange attribute holding the request's id. */
    public static final String ATTRIBUTE = RequestLog.class.getName() + ".id";
    static final String LOGGER = "com.cruddur.messaging.requests";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final Supplier<String> ids;

    public RequestLog() {
        this(() -> UUID.randomUUID().toString());
    }

    RequestLog(Supplier<String> ids) {
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : ids.get();
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(HEADER, id);
        Line line = new Line(exchange, id, System.nanoTime());
        ServerHttpResponse response = exchange.getResponse();
        return chain.filter(exchange)
                .doOnSuccess(done -> line.write())
                .doOnError(failure -> {
                    if (response.isCommitted()) {
                        line.write();
                    } else {
                        response.beforeCommit(() -> Mono.fromRunnable(line::write));
                    }
                })
                .doOnCancel(line::write);
    }

    /** What is logged of one exchange, written once. */
    private static final class Line {

        private final ServerWebExchange exchange;
        private final String id;
        private final long started;
        private final AtomicBoolean written = new AtomicBoolean();

        Line(ServerWebExchange exchange, String id, long started) {
            this.exchange = exchange;
            this.id = id;
            this.started = started;
        }

        void write() {
            if (!written.compareAndSet(false, true) || !log.isInfoEnabled()) {
                return;
            }
            long nanos = System.nanoTime() - started;
            String method = exchange.getRequest().getMethod().name();
            String path = exchange.getRequest().getPath().value();
            HttpStatusCode code = exchange.getResponse().getStatusCode();
            int status = code == null ? 200 : code.value();
            Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            String route = pattern instanceof PathPattern matched ? matched.getPatternString()
                    : pattern == null ? null : pattern.toString();
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("http.request.id", id);
            fields.put("http.request.method", method);
            fields.put("url.path", path);
            if (route != null) {
                fields.put("http.route", route);
            }
            fields.put("http.response.status_code", Integer.toString(status));
            fields.put("event.duration", Long.toString(nanos));
            fields.forEach(MDC::put);
            try {
                log.info("{} {} {} in {} ms (route {}, request {})", method, path, status,
                        String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0), route == null ? "none" : route, id);
            } finally {
                fields.keySet().forEach(MDC::remove);
            }
        }
    }
}
