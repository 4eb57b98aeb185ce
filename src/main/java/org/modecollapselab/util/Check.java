package org.modecollapselab.util;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

/**
 * Argument checks whose messages name the parameter, the rule and the value, e.g.
 * {@code batchSize must be >= 2, was 0}: the library's one validation layer. Every public entry point checks its
 * arguments with these before any work starts; {@code ApiContractTest} holds the whole public API to it.
 */
public final class Check {
    private Check() {
    }

    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    public static long atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
        return value;
    }

    /** An index into something of {@code size} elements: in [0, size). */
    public static int index(String name, int value, int size) {
        if (value < 0 || value >= size) {
            throw new IllegalArgumentException(name + " must be in [0, " + size + "), was " + value);
        }
        return value;
    }

    public static double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
        }
        return value;
    }

    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
        }
        return value;
    }

    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
        return value;
    }

    /** Closed interval [min, max]. */
    public static double inRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    /** Half-open interval [min, max). */
    public static double inHalfOpen(String name, double value, double min, double max) {
        if (!(value >= min && value < max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "), was " + value);
        }
        return value;
    }

    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** Not null and not empty or blank: a name or a label. */
    public static String notBlank(String name, String value) {
        notNull(name, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank, was '" + value + "'");
        }
        return value;
    }

    /** One of {@code allowed} (not null). */
    public static String oneOf(String name, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new IllegalArgumentException(name + " must be one of " + String.join(", ", allowed) + "; was "
                    + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    public static <C extends Collection<?>> C notEmpty(String name, C value) {
        notNull(name, value);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty, was []");
        }
        return value;
    }

    /** Not null, and no element null ({@code name[i] must not be null}). */
    public static <L extends List<?>> L noNulls(String name, L list) {
        notNull(name, list);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be null");
            }
        }
        return list;
    }

    /** Not null, and no element null. */
    public static <T> T[] noNulls(String name, T[] array) {
        notNull(name, array);
        for (int i = 0; i < array.length; i++) {
            if (array[i] == null) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be null");
            }
        }
        return array;
    }

    /**
     * No two elements with the same {@code key} ({@code what} names the key in the message, e.g. "name"): {@code
     * modes must have distinct names, was 'hot' twice (modes[0] and modes[2])}.
     */
    public static <T> List<T> distinct(String name, List<T> list, String what, Function<? super T, ?> key) {
        Map<Object, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Object k = key.apply(list.get(i));
            Integer before = seen.putIfAbsent(k instanceof double[] d ? Arrays.toString(d) : k, i);
            if (before != null) {
                String shown = k instanceof double[] d ? Arrays.toString(d) : "'" + k + "'";
                throw new IllegalArgumentException(name + " must have distinct " + what + "s, was " + shown
                        + " twice (" + name + "[" + before + "] and " + name + "[" + i + "])");
            }
        }
        return list;
    }

    /** Not null and not empty. */
    public static double[] notEmpty(String name, double[] values) {
        notNull(name, values);
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty, was []");
        }
        return values;
    }

    /** Not null, every value finite ({@code name[i] must be finite, was NaN}). */
    public static double[] finite(String name, double[] values) {
        notNull(name, values);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, was " + values[i]);
            }
        }
        return values;
    }

    /** Not null, not empty, every value finite: data. */
    public static double[] data(String name, double[] values) {
        return finite(name, notEmpty(name, values));
    }

    /**
     * Points [n][dimension]: not null, at least one, no row null, every row {@code dimension} coordinates wide (or,
     * for {@code dimension} &lt; 1, as wide as the first, and at least 1), every coordinate finite.
     */
    public static double[][] points(String name, double[][] rows, int dimension) {
        notNull(name, rows);
        if (rows.length == 0) {
            throw new IllegalArgumentException(name + " must not be empty, was []");
        }
        int width = dimension;
        for (int i = 0; i < rows.length; i++) {
            double[] r = notNull(name + "[" + i + "]", rows[i]);
            if (width < 1) {
                width = atLeastCoordinates(name + "[0]", r.length);
            }
            if (r.length != width) {
                throw new IllegalArgumentException(name + "[" + i + "] must have " + width + " coordinate"
                        + (width == 1 ? "" : "s") + ", was " + r.length);
            }
            for (int j = 0; j < r.length; j++) {
                if (!Double.isFinite(r[j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] must be finite, was " + r[j]);
                }
            }
        }
        return rows;
    }

    private static int atLeastCoordinates(String name, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(name + " must have >= 1 coordinate, was 0");
        }
        return n;
    }

    /** {@code b} has as many elements as {@code a}. */
    public static void sameLength(String aName, int a, String bName, int b) {
        if (a != b) {
            throw new IllegalArgumentException(bName + " must have one entry per " + singular(aName) + " (" + a
                    + "), was " + b);
        }
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    // ---------------------------------------------------------------- ND4J arrays

    /** A matrix [rows, cols] (either −1: any), not null. */
    public static INDArray matrix(String name, INDArray a, long rows, long cols) {
        notNull(name, a);
        if (a.rank() != 2 || (rows >= 0 && a.rows() != rows) || (cols >= 0 && a.columns() != cols)) {
            throw new IllegalArgumentException(name + " must have shape [" + (rows < 0 ? "rows" : rows) + ", "
                    + (cols < 0 ? "columns" : cols) + "], was " + Arrays.toString(a.shape()));
        }
        return a;
    }

    /** Not null, of the same shape as {@code like}. */
    public static INDArray sameShape(String name, INDArray a, INDArray like) {
        notNull(name, a);
        if (!Arrays.equals(a.shape(), like.shape())) {
            throw new IllegalArgumentException(name + " must have shape " + Arrays.toString(like.shape()) + ", was "
                    + Arrays.toString(a.shape()));
        }
        return a;
    }

    /** FLOAT or DOUBLE (the types the library computes in). */
    public static DataType floating(String name, DataType type) {
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException(name + " must be FLOAT or DOUBLE, was " + type);
        }
        return type;
    }

    // ---------------------------------------------------------------- tables

    /** A Tablesaw table with (at least) these columns; {@code what} says what it should be, e.g. "a study summary". */
    public static Table columns(String name, Table table, String what,
                                                  String... columns) {
        notNull(name, table);
        for (String c : columns) {
            if (!table.columnNames().contains(c)) {
                throw new IllegalArgumentException(name + " must have a column '" + c + "' (" + what + "), was '"
                        + table.name() + "' with columns " + table.columnNames());
            }
        }
        return table;
    }

    // ---------------------------------------------------------------- files

    /** An existing regular file that can be read. */
    public static Path readableFile(String name, Path file) {
        notNull(name, file);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(name + " must be an existing file, was " + file
                    + (Files.isDirectory(file) ? " (a folder)" : " (not found)"));
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(name + " must be a readable file, was " + file + " (no read permission)");
        }
        return file;
    }

    /**
     * A file to be written: it has a file name, is not a folder, and its folder exists or can be created (no part of
     * the way there is a regular file; an existing folder is writable).
     */
    public static Path fileTarget(String name, Path file) {
        notNull(name, file);
        Path abs = file.toAbsolutePath();
        if (abs.getFileName() == null) {
            throw new IllegalArgumentException(name + " must name a file, was " + file + " (no file name)");
        }
        if (Files.isDirectory(abs)) {
            throw new IllegalArgumentException(name + " must name a file, was " + file + " (a folder)");
        }
        creatableFolder(name, file, abs.getParent());
        return file;
    }

    /** A folder to write into: it exists as a writable folder or can be created. */
    public static Path folderTarget(String name, Path folder) {
        notNull(name, folder);
        creatableFolder(name, folder, folder.toAbsolutePath());
        return folder;
    }

    private static void creatableFolder(String name, Path given, Path folder) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                if (!Files.isWritable(p)) {
                    throw new IllegalArgumentException(name + " must be in a writable folder, was " + given + " ("
                            + p + " is not writable)");
                }
                return;
            }
            if (Files.exists(p)) {
                throw new IllegalArgumentException(name + " must be in a folder that can be created, was " + given
                        + " (" + p + " is a file)");
            }
        }
    }
}
