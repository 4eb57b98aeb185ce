package org.modecollapselab.util;

import java.util.Collection;

/**
 * Argument checks whose messages name the parameter, the rule and the value, e.g.
 * {@code batchSize must be >= 2, was 0}. Used by every record constructor of the library.
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

    public static <C extends Collection<?>> C notEmpty(String name, C value) {
        notNull(name, value);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty, was []");
        }
        return value;
    }
}
