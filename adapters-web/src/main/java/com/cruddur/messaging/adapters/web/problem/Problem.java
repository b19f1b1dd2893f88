package com.cruddur.messaging.adapters.web.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * An RFC 9457 problem: a status, a sentence for people and, for mistakes a client can fix, the machine-readable
 * codes in {@code errors} (the reference's codes, such as {@code message_blank}, where it had them).
 */
public record Problem(HttpStatusCode status, String detail, List<String> errors, HttpHeaders headers) {

    public Problem {
        Objects.requireNonNull(status, "status");
        errors = List.copyOf(errors);
        HttpHeaders copy = new HttpHeaders();
        copy.addAll(headers);
        headers = copy;
    }

    public static Problem of(HttpStatusCode status, String detail, String... errors) {
        return new Problem(status, detail, List.of(errors), new HttpHeaders());
    }

    public static Problem of(HttpStatusCode status, String detail, List<String> errors) {
        return new Problem(status, detail, errors, new HttpHeaders());
    }

    public Problem withHeaders(HttpHeaders more) {
        HttpHeaders merged = new HttpHeaders();
        merged.addAll(headers);
        merged.addAll(more);
        return new Problem(status, detail, errors, merged);
    }

    public Problem withHeader(String name, String value) {
        HttpHeaders one = new HttpHeaders();
        one.add(name, value);
        return withHeaders(one);
    }

    /** The problem+json document; {@code instance} is the request path. */
    public Map<String, Object> body(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title());
        body.put("status", status.value());
        if (detail != null) {
            body.put("detail", detail);
        }
        body.put("instance", instance);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return body;
    }

    private String title() {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP " + status.value() : known.getReasonPhrase();
    }
}
