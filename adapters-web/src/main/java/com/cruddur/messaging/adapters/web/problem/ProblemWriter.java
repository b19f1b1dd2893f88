package com.cruddur.messaging.adapters.web.problem;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes a {@link Problem} as {@code application/problem+json}, keeping headers already set (CORS). */
public final class ProblemWriter {

    private final ServerResponse.Context context;

    public ProblemWriter(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        return ServerResponse.status(problem.status())
                .headers(headers -> headers.addAll(problem.headers()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem.body(exchange.getRequest().getPath().value()))
                .flatMap(response -> response.writeTo(exchange, context));
    }
}
