package org.modecollapselab.step;

import org.modecollapselab.config.GanConfig;
import org.modecollapselab.nn.Network;
import org.modecollapselab.objective.Objective;

/**
 * What a hook sees of the GAN during a step — the step, not the whole GAN: its number, the configuration, the
 * objective and the two networks. The phase views ({@link DiscriminatorPhase}, {@link GeneratorPhase}) add the
 * batches and passes of each phase.
 */
public interface StepContext {
    /** The step being run (1 for the first step of a new GAN). */
    int step();

    GanConfig config();

    /** The objective (also {@code config().objective()}). */
    default Objective objective() {
        return config().objective();
    }

    Network generator();

    Network discriminator();
}
