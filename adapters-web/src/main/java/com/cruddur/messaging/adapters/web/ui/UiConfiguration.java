package com.cruddur.messaging.adapters.web.ui;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web UI: plain HTML, CSS and JavaScript modules from {@code classpath:cruddur-ui/}, with no build step. The page
 * is {@code GET /}, its files {@code GET /ui/...}. Only with {@code cruddur.ui.enabled=true} (the embedded default);
 * otherwise neither route exists and both are 404 as any unknown path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "cruddur.ui.enabled")
public class UiConfiguration {

    /** Where the files are on the class path. */
    static final String LOCATION = "cruddur-ui/";
    /**
     * Only what the page may load: its own scripts and styles, calls to its own origin. No inline script, no frames.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** The requests the UI answers when it is on, for the security rules; a matcher of nothing when it is off. */
    public static ServerWebExchangeMatcher routes(UiProperties properties) {
        if (!properties.enabled()) {
            return exchange -> ServerWebExchangeMatcher.MatchResult.notMatch();
        }
        return ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/", "/ui/**");
    }

    @Bean
    RouterFunction<ServerResponse> uiRoutes() {
        Resource index = new ClassPathResource(LOCATION + "index.html");
        // The files are small and change with each build: the browser asks again every time (and gets a 304).
        return RouterFunctions.route()
                .GET("/", request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache())
                        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                        .bodyValue(index))
                .build()
                .and(RouterFunctions.resources("/ui/**", new ClassPathResource(LOCATION),
                        (resource, headers) -> {
                            headers.setCacheControl(CacheControl.noCache());
                            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                        }));
    }
}
