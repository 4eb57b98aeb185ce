package org.modecollapselab.config;

import org.modecollapselab.nn.Network;

/**
 * How a GAN builds one of its two networks. The default, {@link #MLP}, builds a multilayer perceptron from the
 * configuration's widths and activations; other architectures (a convolutional network for images) implement this
 * interface as immutable records and ignore the MLP settings.
 */
public interface Architecture {
    /** Which of the two networks is being built. */
    enum Role { GENERATOR, DISCRIMINATOR }

    /**
     * A new network with weights drawn from {@code seed}.
     *
     * @param inputs  input width (G: latent plus any conditioning columns; D: its input as remedies shape it)
     * @param outputs output width (G: the data dimension; D: 1 plus any extra heads)
     */
    Network build(Role role, int inputs, int outputs, GanConfig config, long seed);

    /**
     * Whether the discriminators this architecture builds give exact second-order products
     * ({@link org.modecollapselab.nn.SecondOrder}), which exact unrolling needs: remedies that need them refuse an
     * architecture without them before any network is built. False unless an architecture says otherwise (MLPs give
     * them, for piecewise-linear activations without batch norm).
     */
    default boolean secondOrder() {
        return false;
    }

    /** A multilayer perceptron from the configuration's MLP settings (see {@link GanConfig}). */
    Architecture MLP = MlpArchitecture.INSTANCE;
}
