package com.cruddur.messaging.domain;

import java.util.UUID;
import java.util.regex.Pattern;

/** Strict uuid parsing: {@link UUID#fromString} accepts oddities such as "1-1-1-1-1". */
final class Uuids {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    static UUID parse(String value, String code, String what) {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw DomainViolation.malformed(code, what + " must be a uuid such as 5ae290ed-55d1-47a0-bc6d-fe2bc2700399");
        }
        return UUID.fromString(value);
    }
}
