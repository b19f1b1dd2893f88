package com.cruddur.messaging.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a send asked for, as a SHA-256 digest (64 hex digits): its kind (into a conversation, or to a handle), its
 * target and its text. Stored with an idempotency key, it tells a repeated request from another request that
 * reuses the key. The sender is not part of it: keys are per sender already.
 */
public record RequestFingerprint(String value) {

    private static final int HEX_DIGITS = 64;

    public RequestFingerprint {
        if (value == null || value.length() != HEX_DIGITS || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("a request fingerprint is " + HEX_DIGITS + " hex digits");
        }
    }

    /** Pattern C: a message into the conversation {@code group}. */
    public static RequestFingerprint ofGroupSend(MessageGroupId group, MessageText text) {
        return digest("group", group.toString(), text.value());
    }

    /** Pattern D: a message to the person with {@code handle}. */
    public static RequestFingerprint ofHandleSend(Handle handle, MessageText text) {
        return digest("handle", handle.value(), text.value());
    }

    private static RequestFingerprint digest(String kind, String target, String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            // Neither kind nor target can hold a newline (uuids, handles without whitespace): the fields stay apart.
            sha256.update((kind + "\n" + target + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(text.getBytes(StandardCharsets.UTF_8));
            return new RequestFingerprint(HexFormat.of().formatHex(sha256.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
