package com.cruddur.messaging.bootstrap.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run's one markdown table (a measure per row, a value per column), printed as it fills and written with the
 * command line, the machine and the commit into {@code docs/benchmark.md} between its result markers; the rest of
 * that file (the profile findings) is left as it is.
 */
final class Report {

    static final String BEGIN = "<!-- benchmark:results begin (written by bin/benchmark) -->";
    static final String END = "<!-- benchmark:results end -->";

    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();

    Report(List<String> header) {
        this.header = header;
    }

    void row(String measure, String... cells) {
        String[] row = new String[header.size()];
        row[0] = measure;
        for (int i = 1; i < row.length; i++) {
            row[i] = i - 1 < cells.length ? cells[i - 1] : "";
        }
        rows.add(row);
        System.out.println("| " + String.join(" | ", row) + " |");
        System.out.flush();
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|").append("---|".repeat(header.size())).append("\n");
        for (String[] row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    /** Replaces the results section of {@code file} (creating the file when missing). */
    void write(Path file, String commandLine, String machine, String commit, String notes) {
        String section = BEGIN + "\n\n"
                + "Run " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(ZonedDateTime.now(ZoneOffset.UTC))
                + ", commit `" + commit + "`, `" + commandLine + "`\n\n"
                + "Machine: " + machine + "\n\n"
                + table() + "\n" + notes + "\n" + END;
        try {
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmark\n\n"
                    + BEGIN + "\n" + END + "\n";
            int begin = text.indexOf(BEGIN);
            int end = text.indexOf(END);
            String updated = begin < 0 || end < begin ? text + "\n" + section + "\n"
                    : text.substring(0, begin) + section + text.substring(end + END.length());
            Files.createDirectories(file.getParent());
            Files.writeString(file, updated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String ms(double millis) {
        return millis < 10 ? String.format(Locale.ROOT, "%.1f", millis) : String.format(Locale.ROOT, "%.0f", millis);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
