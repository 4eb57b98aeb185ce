package org.modecollapselab.step;

import org.modecollapselab.config.GanConfig;

/**
 * A remedy as configuration: an immutable value (a record) that names its setting, knows whether that setting is
 * the plain GAN, validates itself against a GAN's configuration before any work, and creates its per-run state —
 * a {@link StepHook} — for each GAN it is attached to. One remedy value can be attached to any number of GANs; no
 * state is shared between them.
 *
 * <p>The structural methods ({@link #discriminatorInputWidth}, {@link #generatorInputExtra},
 * {@link #discriminatorOutputExtra}, {@link #needsLabels}) are pure: the GAN asks them before it builds its
 * networks, then calls {@link #start} once the networks exist.
 *
 * <p>How to add a remedy: {@code docs/adding-a-remedy.md}.
 */
public interface Remedy {

    /** The label in tables and charts, e.g. "packing m=4". */
    String label();

    /**
     * Whether this setting reduces the remedy to the plain GAN exactly (k = 0, m = 1, w = 0, …). Every remedy has
     * such a setting, tested step by step against the plain GAN; studies use it to find their baseline.
     */
    boolean neutral();

    /**
     * Checks that the remedy fits the configuration and data (a pack size divides the batch size, a layer kind is
     * supported) before any work; throws IllegalArgumentException naming the parameter, the rule and the value.
     *
     * @param config        the configuration after every remedy's {@link #adjust}
     * @param dataDimension coordinates per sample
     * @param classes       classes of the data's labels, 0 when the data has none
     */
    default void check(GanConfig config, int dataDimension, int classes) {
    }

    /** The configuration the GAN trains with (e.g. PacGAN's batch of m·packs samples). Default: unchanged. */
    default GanConfig adjust(GanConfig config) {
        return config;
    }

    /** Width of D's input, given the width before this remedy (the data dimension for the first). */
    default int discriminatorInputWidth(int width) {
        return width;
    }

    /** Columns this remedy appends to G's input after the noise (class one-hots, latent codes). */
    default int generatorInputExtra() {
        return 0;
    }

    /** Outputs this remedy adds to D after its first (an auxiliary head sharing D's body). */
    default int discriminatorOutputExtra() {
        return 0;
    }

    /** Whether the step must draw the data's class labels with each real batch. */
    default boolean needsLabels() {
        return false;
    }

    /**
     * Creates this remedy's state for one GAN, once its networks exist. The step calls it only for a setting that is
     * not {@link #neutral()}: a neutral remedy takes no part in the step ({@link StepHook#NONE}).
     */
    StepHook start(Setup setup);
}
