package com.cruddur.messaging.adapters.dynamodb.stream;

import java.util.Comparator;

/**
 * Stream sequence numbers are decimal strings of varying length; Lambda retries from the numerically lowest one
 * reported, so they are compared as numbers, not as text ({@code "9"} comes before {@code "10"}).
 */
public final class SequenceNumbers {

    public static final Comparator<String> ORDER = SequenceNumbers::compare;

    private SequenceNumbers() {
    }

    public static int compare(String a, String b) {
        String x = withoutLeadingZeros(a);
        String y = withoutLeadingZeros(b);
        if (isDigits(x) && isDigits(y) && x.length() != y.length()) {
            return Integer.compare(x.length(), y.length());
        }
        return x.compareTo(y);
    }

    public static String earlier(String a, String b) {
        return compare(a, b) <= 0 ? a : b;
    }

    private static String withoutLeadingZeros(String value) {
        int start = 0;
        while (start < value.length() - 1 && value.charAt(start) == '0') {
            start++;
        }
        return value.substring(start);
    }

    private static boolean isDigits(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
