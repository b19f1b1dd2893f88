package com.cruddur.messaging.adapters.web.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/** The one place where failures of the routes and filters become problem+json responses. */
final class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final ProblemWriter writer;

    ProblemWebExceptionHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        Problem problem = Problems.from(failure);
        log(exchange, problem, failure);
        return writer.write(exchange, problem);
    }

    private static void log(ServerWebExchange exchange, Problem problem, Throwable failure) {
        int status = problem.status().value();
        String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath();
        if (status == 503) {
            // The client got a generic detail; what actually failed (endpoint, table, the store's words) is here.
            LOG.warn("{} -> 503: {}", request, failure.getMessage(), failure.getCause());
        } else if (status >= 500) {
            LOG.error("{} -> {}", request, status, failure);
        } else {
            LOG.debug("{} -> {}: {}", request, status, failure.toString());
        }
    }

    /** Ahead of Spring Boot's own error handler (order -1). */
    @Override
    public int getOrder() {
        return -2;
    }
}
