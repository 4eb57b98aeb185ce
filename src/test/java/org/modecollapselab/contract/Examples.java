package org.modecollapselab.contract;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Example values for the API contract test ({@link ApiContractTest}): for every parameter type of the public API,
 * a <em>valid</em> value (so that an entry point can be called with all its other arguments valid) and the
 * <em>bad</em> values it must refuse. Numbers, strings, paths, enums, arrays and lists are built in (see
 * {@link #valid} and {@link #bad}); every other type needs one line in {@link StandardExamples}:
 *
 * <pre>{@code
 *   add(MyConfig.class, () -> MyConfig.small());                  // a small valid value of the type
 *   add(Table.class, "history", () -> tinyHistory());             // for parameters of that type named "history"
 *   add(Charts.class, "remedyStudy", "metric", () -> "modes");    // for one method's parameter
 *   bad(DataType.class, Kind.OUT_OF_RANGE, () -> DataType.INT, "INT");   // a further bad value of a type
 * }</pre>
 *
 * Lists and arrays of a registered type are derived from it (one element; bad: null, empty, a null element, a
 * duplicate, and each bad element value in place of the first element).
 *
 * <p>Built-in rules, by parameter name where the type alone cannot tell:
 * <ul>
 * <li>{@code int}/{@code long} named {@code seed}, {@code salt} or {@code …Seed}: any value is a seed, none is
 *     bad;</li>
 * <li>{@code int} named like an index ({@code i}, {@code index}, {@code mode}, {@code label}, {@code layer}, {@code category}, {@code channel},
 *     {@code fromLayer}, {@code row}, {@code …Index}): valid 0, bad −1 and 1,000,000 (out of range);</li>
 * <li>other {@code int}: valid 2, bad −1 and 0; {@code long}: valid 1, bad −1;</li>
 * <li>{@code double}: valid 0.5, bad NaN, ±∞, −1 and 0;</li>
 * <li>{@code String}: valid "a", bad null and ""; {@code Path}: bad null and a path below a regular file (it can
 *     be neither read nor created); file parameters named {@code base}, {@code target}, {@code csv}, {@code file} or
 *     {@code path} also get "/" (a folder, no file name);</li>
 * <li>{@code double[]}: bad null, empty, [NaN], [∞], [−∞]; {@code double[][]}: also a null row and ragged rows;
 *     repeated values are data, so no duplicate is tried for numeric arrays other than {@code int[]}.</li>
 * </ul>
 */
public final class Examples {

    /** What is wrong with a bad value. */
    public enum Kind {
        NULL, EMPTY, NEGATIVE, ZERO, NAN, POSITIVE_INFINITY, NEGATIVE_INFINITY, OUT_OF_RANGE, WRONG_SHAPE, DUPLICATE,
        NULL_ELEMENT, BAD_PATH
    }

    /**
     * One bad value.
     *
     * @param kind       what is wrong with it
     * @param shown      how the failure report shows it
     * @param value      makes a fresh copy of it
     * @param renderings the refusal message must contain one of these (the value as a message would show it)
     */
    public record Bad(Kind kind, String shown, Supplier<?> value, List<String> renderings) {
    }

    /** Words a message about a repeated element uses. */
    static final List<String> DUPLICATE_WORDS = List.of("duplicate", "twice", "more than once", "distinct", "unique",
            "repeated", "same");

    static final Set<String> INDEX_NAMES = Set.of("i", "index", "mode", "label", "layer", "fromLayer", "row",
            "category", "channel");
    static final Set<String> SEED_NAMES = Set.of("seed", "salt");
    /** File parameters that also get "/" (a folder where a file name is expected); never folders, never sources. */
    static final Set<String> FILE_NAMES = Set.of("base", "target", "csv", "file", "path");

    /** An index far beyond anything the examples have (modes, layers, classes). */
    static final int OUT_OF_RANGE_INDEX = 1_000_000;

    private final Map<Class<?>, Supplier<?>> byType = new LinkedHashMap<>();
    private final Map<String, Supplier<?>> byTypeAndName = new LinkedHashMap<>();
    private final Map<String, Supplier<?>> byMember = new LinkedHashMap<>();
    private final Map<Class<?>, List<Bad>> extraBad = new LinkedHashMap<>();
    private final Map<Class<?>, String> outputs = new LinkedHashMap<>();
    private final Map<Class<?>, String> callbacks = new LinkedHashMap<>();
    private final Map<Class<?>, String> skipped = new LinkedHashMap<>();
    private final Path scratch;

    Examples(Path scratch) {
        this.scratch = scratch;
    }

    /** A folder for files the examples need (a CSV to read, a folder to write into). */
    public Path scratch() {
        return scratch;
    }

    // ---------------------------------------------------------------- registration

    /** A small valid value of {@code type} (each call of the supplier makes a fresh one). */
    public <T> Examples add(Class<T> type, Supplier<? extends T> example) {
        byType.put(type, example);
        return this;
    }

    /** An example for {@code type} unless one is registered already. */
    public Examples addIfAbsent(Class<?> type, Supplier<?> example) {
        byType.putIfAbsent(type, example);
        return this;
    }

    /** A valid value for parameters of {@code type} named {@code param} (anywhere in the API). */
    public Examples add(Class<?> type, String param, Supplier<?> example) {
        byTypeAndName.put(type.getName() + "#" + param, example);
        return this;
    }

    /**
     * A valid value for parameter {@code param} of the members named {@code member} of {@code owner} ("new" for its
     * constructors).
     */
    public Examples add(Class<?> owner, String member, String param, Supplier<?> example) {
        byMember.put(owner.getName() + "." + member + "#" + param, example);
        return this;
    }

    /** A further bad value of {@code type}, with the strings a refusal message may show it as. */
    public <T> Examples bad(Class<T> type, Kind kind, Supplier<? extends T> value, String... renderings) {
        extraBad.computeIfAbsent(type, k -> new ArrayList<>()).add(new Bad(kind, kind + " " + renderings[0], value,
                List.of(renderings)));
        return this;
    }

    /**
     * A record of measurements the library reports (a step's losses, a run's result): any number is a possible
     * measurement, NaN included, so its constructor's numbers and arrays are not tried; nulls are.
     */
    public Examples output(Class<?> type, String reason) {
        outputs.put(type, reason);
        return this;
    }

    /**
     * An interface the training step calls with arguments it made itself (hooks, listeners, the views it hands to
     * hooks): its methods are not entry points (their static factories are).
     */
    public Examples callback(Class<?> type, String reason) {
        callbacks.put(type, reason);
        return this;
    }

    /** A class left out of the walk, with the reason. */
    public Examples skip(Class<?> type, String reason) {
        skipped.put(type, reason);
        return this;
    }

    boolean isOutput(Class<?> c) {
        return outputs.containsKey(c);
    }

    /** The example registered for exactly this type, or null. */
    Object registered(Class<?> type) {
        Supplier<?> s = byType.get(type);
        return s == null ? null : s.get();
    }

    Map<Class<?>, String> callbacks() {
        return callbacks;
    }

    boolean isSkipped(Class<?> c) {
        return skipped.containsKey(c);
    }

    // ---------------------------------------------------------------- lookup

    /** Thrown when no example is registered for a type. */
    static final class Missing extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Type type;

        Missing(Type type) {
            super("no example for " + type.getTypeName());
            this.type = type;
        }
    }

    /** A fresh valid value for a parameter of {@code type} named {@code name} of member {@code member} of {@code owner}. */
    Object valid(Class<?> owner, String member, String name, Type type) {
        Supplier<?> s = byMember.get(owner.getName() + "." + member + "#" + name);
        if (s != null) {
            return s.get();
        }
        return valid(name, type);
    }

    /** A fresh valid value of {@code type} for a parameter named {@code name} (null name: any). */
    Object valid(String name, Type type) {
        Class<?> raw = raw(type);
        if (name != null) {
            Supplier<?> s = byTypeAndName.get(raw.getName() + "#" + name);
            if (s != null) {
                return s.get();
            }
        }
        if (raw == int.class || raw == Integer.class) {
            return name != null && isSeed(name) ? 1 : name != null && isIndex(name) ? 0 : 2;
        }
        if (raw == long.class || raw == Long.class) {
            return 1L;
        }
        if (raw == double.class || raw == Double.class) {
            return 0.5;
        }
        if (raw == float.class || raw == Float.class) {
            return 0.5f;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return false;
        }
        if (raw == char.class || raw == Character.class) {
            return ',';
        }
        if (raw == String.class) {
            return "a";
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        Type element = element(type);
        if (element != null) {
            Object e = valid(null, element);
            return raw.isArray() ? array(raw(element), e) : like(raw, new ArrayList<>(List.of(e)));
        }
        Supplier<?> s = byType.get(raw);
        if (s == null) {
            for (Map.Entry<Class<?>, Supplier<?>> e : byType.entrySet()) {
                if (raw.isAssignableFrom(e.getKey())) {
                    s = e.getValue();
                    break;
                }
            }
        }
        if (s == null) {
            throw new Missing(type);
        }
        return s.get();
    }

    /**
     * The bad values to try for a parameter (an output record's constructor: nulls only); {@code valid} makes the
     * parameter's valid value, which bad elements of an array or list replace the first element of.
     */
    List<Bad> bad(String name, Type type, boolean outputConstructor, Supplier<?> valid) {
        List<Bad> all = bad(name, type, valid);
        return outputConstructor ? all.stream().filter(b -> b.kind() == Kind.NULL).toList() : all;
    }

    List<Bad> bad(String name, Type type, Supplier<?> valid) {
        Class<?> raw = raw(type);
        List<Bad> out = new ArrayList<>();
        if (!raw.isPrimitive()) {
            out.add(new Bad(Kind.NULL, "null", () -> null, List.of("null")));
        }
        if (raw == int.class || raw == Integer.class) {
            if (isSeed(name)) {
                return out;
            }
            out.add(number(Kind.NEGATIVE, -1));
            if (isIndex(name)) {
                out.add(number(Kind.OUT_OF_RANGE, OUT_OF_RANGE_INDEX));
            } else {
                out.add(number(Kind.ZERO, 0));
            }
        } else if (raw == long.class || raw == Long.class) {
            if (!isSeed(name)) {
                out.add(new Bad(Kind.NEGATIVE, "-1", () -> -1L, List.of("-1")));
            }
        } else if (raw == double.class || raw == Double.class) {
            out.add(new Bad(Kind.NAN, "NaN", () -> Double.NaN, List.of("NaN")));
            out.add(new Bad(Kind.POSITIVE_INFINITY, "+∞", () -> Double.POSITIVE_INFINITY, List.of("Infinity", "∞")));
            out.add(new Bad(Kind.NEGATIVE_INFINITY, "−∞", () -> Double.NEGATIVE_INFINITY,
                    List.of("-Infinity", "−∞", "-∞")));
            out.add(new Bad(Kind.NEGATIVE, "-1.0", () -> -1.0, List.of("-1")));
            out.add(new Bad(Kind.ZERO, "0.0", () -> 0.0, List.of("0")));
        } else if (raw == String.class) {
            out.add(new Bad(Kind.EMPTY, "\"\"", () -> "", List.of("''", "\"\"", "empty", "blank")));
        } else if (raw == Path.class) {
            out.add(new Bad(Kind.BAD_PATH, "a path below a regular file", () -> belowAFile(),
                    List.of(belowAFile().toString())));
            if (name != null && FILE_NAMES.contains(name)) {
                out.add(new Bad(Kind.BAD_PATH, "/ (a folder, no file name)", () -> Path.of("/"), List.of("/")));
            }
        }
        Type element = element(type);
        if (element != null) {
            out.addAll(collectionBad(raw, element, valid));
        }
        for (Map.Entry<Class<?>, List<Bad>> e : extraBad.entrySet()) {
            if (e.getKey() == raw) {
                out.addAll(e.getValue());
            }
        }
        return out;
    }

    private List<Bad> collectionBad(Class<?> raw, Type elementType, Supplier<?> valid) {
        Class<?> er = raw(elementType);
        boolean array = raw.isArray();
        List<Bad> out = new ArrayList<>();
        out.add(new Bad(Kind.EMPTY, array ? "[] (length 0)" : "[] (empty list)",
                () -> array ? Array.newInstance(er, 0) : like(raw, new ArrayList<>()), List.of("empty", "[]", "0")));
        if (!er.isPrimitive()) {
            out.add(new Bad(Kind.NULL_ELEMENT, "[null, …]", () -> like(raw, replaceFirst(valid.get(), null)),
                    List.of("null")));
        }
        boolean numeric = er == double.class || er == double[].class || er == float.class || er == boolean.class
                || er == byte.class;
        if (!numeric && !Set.class.isAssignableFrom(raw)) {
            out.add(new Bad(Kind.DUPLICATE, "[x, …, x] (an element twice)", () -> {
                Object v = valid.get();
                Object again = valid(null, elementType);
                if (!raw.isArray()) {
                    // The first element again (equal to it): the registered example's, not the type's generic one.
                    List<Object> l = new ArrayList<>((List<?>) v);
                    l.add(l.isEmpty() ? again : first(l));
                    return l;
                }
                int n = Array.getLength(v);
                Object a = Array.newInstance(er, n + 1);
                System.arraycopy(v, 0, a, 0, n);
                Array.set(a, n, n == 0 ? again : Array.get(v, 0));
                return a;
            }, DUPLICATE_WORDS));
        }
        Supplier<?> firstValid = () -> first(valid.get());
        for (Bad b : bad(null, elementType, firstValid)) {
            if (b.kind() == Kind.NULL || b.kind() == Kind.DUPLICATE) {
                continue;
            }
            if (!er.isPrimitive() && !er.isArray() && er != String.class && er != Integer.class
                    && er != Double.class) {
                continue;   // bad elements of records are tried on their own constructors
            }
            if (er == String.class && b.kind() == Kind.EMPTY) {
                continue;
            }
            // Data values may be negative or zero; a label or a step may be 0: only widths (Integer) must be >= 1.
            boolean signed = er == double.class || er == Double.class || er == int.class;
            if (signed && (b.kind() == Kind.ZERO || (b.kind() == Kind.NEGATIVE && er != int.class))) {
                continue;
            }
            if (er.isArray() && b.kind() == Kind.EMPTY) {
                out.add(new Bad(Kind.WRONG_SHAPE, "[[], …] (a row of length 0)",
                        () -> replaceFirst(valid.get(), b.value().get()), List.of("0", "empty", "[]")));
                continue;
            }
            out.add(new Bad(b.kind(), "[" + b.shown() + ", …]", () -> replaceFirst(valid.get(), b.value().get()),
                    b.renderings()));
        }
        if (er.isArray() && er.getComponentType() == double.class) {
            // Ragged rows: one more row, a coordinate longer than the first (arrays of rows and lists of rows).
            int longer = rows(valid.get()).length == 0 ? 2 : rows(valid.get())[0].length + 1;
            out.add(new Bad(Kind.WRONG_SHAPE, "ragged rows (a row of " + longer + ")", () -> {
                Object v = valid.get();
                double[][] rows = rows(v);
                double[][] r = Arrays.copyOf(rows, rows.length + 1);
                r[rows.length] = new double[longer];
                return raw.isArray() ? r : new ArrayList<>(Arrays.asList(r));
            }, List.of(String.valueOf(longer))));
        }
        return out;
    }

    /** A list as the collection type a parameter declares (a set keeps the list's order). */
    static Object like(Class<?> raw, Object listOrArray) {
        return Set.class.isAssignableFrom(raw) && listOrArray instanceof List<?> l ? new java.util.LinkedHashSet<>(l)
                : listOrArray;
    }

    /** Rows given as an array or a list. */
    private static double[][] rows(Object arrayOrList) {
        return arrayOrList instanceof List<?> l ? l.toArray(new double[0][]) : (double[][]) arrayOrList;
    }

    /** A copy of an array or list with its first element replaced. */
    static Object replaceFirst(Object arrayOrList, Object element) {
        if (arrayOrList instanceof Collection<?> l) {
            List<Object> c = new ArrayList<>(l);
            if (c.isEmpty()) {
                c.add(element);
            } else {
                c.set(0, element);
            }
            return c;
        }
        int n = Array.getLength(arrayOrList);
        Object a = Array.newInstance(arrayOrList.getClass().getComponentType(), Math.max(n, 1));
        System.arraycopy(arrayOrList, 0, a, 0, n);
        Array.set(a, 0, element);
        return a;
    }

    /** The first element of an array or list (a copy of it when it is an array). */
    static Object first(Object arrayOrList) {
        Object e = arrayOrList instanceof Collection<?> l ? l.iterator().next() : Array.get(arrayOrList, 0);
        if (e != null && e.getClass().isArray()) {
            int n = Array.getLength(e);
            Object c = Array.newInstance(e.getClass().getComponentType(), n);
            System.arraycopy(e, 0, c, 0, n);
            return c;
        }
        return e;
    }

    private static Bad number(Kind kind, int v) {
        return new Bad(kind, String.valueOf(v), () -> v, List.of(String.valueOf(v)));
    }

    private Path belowAFile() {
        return scratch.resolve("a-regular-file").resolve("below");
    }

    static boolean isSeed(String name) {
        return name != null && (SEED_NAMES.contains(name) || name.endsWith("Seed"));
    }

    static boolean isIndex(String name) {
        return name != null && (INDEX_NAMES.contains(name) || name.endsWith("Index"));
    }

    // ---------------------------------------------------------------- types

    static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (t instanceof GenericArrayType g) {
            return Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
        }
        if (t instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        if (t instanceof TypeVariable<?> v) {
            return raw(v.getBounds()[0]);
        }
        throw new IllegalArgumentException("type " + t);
    }

    /** The element type of an array or a collection, or null. */
    static Type element(Type t) {
        if (t instanceof Class<?> c && c.isArray()) {
            return c.getComponentType();
        }
        if (t instanceof GenericArrayType g) {
            return g.getGenericComponentType();
        }
        if (t instanceof ParameterizedType p && Collection.class.isAssignableFrom(raw(p.getRawType()))) {
            Type e = p.getActualTypeArguments()[0];
            return e instanceof WildcardType w ? w.getUpperBounds()[0] : e;
        }
        if (t instanceof WildcardType w) {
            return element(w.getUpperBounds()[0]);
        }
        return null;
    }

    private static Object array(Class<?> element, Object e) {
        Object a = Array.newInstance(element, 1);
        Array.set(a, 0, e);
        return a;
    }

}
