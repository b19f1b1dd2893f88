package com.cruddur.messaging.bootstrap.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows printed as aligned columns under a header line; widths come from the widest value of each column. Values come
 * from the table, which holds whatever clients (and the reference, which checked nothing) wrote: each is shown
 * {@link #printable}, so no stored text can move the cursor, recolour or clear an operator's terminal.
 */
final class Columns {

    private static final String GAP = "  ";

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Columns(String... header) {
        this.header = List.of(header);
    }

    Columns row(String... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " values, got " + values.length);
        }
        rows.add(Arrays.stream(values).map(value -> value == null ? "" : printable(value)).toList());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    int size() {
        return rows.size();
    }

    void print(PrintWriter out) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println(line(header, widths));
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
        out.flush();
    }

    private static String line(List<String> values, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(GAP);
            }
            boolean last = i == values.size() - 1;
            line.append(last ? values.get(i) : pad(values.get(i), widths[i]));
        }
        return line.toString().stripTrailing();
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(width - value.length());
    }

    /**
     * The text with every character that would act on a terminal rather than show written as {@code \\uXXXX}:
     * control characters (C0, DEL, C1: escape sequences start with ESC or CSI), unpaired surrogates, line and
     * paragraph separators, and the bidirectional controls (they reorder what follows on the line). A backslash
     * stays as it is: the escapes are for a person to read, not to decode.
     */
    static String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (actsOnTheTerminal(codePoint)) {
                shown.append(String.format("\\u%04x", codePoint));
            } else {
                shown.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return shown.toString();
    }

    private static boolean actsOnTheTerminal(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || (codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /** The first {@code max} characters, then {@code ...} when the text was cut; line breaks become spaces. */
    static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max) + "...";
    }
}
