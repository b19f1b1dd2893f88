package com.cruddur.messaging.adapters.web.dev;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a request's {@code Host} names this machine's loopback interface. A web page can point a name it controls
 * at 127.0.0.1 (DNS rebinding) and so reach a service that listens on loopback only; its requests still carry that
 * name as their {@code Host}, which is how they are told apart.
 */
final class LoopbackHost {

    private static final Set<String> NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private LoopbackHost() {
    }

    /** True for {@code localhost}, {@code 127.0.0.1} and {@code [::1]}, with or without a port. */
    static boolean named(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        int portSeparator = host.startsWith("[") ? host.indexOf("]:") + 1 : host.lastIndexOf(':');
        if (portSeparator > 0) {
            String port = host.substring(portSeparator + 1);
            if (port.isEmpty() || !port.chars().allMatch(Character::isDigit)) {
                return false;
            }
            host = host.substring(0, portSeparator);
        }
        return NAMES.contains(host);
    }
}
