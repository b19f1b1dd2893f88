package com.cruddur.messaging.application;

import com.cruddur.messaging.domain.DomainViolation;
import java.util.Optional;

/** How much of a listing to return and where to continue: a page size and an optional cursor. */
public record PageQuery(int limit, Optional<String> cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;

    public PageQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainViolation.malformed("limit_invalid", "limit must be between 1 and " + MAX_LIMIT);
        }
        cursor = cursor == null ? Optional.empty() : cursor.filter(c -> !c.isBlank());
    }

    public static PageQuery first() {
        return new PageQuery(DEFAULT_LIMIT, Optional.empty());
    }
}
