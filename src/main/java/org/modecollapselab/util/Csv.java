package org.modecollapselab.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A strict reader for the small CSV files the library reads (temperature readings, a study's runs.csv): every
 * value is kept as the text it is — no token means "missing" ({@code NA} is a site code, {@code NaN} is the text
 * NaN) — and every row that does not fit is reported with its line number and content, all at once.
 *
 * <p>Handled: a UTF-8 byte-order mark; {@code \n}, {@code \r\n} and {@code \r} line ends; quoted fields (RFC 4180:
 * {@code "a, b"}, {@code "say ""hi"""}, line breaks inside quotes); {@code ,}, {@code ;} or tab as the delimiter,
 * taken from the header line; blank lines (skipped). Refused, by name: a file that is not UTF-8 text (a binary file,
 * a spreadsheet), an unterminated quote, rows with more or fewer fields than the header.
 */
public final class Csv {
    private Csv() {
    }

    /** Most problems listed in one message; the rest are counted. */
    public static final int MAX_LISTED = 20;

    /**
     * One data row.
     *
     * @param line   the line of the file it starts on (1 is the first line)
     * @param text   the row as it stands in the file (for messages)
     * @param fields its fields, unquoted
     */
    public record Row(int line, String text, List<String> fields) {
        public Row {
            Check.notNull("text", text);
            fields = List.copyOf(Check.noNulls("fields", fields));
        }
    }

    /**
     * A file's header and rows.
     *
     * @param delimiter the delimiter found in the header line
     * @param header    the column names (trimmed)
     * @param rows      the data rows, each with as many fields as the header
     */
    public record Table(Path file, char delimiter, List<String> header, List<Row> rows) {
        public Table {
            Check.notNull("file", file);
            header = List.copyOf(Check.noNulls("header", header));
            rows = List.copyOf(Check.noNulls("rows", rows));
        }

        /** The index of a column, or −1. */
        public int column(String name) {
            return header.indexOf(Check.notNull("name", name));
        }
    }

    /**
     * Reads {@code file} (parameter {@code name} in messages).
     *
     * @throws IllegalArgumentException when the file is missing, not UTF-8 text, empty, or has malformed rows (all
     *                                  of them listed with line numbers and content)
     */
    public static Table read(String name, Path file) {
        Check.notBlank("name", name);
        Check.readableFile(name, file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        String text = decode(name, file, bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);   // a byte-order mark (Excel's "CSV UTF-8")
        }
        List<Row> lines = split(name, file, text);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(name + " must have a header line, was an empty file: " + file);
        }
        Row headerLine = lines.get(0);
        char delimiter = delimiter(headerLine.text());
        List<String> header = new ArrayList<>();
        for (String h : fields(headerLine.text(), delimiter)) {
            header.add(h.trim());
        }
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Row l : lines.subList(1, lines.size())) {
            List<String> f = fields(l.text(), delimiter);
            if (f.size() != header.size()) {
                problems.add("line " + l.line() + " has " + f.size() + " field" + (f.size() == 1 ? "" : "s")
                        + ", the header " + header.size() + ": " + quote(l.text()));
            } else {
                rows.add(new Row(l.line(), l.text(), f));
            }
        }
        if (!problems.isEmpty()) {
            throw malformed(name, file, "each row must have as many fields as the header (" + header.size() + ", "
                    + "separated by " + shown(delimiter) + ")", problems);
        }
        return new Table(file, delimiter, List.copyOf(header), List.copyOf(rows));
    }

    /** One message for all problems: the rule, then up to {@link #MAX_LISTED} of them, one per line. */
    public static IllegalArgumentException malformed(String name, Path file, String rule, List<String> problems) {
        Check.notBlank("name", name);
        Check.notNull("file", file);
        Check.notBlank("rule", rule);
        Check.notEmpty("problems", problems);
        Check.noNulls("problems", problems);
        StringBuilder sb = new StringBuilder(name + " " + file + ": " + rule + "; " + problems.size() + " row"
                + (problems.size() == 1 ? " does" : "s do") + " not:");
        for (String p : problems.subList(0, Math.min(MAX_LISTED, problems.size()))) {
            sb.append("\n  ").append(p);
        }
        if (problems.size() > MAX_LISTED) {
            sb.append("\n  … and ").append(problems.size() - MAX_LISTED).append(" more");
        }
        return new IllegalArgumentException(sb.toString());
    }

    /** A row's text as messages show it: in quotes, shortened to 120 characters. */
    public static String quote(String text) {
        Check.notNull("text", text);
        String t = text.length() > 120 ? text.substring(0, 120) + "…" : text;
        return "'" + t + "'";
    }

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * A decimal number as a CSV holds one ({@code 35}, {@code -26.5}, {@code 1e-3}); null for anything else (Java's
     * own parser would also take {@code 1d}, {@code 0x1p3} and {@code NaN}).
     */
    public static Double number(String text) {
        Check.notNull("text", text);
        String t = text.trim();
        return NUMBER.matcher(t).matches() ? Double.valueOf(t) : null;
    }

    private static String decode(String name, Path file, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new IllegalArgumentException(name + " must be a text (CSV) file, was " + file + ": a zero byte at "
                        + "offset " + i + " (a binary file: a spreadsheet, an archive, an image?)");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new IllegalArgumentException(name + " must be UTF-8 text, was " + file + ": byte 0x"
                    + String.format("%02X", bytes[at] & 0xFF) + " on line " + line + " is not UTF-8 (save the file "
                    + "as \"CSV UTF-8\")");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** Splits text into logical lines (a quoted field may span lines), skipping blank ones. */
    private static List<Row> split(String name, Path file, String text) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        List<Row> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '\n' && !quoted) {
                if (!cur.toString().isBlank()) {
                    out.add(new Row(start, cur.toString(), List.of()));
                }
                cur.setLength(0);
                line++;
                start = line;
                continue;
            }
            line += c == '\n' ? 1 : 0;
            cur.append(c);
        }
        if (quoted) {
            throw new IllegalArgumentException(name + " " + file + ": a quoted field must end with a quote, but the "
                    + "one on line " + start + " never does: " + quote(cur.toString()));
        }
        if (!cur.toString().isBlank()) {
            out.add(new Row(start, cur.toString(), List.of()));
        }
        return out;
    }

    /** The header's delimiter: the most frequent of ',', ';' and tab outside quotes (',' on a tie or none). */
    private static char delimiter(String header) {
        int comma = count(header, ',');
        int semicolon = count(header, ';');
        int tab = count(header, '\t');
        if (semicolon > comma && semicolon >= tab) {
            return ';';
        }
        return tab > comma && tab > semicolon ? '\t' : ',';
    }

    private static int count(String s, char d) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            quoted ^= c == '"';
            n += !quoted && c == d ? 1 : 0;
        }
        return n;
    }

    /** The fields of one logical line, unquoted. */
    private static List<String> fields(String line, char delimiter) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }

    private static String shown(char delimiter) {
        return delimiter == '\t' ? "tabs" : "'" + delimiter + "'";
    }
}
