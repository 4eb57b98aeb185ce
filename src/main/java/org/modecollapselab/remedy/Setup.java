package org.modecollapselab.remedy;

import java.util.SplittableRandom;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.nn.Network;

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
 */
public record Setup(GanConfig config, int dataDimension, int classes, int inputWidth, Network generator,
                    Network discriminator, long seed) {
    public Setup {
        org.modecollapselab.util.Check.notNull("config", config);
        org.modecollapselab.util.Check.notNull("generator", generator);
        org.modecollapselab.util.Check.notNull("discriminator", discriminator);
    }

    /** A random source of this remedy's own, {@code salt} telling apart the streams one remedy needs. */
    public SplittableRandom random(long salt) {
        return new SplittableRandom(seed ^ salt);
    }
}
