package org.modecollapselab.remedy.catalog;

import java.util.List;
import java.util.Locale;
import org.modecollapselab.nn.OptimizerSpec;
import org.modecollapselab.objective.FDivergence;
import org.modecollapselab.objective.GeneratorLoss;
import org.modecollapselab.objective.Objective;
import org.modecollapselab.remedy.clipping.WeightClipping;
import org.modecollapselab.remedy.gradientpenalty.GradientPenalty;

/**
 * The objectives by name, as {@code environment/study --objectives} and the notebooks name them: each name parses to
 * an {@link ObjectiveSetting}.
 *
 * <p>Names: {@code gan} (binary cross-entropy, non-saturating G: every preset's default, the baseline);
 * {@code gan-minimax}; {@code wgan[:c]} (the Wasserstein critic with weight clipping, default c = 0.01);
 * {@code wgan-gp[:λ]} (the critic with the two-sided gradient penalty, default λ = 10);
 * {@code wgan-gp-one-sided[:λ]}; {@code lsgan}; {@code hinge}; {@code f-gan:DIVERGENCE} (kl, reverse-kl, js,
 * pearson, hellinger). These change the losses (and the critic's constraint) only: n_critic, optimisers, networks
 * and steps stay the data set's, so that a study compares objectives alone. The papers' full recipes also change
 * the training schedule: {@code wgan-paper[:c]} (n_critic = 5, RMSProp 5·10⁻⁵ for both, Arjovsky et al. 2017) and
 * {@code wgan-gp-paper[:λ]} (n_critic = 5, Adam 10⁻⁴ with β = (0, 0.9), Gulrajani et al. 2017).
 */
public final class Objectives {
    private Objectives() {
    }

    /** One entry: its name, its argument (null: none), whether the argument is required, and how it parses. */
    private record Entry(String name, String argument, boolean required, Parser parser) {
    }

    @FunctionalInterface
    private interface Parser {
        ObjectiveSetting parse(String name, String arg);
    }

    /** n_critic of both papers. */
    public static final int PAPER_CRITIC_STEPS = 5;

    private static final List<Entry> ENTRIES = List.of(
            new Entry("gan", null, false, (n, a) -> ObjectiveSetting.of(n, Objective.standard())),
            new Entry("gan-minimax", null, false, (n, a) -> ObjectiveSetting.of(n, Objective.gan(GeneratorLoss.MINIMAX))),
            new Entry("wgan", "c", false, (n, a) -> wgan(n, number(a, WeightClipping.PAPER_CLIP), false)),
            new Entry("wgan-paper", "c", false, (n, a) -> wgan(n, number(a, WeightClipping.PAPER_CLIP), true)),
            new Entry("wgan-gp", "λ", false, (n, a) -> wganGp(n, GradientPenalty.of(number(a,
                    GradientPenalty.PAPER_LAMBDA)), false)),
            new Entry("wgan-gp-one-sided", "λ", false, (n, a) -> wganGp(n, GradientPenalty.oneSided(number(a,
                    GradientPenalty.PAPER_LAMBDA)), false)),
            new Entry("wgan-gp-paper", "λ", false, (n, a) -> wganGp(n, GradientPenalty.of(number(a,
                    GradientPenalty.PAPER_LAMBDA)), true)),
            new Entry("lsgan", null, false, (n, a) -> ObjectiveSetting.of(n, Objective.leastSquares())),
            new Entry("hinge", null, false, (n, a) -> ObjectiveSetting.of(n, Objective.hinge())),
            new Entry("f-gan", "divergence", true, (n, a) -> ObjectiveSetting.of(n,
                    Objective.fGan(FDivergence.named(a)))));

    /** Every objective of the study, the papers' recipes last. */
    public static final List<String> ALL = List.of("gan", "gan-minimax", "wgan", "wgan-gp", "wgan-gp-one-sided",
            "lsgan", "hinge", "f-gan:kl", "f-gan:reverse-kl", "f-gan:js", "f-gan:pearson", "f-gan:hellinger",
            "wgan-paper", "wgan-gp-paper");

    /** Every name with its argument, e.g. "wgan-gp[:λ]", "f-gan:divergence". */
    public static List<String> names() {
        return ENTRIES.stream().map(e -> e.argument() == null ? e.name()
                : e.required() ? e.name() + ":" + e.argument() : e.name() + "[:" + e.argument() + "]").toList();
    }

    /**
     * The Wasserstein critic with weight clipping c.
     *
     * @param paper whether to use the paper's schedule too: n_critic = 5, RMSProp 5·10⁻⁵ for both networks
     */
    public static ObjectiveSetting wgan(double clip, boolean paper) {
        return wgan(paper ? "wgan-paper" : "wgan", clip, paper);
    }

    private static ObjectiveSetting wgan(String name, double clip, boolean paper) {
        WeightClipping w = new WeightClipping(clip);
        return new ObjectiveSetting(name, "WGAN (" + w.label() + (paper ? ", n_critic=5, RMSProp 5e-5" : "") + ")",
                Objective.wasserstein(), List.of(w), paper ? PAPER_CRITIC_STEPS : 0,
                paper ? OptimizerSpec.rmsProp(5e-5) : null);
    }

    /**
     * The Wasserstein critic with a gradient penalty.
     *
     * @param paper whether to use the paper's schedule too: n_critic = 5, Adam 10⁻⁴ with β = (0, 0.9) for both
     */
    public static ObjectiveSetting wganGp(GradientPenalty penalty, boolean paper) {
        org.modecollapselab.util.Check.notNull("penalty", penalty);
        return wganGp(paper ? "wgan-gp-paper" : penalty.form() == GradientPenalty.Form.ONE_SIDED
                ? "wgan-gp-one-sided" : "wgan-gp", penalty, paper);
    }

    private static ObjectiveSetting wganGp(String name, GradientPenalty penalty, boolean paper) {
        String l = penalty.label().replace("GP ", "").replace("one-sided ", "one-sided, ");
        return new ObjectiveSetting(name, "WGAN-GP (" + l + (paper ? ", n_critic=5, Adam 1e-4 β=(0, 0.9)" : "") + ")",
                Objective.wasserstein(), List.of(penalty), paper ? PAPER_CRITIC_STEPS : 0,
                paper ? OptimizerSpec.adam(1e-4, 0, 0.9) : null);
    }

    /** Parses an objective name (see the class comment); settings are validated here. */
    public static ObjectiveSetting parse(String spec) {
        if (spec == null) {
            throw new IllegalArgumentException("spec (the objective) must not be null");
        }
        String s = spec.trim().toLowerCase(Locale.ROOT);
        String[] p = s.split(":", 2);
        String arg = p.length > 1 ? p[1] : null;
        for (Entry e : ENTRIES) {
            if (e.name().equals(p[0])) {
                if (arg != null && e.argument() == null) {
                    throw new IllegalArgumentException("objective '" + spec + "' takes no argument after ':', was '"
                            + arg + "'");
                }
                if (arg == null && e.required()) {
                    throw new IllegalArgumentException("objective '" + spec + "' needs a " + e.argument()
                            + " after ':', one of " + String.join(", ", FDivergence.ids()));
                }
                try {
                    return e.parser().parse(s, arg);
                } catch (NumberFormatException x) {
                    throw new IllegalArgumentException("objective '" + spec + "' must have a number after ':', was '"
                            + arg + "'");
                }
            }
        }
        throw new IllegalArgumentException("spec (the objective) must be one of " + String.join(", ", names()) + "; was '"
                + spec + "'");
    }

    private static double number(String arg, double fallback) {
        return arg == null ? fallback : Double.parseDouble(arg);
    }
}
