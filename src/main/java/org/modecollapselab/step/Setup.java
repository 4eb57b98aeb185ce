package org.modecollapselab.step;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.nn.Network;
import org.modecollapselab.util.Check;

/**
 * What a remedy gets to create its per-run state ({@link Remedy#start}).
 *
 * @param config        the GAN's configuration (after every remedy's adjustment)
 * @param dataDimension coordinates per sample
 * @param classes       classes of the data's labels, 0 when the data has none
 * @param inputWidth    width of D's input before this remedy's transform (see {@link Remedy#discriminatorInputWidth})
 * @param generator     G, built
 * @param discriminator D, built
 * @param seed          this remedy's seed: the GAN's seed for the first remedy, a different one for each further
 *                      remedy, so that two remedies never share a random stream
 * @param classWeights  each class's share of the data ({@code DataSource.classWeights()}; empty when the data has no
 *                      labels), for remedies that draw classes as often as the data has them (a conditional GAN)
 * @param codeColumn    the first column of G's input that holds this remedy's codes ({@link Remedy#generatorInputExtra}
 *                      columns from here; the noise and earlier remedies' codes come before)
 * @param outputColumn  the first of D's outputs that belongs to this remedy ({@link Remedy#discriminatorOutputExtra}
 *                      columns from here; column 0 is the one the objective reads)
 */
public record Setup(GanConfig config, int dataDimension, int classes, int inputWidth, Network generator,
                    Network discriminator, long seed, double[] classWeights, int codeColumn, int outputColumn) {
    public Setup {
        Check.notNull("config", config);
        Check.notNull("generator", generator);
        Check.notNull("discriminator", discriminator);
        classWeights = classWeights == null ? new double[0] : classWeights.clone();
    }

    /**
     * A set-up with equal class weights (1/classes each; none when {@code classes} is 0), for a remedy that is the
     * only one with codes and extra outputs: its codes follow the noise, its outputs D's first.
     */
    public Setup(GanConfig config, int dataDimension, int classes, int inputWidth, Network generator,
                 Network discriminator, long seed) {
        this(config, dataDimension, classes, inputWidth, generator, discriminator, seed, equal(classes),
                Check.notNull("config", config).latentDim(), 1);
    }

    private static double[] equal(int classes) {
        double[] w = new double[Math.max(0, classes)];
        Arrays.fill(w, 1.0 / Math.max(1, classes));
        return w;
    }

    @Override
    public double[] classWeights() {
        return classWeights.clone();
    }

    /** A random source of this remedy's own, {@code salt} telling apart the streams one remedy needs. */
    public SplittableRandom random(long salt) {
        return new SplittableRandom(seed ^ salt);
    }
}
