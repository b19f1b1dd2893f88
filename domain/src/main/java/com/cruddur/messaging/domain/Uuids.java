package com.cruddur.messaging.domain;

import java.util.UUID;

/**
 * Strict uuid parsing: {@link UUID#fromString} accepts oddities such as "1-1-1-1-1". Only the canonical form
 * (8-4-4-4-12 hex digits) is accepted, checked by hand: every item read from the table carries two or three uuids,
 * and a regular expression per uuid took about 7% of the service's CPU samples when listing a conversation.
 */
final class Uuids {

    private static final int LENGTH = 36;

    private Uuids() {
    }

    static UUID parse(String value, String code, String what) {
        if (!isCanonical(value)) {
            throw DomainViolation.malformed(code, what + " must be a uuid such as 5ae290ed-55d1-47a0-bc6d-fe2bc2700399");
        }
        return UUID.fromString(value);
    }

    private static boolean isCanonical(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
