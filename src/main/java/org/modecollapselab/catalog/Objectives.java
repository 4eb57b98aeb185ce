package org.modecollapselab.catalog;

import java.util.List;
import java.util.function.BiFunction;
import org.modecollapselab.nn.OptimizerSpec;
import org.modecollapselab.objective.FDivergence;
import org.modecollapselab.objective.GeneratorLoss;
import org.modecollapselab.objective.Objective;
import org.modecollapselab.remedy.clipping.WeightClipping;
import org.modecollapselab.remedy.gradientpenalty.GradientPenalty;
import org.modecollapselab.util.Check;

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

    /** n_critic of both papers. */
    public static final int PAPER_CRITIC_STEPS = 5;

    private static final List<Names.Entry<ObjectiveSetting>> ENTRIES = List.of(
            entry("gan", null, (n, a) -> ObjectiveSetting.of(n, Objective.standard())),
            entry("gan-minimax", null, (n, a) -> ObjectiveSetting.of(n, Objective.gan(GeneratorLoss.MINIMAX))),
            entry("wgan", "c", (n, a) -> wgan(n, number(a, WeightClipping.PAPER_CLIP), false)),
            entry("wgan-paper", "c", (n, a) -> wgan(n, number(a, WeightClipping.PAPER_CLIP), true)),
            entry("wgan-gp", "λ", (n, a) -> wganGp(n, GradientPenalty.of(number(a, GradientPenalty.PAPER_LAMBDA)),
                    false)),
            entry("wgan-gp-one-sided", "λ", (n, a) -> wganGp(n, GradientPenalty.oneSided(number(a,
                    GradientPenalty.PAPER_LAMBDA)), false)),
            entry("wgan-gp-paper", "λ", (n, a) -> wganGp(n, GradientPenalty.of(number(a,
                    GradientPenalty.PAPER_LAMBDA)), true)),
            entry("lsgan", null, (n, a) -> ObjectiveSetting.of(n, Objective.leastSquares())),
            entry("hinge", null, (n, a) -> ObjectiveSetting.of(n, Objective.hinge())),
            new Names.Entry<>("f-gan", "divergence", true, (n, a) -> ObjectiveSetting.of(n,
                    Objective.fGan(FDivergence.named(a)))));

    private static Names.Entry<ObjectiveSetting> entry(String name, String argument,
                                                      BiFunction<String, String, ObjectiveSetting> parse) {
        return new Names.Entry<>(name, argument, false, parse);
    }

    /** Every objective of the study, the papers' recipes last. */
    public static final List<String> ALL = List.of("gan", "gan-minimax", "wgan", "wgan-gp", "wgan-gp-one-sided",
            "lsgan", "hinge", "f-gan:kl", "f-gan:reverse-kl", "f-gan:js", "f-gan:pearson", "f-gan:hellinger",
            "wgan-paper", "wgan-gp-paper");

    /** Every name with its argument, e.g. "wgan-gp[:λ]", "f-gan:divergence". */
    public static List<String> names() {
        return Names.displays(ENTRIES);
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
        Check.notNull("penalty", penalty);
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
        return Names.parse(new Names.Kind("objective", "spec (the objective)", "one of "
                + String.join(", ", FDivergence.ids())), spec, ENTRIES);
    }

    private static double number(String arg, double fallback) {
        return arg == null ? fallback : Double.parseDouble(arg);
    }
}
