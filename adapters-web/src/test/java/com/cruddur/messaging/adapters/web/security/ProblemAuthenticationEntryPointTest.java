package com.cruddur.messaging.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.web.problem.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

class ProblemAuthenticationEntryPointTest {

    @Test
    void missingTokenIsAPlainBearerChallenge() {
        Problem problem = ProblemAuthenticationEntryPoint.problem(new AuthenticationCredentialsNotFoundException("none"));
        assertThat(problem.status().value()).isEqualTo(401);
        assertThat(problem.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
    }

    @Test
    void malformedTokenIsUnauthorizedNotBadRequest() {
        Problem problem = ProblemAuthenticationEntryPoint.problem(
                new OAuth2AuthenticationException(new OAuth2Error("invalid_request", "Bearer \"token\" is malformed", null)));
        assertThat(problem.status().value()).isEqualTo(401);
        assertThat(problem.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("Bearer error=\"invalid_request\", error_description=\"Bearer  token  is malformed\"");
    }

    @Test
    void theChallengeCarriesOnlyPrintableAsciiWithoutQuotesOrBackslashes() {
        Problem problem = ProblemAuthenticationEntryPoint.problem(new OAuth2AuthenticationException(
                new OAuth2Error("invalid_token", "a\u007fb\u001fc\\d\"e\u00e9f ~g!h", null)));

        assertThat(problem.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("Bearer error=\"invalid_token\", error_description=\"a b c d e f ~g!h\"");
        assertThat(problem.detail()).isEqualTo("a b c d e f ~g!h");
    }

    @Test
    void aRefusalWithoutADescriptionSaysTheTokenWasRefused() {
        Problem problem = ProblemAuthenticationEntryPoint.problem(
                new OAuth2AuthenticationException(new OAuth2Error("invalid_token")));

        assertThat(problem.status().value()).isEqualTo(401);
        assertThat(problem.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("Bearer error=\"invalid_token\", error_description=\"the access token was refused\"");
    }

    @Test
    void unreachableSigningKeysAreServiceUnavailable() {
        Problem problem = ProblemAuthenticationEntryPoint.problem(
                new AuthenticationServiceException("the signing keys are out of reach"));
        assertThat(problem.status().value()).isEqualTo(503);
    }
}
