package org.modecollapselab.remedy.catalog;

import java.util.List;
import java.util.Locale;
import org.modecollapselab.gan.Method;
import org.modecollapselab.util.Check;
import org.modecollapselab.remedy.featurematching.FeatureMatching;
import org.modecollapselab.remedy.minibatch.MinibatchDiscrimination;
import org.modecollapselab.remedy.packing.Packing;
import org.modecollapselab.remedy.unrolled.Unrolling;

/**
 * The remedies by name, as the study command, its CSV files and the notebooks name them: each name parses to a
 * {@link Method} (one GAN with the remedy, or a method that trains several GANs).
 *
 * <p>Names: {@code plain}; {@code minibatch[:B]} (minibatch discrimination, B kernels of dimension 5, default 8);
 * {@code feature-matching[:w]} (default w = 1); {@code hybrid[:w]} (feature matching mixed with the usual loss,
 * default w = 0.5); {@code unrolled[:k]} (exact, default k = 5); {@code unrolled-first-order[:k]};
 * {@code packing[:m]} (default m = 4).
 */
public final class Remedies {
    private Remedies() {
    }

    /** One entry of the catalog: its name, the argument it takes, and how it parses. */
    private record Entry(String name, String argument, Parser parser) {
    }

    @FunctionalInterface
    private interface Parser {
        /** @param arg the text after ':', or null for the default */
        Method parse(String arg);
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("plain", null, arg -> Method.plain()),
            new Entry("minibatch", "B", arg -> Method.of(MinibatchDiscrimination.of(integer(arg, 8)))),
            new Entry("feature-matching", "w", arg -> Method.of(new FeatureMatching(number(arg, 1.0)))),
            new Entry("hybrid", "w", arg -> Method.of(new FeatureMatching(number(arg, 0.5)))),
            new Entry("unrolled", "k", arg -> Method.of(Unrolling.exact(integer(arg, 5)))),
            new Entry("unrolled-first-order", "k", arg -> Method.of(Unrolling.firstOrder(integer(arg, 5)))),
            new Entry("packing", "m", arg -> Method.of(new Packing(integer(arg, 4)))));

    /** The default line-up of the study command. */
    public static final List<String> DEFAULTS = List.of("plain", "minibatch", "feature-matching", "hybrid",
            "unrolled", "unrolled-first-order", "packing");

    /** Every name with its argument, e.g. "packing[:m]". */
    public static List<String> names() {
        return ENTRIES.stream().map(e -> e.argument() == null ? e.name() : e.name() + "[:" + e.argument() + "]")
                .toList();
    }

    /** Parses a remedy name (see the class comment); the remedy's own settings are validated here. */
    public static Method parse(String remedy) {
        Check.notNull("remedy", remedy);
        String spec = remedy;
        String s = spec.trim().toLowerCase(Locale.ROOT);
        String[] p = s.split(":", 2);
        String arg = p.length > 1 ? p[1] : null;
        for (Entry e : ENTRIES) {
            if (e.name().equals(p[0])) {
                if (arg != null && e.argument() == null) {
                    throw new IllegalArgumentException("remedy '" + spec + "' takes no argument after ':', was '"
                            + arg + "'");
                }
                try {
                    return e.parser().parse(arg);
                } catch (NumberFormatException x) {
                    throw new IllegalArgumentException("remedy '" + spec + "' must have a number after ':', was '"
                            + arg + "'");
                }
            }
        }
        throw new IllegalArgumentException("remedy must be one of " + String.join(", ", names()) + "; was '"
                + spec + "'");
    }

    private static int integer(String arg, int fallback) {
        return arg == null ? fallback : Integer.parseInt(arg);
    }

    private static double number(String arg, double fallback) {
        return arg == null ? fallback : Double.parseDouble(arg);
    }
}
