package com.cruddur.messaging.adapters.web.api;

import com.cruddur.messaging.application.PageQuery;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.DomainViolation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** {@code ?limit=&cursor=} in, {@code Link: <...>; rel="next"} out. */
final class Paging {

    private Paging() {
    }

    static PageQuery query(String limit, String cursor) {
        int size = PageQuery.DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException notANumber) {
                throw DomainViolation.malformed("limit_invalid",
                        "limit must be a whole number between 1 and " + PageQuery.MAX_LIMIT);
            }
        }
        return new PageQuery(size, Optional.ofNullable(cursor));
    }

    /** The page's items; when there is more, a link (relative to this API) to the next page. */
    static <T> ResponseEntity<List<T>> respond(ServerHttpRequest request, PageQuery query, Page<T> page) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        page.next().ifPresent(cursor -> response.header(HttpHeaders.LINK, "<" + request.getPath().value()
                + "?limit=" + query.limit() + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)
                + ">; rel=\"next\""));
        return response.body(page.items());
    }
}
