package com.cruddur.messaging.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a store's paging position into an opaque cursor and back. A cursor is bound to a scope (the listing and
 * its caller) by an HMAC, so a cursor that was altered, or issued to someone else or for another conversation, is
 * refused instead of leaking or crashing.
 */
public final class Cursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_CURSOR_LENGTH = 2048;

    private final byte[] key;

    public Cursors(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the cursor key needs at least 16 bytes");
        }
        this.key = key.clone();
    }

    /** Cursors that stay valid only while this process runs. */
    public static Cursors withRandomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new Cursors(key);
    }

    public Optional<String> issue(String scope, Optional<String> position) {
        return position.map(p -> {
            byte[] payload = p.getBytes(StandardCharsets.UTF_8);
            return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(scope, payload));
        });
    }

    /** The position inside {@code cursor}, or {@link InvalidCursorException} when it was not issued for scope. */
    public Optional<String> open(String scope, Optional<String> cursor) {
        return cursor.map(c -> {
            int dot = c.indexOf('.');
            if (c.length() > MAX_CURSOR_LENGTH || dot <= 0) {
                throw new InvalidCursorException("the cursor is malformed; use the Link header of the previous page");
            }
            try {
                byte[] payload = DECODER.decode(c.substring(0, dot));
                byte[] signature = DECODER.decode(c.substring(dot + 1));
                if (!MessageDigest.isEqual(signature, sign(scope, payload))) {
                    throw new InvalidCursorException("the cursor does not belong to this listing");
                }
                return new String(payload, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badBase64) {
                throw new InvalidCursorException("the cursor is malformed; use the Link header of the previous page");
            }
        });
    }

    private byte[] sign(String scope, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(payload);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
