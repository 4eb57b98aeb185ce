package org.modecollapselab.remedy.catalog;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.gan.Method;
import org.modecollapselab.gan.TrainingOptions;
import org.modecollapselab.remedy.adagan.AdaGan;
import org.modecollapselab.remedy.conditional.ConditionalGan;
import org.modecollapselab.remedy.perclass.PerClassGans;
import org.modecollapselab.remedy.replay.ExperienceReplay;
import org.modecollapselab.remedy.snapshots.SnapshotSubstitution;
import org.modecollapselab.util.Check;
import org.modecollapselab.remedy.clipping.WeightClipping;
import org.modecollapselab.knob.Knob;
import org.modecollapselab.knob.KnobSetting;
import org.modecollapselab.remedy.infogan.InfoGan;
import org.modecollapselab.remedy.labelsmoothing.LabelSmoothing;
import org.modecollapselab.remedy.modeseeking.ModeSeeking;
import org.modecollapselab.remedy.noise.GeneratorNoise;
import org.modecollapselab.remedy.noise.InstanceNoise;
import org.modecollapselab.remedy.spectralnorm.SpectralNormalisation;
import org.modecollapselab.remedy.featurematching.FeatureMatching;
import org.modecollapselab.remedy.gradientpenalty.GradientPenalty;
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
 * {@code packing[:m]} (default m = 4); {@code replay[:f]} (experience replay, f of D's fakes from a buffer of 5,000,
 * default f = 0.5); {@code old-d[:P/M/S]} and {@code old-dg[:P/M/S]} (snapshot substitution: for M of every P steps
 * G trains against D from S steps ago, and with {@code old-dg} D against G from S steps ago; default 20/10/100);
 * {@code adagan[:T]} (T generators, default 3); {@code per-class[:k]} (one GAN per class, or per k groups of
 * classes); {@code cgan} (the conditional GAN for the data set's classes); {@code gradient-penalty[:λ]} (two-sided, default λ = 10, on any objective) and
 * {@code weight-clipping[:c]} (default c = 0.01) — the Lipschitz constraints that {@link Objectives}' WGAN settings
 * bundle with the critic;  * {@code infogan[:K]} (a categorical code of K values, default 8, λ = 1);
 * {@code instance-noise[:σ]} (default σ = 0.5, annealed to 0 over 1,000 steps); {@code label-smoothing[:t]} (real
 * target, default 0.9); {@code g-input-noise[:σ]} (2 extra noise inputs of G, default σ = 1, annealed over 1,000
 * steps); {@code g-output-noise[:σ]} (default σ = 0.5, annealed over 1,000 steps); {@code msgan[:λ]} (default
 * λ = 1); {@code spectral-norm}. Knobs of the configuration (the plain GAN with one setting changed):
 * {@code dropout[:p]} (D's dropout, default 0.3), {@code weight-decay[:λ]} (both players, default 10⁻³),
 * {@code d-weight-decay[:λ]}, {@code lr-ratio[:r]} (D's learning rate ÷ G's, default 2), {@code lr[:η]},
 * {@code beta1[:β]}, {@code g-width[:w]}, {@code d-width[:w]}, {@code g-depth[:n]}, {@code d-depth[:n]}
 * (defaults: see {@link #KNOB_DEFAULTS}).
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

    /** Steps over which the catalog's noise remedies anneal σ to 0. */
    public static final int NOISE_ANNEAL = 1000;

    /** Each knob's value when named without one. */
    public static final java.util.Map<Knob, Double> KNOB_DEFAULTS = java.util.Map.of(
            Knob.DISCRIMINATOR_DROPOUT, 0.3, Knob.WEIGHT_DECAY, 1e-3, Knob.DISCRIMINATOR_WEIGHT_DECAY, 1e-3,
            Knob.LEARNING_RATE_RATIO, 2.0, Knob.LEARNING_RATE, 1e-3, Knob.BETA1, 0.5, Knob.GENERATOR_WIDTH, 64.0,
            Knob.DISCRIMINATOR_WIDTH, 64.0, Knob.GENERATOR_DEPTH, 2.0, Knob.DISCRIMINATOR_DEPTH, 2.0);

    private static final List<Entry> ENTRIES = List.of(
            new Entry("plain", null, arg -> Method.plain()),
            new Entry("minibatch", "B", arg -> Method.of(MinibatchDiscrimination.of(integer(arg, 8)))),
            new Entry("feature-matching", "w", arg -> Method.of(new FeatureMatching(number(arg, 1.0)))),
            new Entry("hybrid", "w", arg -> Method.of(new FeatureMatching(number(arg, 0.5)))),
            new Entry("unrolled", "k", arg -> Method.of(Unrolling.exact(integer(arg, 5)))),
            new Entry("unrolled-first-order", "k", arg -> Method.of(Unrolling.firstOrder(integer(arg, 5)))),
            new Entry("packing", "m", arg -> Method.of(new Packing(integer(arg, 4)))),
            new Entry("replay", "f", arg -> Method.of(ExperienceReplay.of(number(arg, 0.5)))),
            new Entry("old-d", "P/M/S", arg -> Method.of(snapshots(arg, false))),
            new Entry("old-dg", "P/M/S", arg -> Method.of(snapshots(arg, true))),
            new Entry("adagan", "T", arg -> AdaGan.of(integer(arg, 3))),
            new Entry("per-class", "k", arg -> new PerClassGans(integer(arg, 0))),
            new Entry("cgan", null, arg -> new ForData("cGAN", data -> Method.of(ConditionalGan.of(data)))),

            new Entry("gradient-penalty", "λ", arg -> Method.of(GradientPenalty.of(number(arg,
                    GradientPenalty.PAPER_LAMBDA)))),
            new Entry("weight-clipping", "c", arg -> Method.of(new WeightClipping(number(arg,
                    WeightClipping.PAPER_CLIP)))),
            new Entry("infogan", "K", arg -> Method.of(InfoGan.categorical(integer(arg, 8)))),
            new Entry("instance-noise", "σ", arg -> Method.of(InstanceNoise.annealed(number(arg, 0.5), NOISE_ANNEAL))),
            new Entry("label-smoothing", "t", arg -> Method.of(new LabelSmoothing(number(arg, 0.9)))),
            new Entry("g-input-noise", "σ", arg -> Method.of(GeneratorNoise.input(number(arg, 1.0), NOISE_ANNEAL, 2))),
            new Entry("g-output-noise", "σ", arg -> Method.of(GeneratorNoise.output(number(arg, 0.5), NOISE_ANNEAL))),
            new Entry("msgan", "λ", arg -> Method.of(new ModeSeeking(number(arg, 1.0)))),
            new Entry("spectral-norm", null, arg -> Method.of(SpectralNormalisation.on())),
            knob(Knob.DISCRIMINATOR_DROPOUT, "p"),
            knob(Knob.WEIGHT_DECAY, "λ"),
            knob(Knob.DISCRIMINATOR_WEIGHT_DECAY, "λ"),
            knob(Knob.LEARNING_RATE_RATIO, "r"),
            knob(Knob.LEARNING_RATE, "η"),
            knob(Knob.BETA1, "β"),
            knob(Knob.GENERATOR_WIDTH, "w"),
            knob(Knob.DISCRIMINATOR_WIDTH, "w"),
            knob(Knob.GENERATOR_DEPTH, "n"),
            knob(Knob.DISCRIMINATOR_DEPTH, "n"));

    private static Entry knob(Knob k, String argument) {
        return new Entry(k.id(), argument, arg -> new KnobSetting(k, number(arg, KNOB_DEFAULTS.get(k))));
    }

    /** The remedies of issue 11's section 2 (InfoGAN, noise, smoothing, diversity, spectral norm) and two knobs. */
    public static final List<String> REMEDIES_III = List.of("plain", "infogan", "instance-noise", "label-smoothing",
            "g-input-noise", "g-output-noise", "msgan", "spectral-norm", "dropout", "weight-decay");

    /** The default line-up of the study command. */
    public static final List<String> DEFAULTS = List.of("plain", "minibatch", "feature-matching", "hybrid",
            "unrolled", "unrolled-first-order", "packing", "replay", "old-d", "old-dg", "adagan", "per-class", "cgan");

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

    /** Snapshot substitution from "P/M/S" (default 20/10/100: half of every 20 steps against D from 100 steps before). */
    private static SnapshotSubstitution snapshots(String arg, boolean oldGenerator) {
        int[] v = {20, 10, 100};
        if (arg != null) {
            String[] p = arg.split("/");
            if (p.length != 3) {
                throw new IllegalArgumentException("snapshot substitution takes P/M/S (period, duration, age), was '"
                        + arg + "'");
            }
            for (int i = 0; i < 3; i++) {
                v[i] = Integer.parseInt(p[i].trim());
            }
        }
        return new SnapshotSubstitution(v[0], v[1], v[2], oldGenerator);
    }

    /**
     * A method whose remedies depend on the data set it trains on (the conditional GAN's one-hot width is the data's
     * number of classes): made afresh for each data set.
     */
    private record ForData(String label, Function<DataSource, Method> make) implements Method {
        @Override
        public boolean neutral() {
            return false;
        }

        @Override
        public void check(DataSource data, GanConfig config) {
            make.apply(Check.notNull("data", data)).check(data, config);
        }

        @Override
        public Trained train(DataSource data, GanConfig config, int steps, TrainingOptions options) {
            return make.apply(Check.notNull("data", data)).train(data, config, steps, options);
        }
    }

    private static int integer(String arg, int fallback) {
        return arg == null ? fallback : Integer.parseInt(arg);
    }

    private static double number(String arg, double fallback) {
        return arg == null ? fallback : Double.parseDouble(arg);
    }
}
