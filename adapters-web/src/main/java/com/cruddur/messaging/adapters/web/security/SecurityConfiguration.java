package com.cruddur.messaging.adapters.web.security;

import com.cruddur.messaging.adapters.web.RequestLog;
import com.cruddur.messaging.adapters.web.WebProperties;
import com.cruddur.messaging.adapters.web.problem.Problem;
import com.cruddur.messaging.adapters.web.problem.ProblemWriter;
import com.cruddur.messaging.adapters.web.ui.UiConfiguration;
import com.cruddur.messaging.adapters.web.ui.UiProperties;
import com.cruddur.messaging.application.IdentifyCaller;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The API is a stateless OAuth2 resource server for Cognito access tokens: {@code /api/**} needs a token except
 * the public user card; everything else (health, the embedded default's token issuer, unknown paths) is open, so
 * unknown paths answer 404.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(AuthProperties.class)
public class SecurityConfiguration {

    /** How long one download of the pool's keys may take before it counts as failed. */
    private static final Duration JWKS_FETCH_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    Callers callers(IdentifyCaller identifyCaller, AuthProperties properties) {
        return new Callers(identifyCaller, properties.callerCacheTtl(), properties.callerCacheSize(), Clock.systemUTC());
    }

    /** Cognito's tokens everywhere but in the embedded default, which trusts only its development issuer. */
    @Bean
    @Profile("!embedded")
    ReactiveJwtDecoder cognitoJwtDecoder(AuthProperties properties) {
        SigningKeys keys = new SigningKeys(URI.create(properties.requiredJwksUrl()),
                properties.jwksRefreshInterval(), JWKS_FETCH_TIMEOUT, Clock.systemUTC());
        return CognitoAccessTokens.fromJwks(keys, CognitoAccessTokens.validator(
                properties.requiredIssuer(), properties.requiredClientIds(), properties.clockSkew()));
    }

    /**
     * No observation of each security filter, authentication and authorization: nothing reads them, and they
     * were a few per cent of every request's CPU time. The request itself is still observed
     * ({@code http_server_requests_seconds}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(WebProperties web) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!web.frontendOrigin().isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(web.frontendOrigin());
            cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PATCH", "DELETE", "OPTIONS"));
            cors.setExposedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.LINK, RequestLog.HEADER,
                    "Other-Read-Position"));
            cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                    "Idempotency-Key", RequestLog.HEADER));
            cors.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", cors);
            source.registerCorsConfiguration("/dev/token", cors);
        }
        return source;
    }

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, ProblemWriter writer,
                                       CorsConfigurationSource cors, AuthProperties properties, UiProperties ui) {
        // A token accepted once is accepted again until its exp without being verified again (AcceptedTokens).
        ReactiveJwtDecoder tokens = new AcceptedTokens(jwtDecoder, properties.tokenCacheSize(), Clock.systemUTC());
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(writer);
        ServerAccessDeniedHandler denied = (exchange, failure) -> writer.write(exchange,
                Problem.of(HttpStatus.FORBIDDEN, "this resource is not available to you", "access_denied"));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(spec -> spec.configurationSource(cors))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/api/users/*/short").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .pathMatchers("/actuator/**").denyAll()
                        // The web UI's page and files, only where the UI is on (cruddur.ui.enabled)
                        .matchers(UiConfiguration.routes(ui)).permitAll()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(tokens))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .build();
    }
}
