package org.modecollapselab.study;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.modecollapselab.gan.GanConfig;
import org.modecollapselab.util.Check;
import org.modecollapselab.gan.StepHook;
import org.modecollapselab.remedy.featurematching.FeatureMatching;
import org.modecollapselab.remedy.minibatch.MinibatchDiscrimination;
import org.modecollapselab.remedy.packing.Packing;
import org.modecollapselab.remedy.unrolled.Unrolling;

/**
 * A remedy by name, as the study command, its CSV files and the notebooks name it, with a factory of fresh hooks
 * for each run (hooks may keep state).
 *
 * <p>Names: {@code plain}; {@code minibatch[:B]} (minibatch discrimination, B kernels of dimension 5, default 8);
 * {@code feature-matching[:w]} (default w = 1); {@code hybrid[:w]} (feature matching mixed with the usual loss,
 * default w = 0.5); {@code unrolled[:k]} (exact, default k = 5); {@code unrolled-first-order[:k]};
 * {@code packing[:m]} (default m = 4).
 */
public record Remedy(String name, Supplier<List<StepHook>> hooks, UnaryOperator<GanConfig> adjust) {
    public Remedy {
        Check.notNull("name", name);
        Check.notNull("hooks", hooks);
        Check.notNull("adjust", adjust);
    }

    /** A remedy that leaves the GAN's configuration as it is. */
    public Remedy(String name, Supplier<List<StepHook>> hooks) {
        this(name, hooks, UnaryOperator.identity());
    }

    /**
     * PacGAN as its paper trains it: packs of m, and batches of {@code packs} packs (m·packs samples), so that D
     * sees as many packs per step as the plain GAN sees samples. m = 1 is the plain GAN.
     */
    public static Remedy pacgan(int m, int packs) {
        Check.atLeast("packs", packs, 1);
        new Packing(m);
        return new Remedy(m == 1 ? "GAN" : "PacGAN" + m, () -> m == 1 ? List.of() : List.of(new Packing(m)),
                c -> c.withBatchSize(m * packs));
    }
    /** The default line-up of the study command. */
    public static final List<String> DEFAULTS = List.of("plain", "minibatch", "feature-matching", "hybrid",
            "unrolled", "unrolled-first-order", "packing");

    /** Parses a remedy name (see the class comment). */
    public static Remedy parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        String[] p = s.split(":", 2);
        String kind = p[0];
        String arg = p.length > 1 ? p[1] : null;
        try {
            return switch (kind) {
                case "plain" -> new Remedy("plain", List::of);
                case "minibatch" -> {
                    int b = arg == null ? 8 : Integer.parseInt(arg);
                    yield new Remedy("minibatch B=" + b, () -> List.of(MinibatchDiscrimination.of(b)));
                }
                case "feature-matching", "hybrid" -> {
                    double w = arg == null ? (kind.equals("hybrid") ? 0.5 : 1.0) : Double.parseDouble(arg);
                    yield new Remedy((w == 1 ? "feature matching" : "hybrid FM w=" + w),
                            () -> List.of(new FeatureMatching(w)));
                }
                case "unrolled", "unrolled-first-order" -> {
                    int k = arg == null ? 5 : Integer.parseInt(arg);
                    boolean exact = kind.equals("unrolled");
                    yield new Remedy(exact ? Unrolling.exact(k).label() : Unrolling.firstOrder(k).label(),
                            () -> List.of(exact ? Unrolling.exact(k) : Unrolling.firstOrder(k)));
                }
                case "packing" -> {
                    int m = arg == null ? 4 : Integer.parseInt(arg);
                    new Packing(m);   // validates m now, not at the first run
                    yield new Remedy("packing m=" + m, () -> List.of(new Packing(m)));
                }
                default -> throw new IllegalArgumentException("remedy must be one of plain, minibatch[:B], "
                        + "feature-matching[:w], hybrid[:w], unrolled[:k], unrolled-first-order[:k], packing[:m]; "
                        + "was '" + spec + "'");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("remedy '" + spec + "' must have a number after ':', was '" + arg + "'");
        }
    }
}
