package org.modecollapselab.config;

import org.modecollapselab.nn.Activation;
import org.modecollapselab.nn.Init;
import org.modecollapselab.nn.Network;
import org.modecollapselab.nn.OptimizerSpec;
import org.modecollapselab.nn.conv.DcganDiscriminator;
import org.modecollapselab.nn.conv.DcganGenerator;
import org.modecollapselab.util.Check;

/**
 * A DCGAN-style convolutional {@link Architecture} for S×S images with c channels (Radford, Metz and Chintala,
 * ICLR 2016; sized for MNIST as PyTorch's and Keras' MNIST DCGANs are): G is z → linear → 2w×(S/4)² → two 4×4
 * stride-2 transposed convolutions (batch norm, ReLU) → c×S², D two 4×4 stride-2 convolutions (leaky ReLU) → linear
 * → logit; see {@link DcganGenerator} and {@link DcganDiscriminator}. One value serves both roles:
 * <pre>{@code
 * Dcgan net = Dcgan.mnist(1);
 * GanConfig c = net.ganConfig();                         // DCGAN's hyperparameters, or on any configuration:
 * GanConfig d = config.withGeneratorArchitecture(net).withDiscriminatorArchitecture(net);
 * }</pre>
 * Data rows are images flattened channel-major (NCHW) in the data's standardised units; with the TANH output (the
 * default) the data must standardise into [−1, 1] — pixels in [0, 1] with mean 0.5 and sd 0.5. Weights, batch and
 * optimisers come from the {@link GanConfig}; its MLP settings (widths, activations, batch norm, maxout) are ignored.
 * Packing feeds D packs of m images as m·c channels; columns other remedies append to D's input go to D's linear
 * layer. The networks give no second-order products (exact unrolling refuses them; first-order unrolling works).
 *
 * @param channels  c, channels per image (1 for MNIST, 3 for Stacked MNIST), &gt;= 1
 * @param imageSize S, side of the square images, a multiple of 4, &gt;= 8 (28 for MNIST)
 * @param width     w: D's convolutions have w and 2w channels, G's transposed convolutions 2w → w, &gt;= 1
 * @param output    G's output activation (TANH for data in [−1, 1]; IDENTITY for unbounded standardised data)
 */
public record Dcgan(int channels, int imageSize, int width, Activation output) implements Architecture {
    /** w of the full-size preset: 64 and 128 channels, as in the common MNIST DCGANs. */
    public static final int FULL_WIDTH = 64;
    /** w of the small preset (CI, quick notebook settings): 8 and 16 channels. */
    public static final int SMALL_WIDTH = 8;

    public Dcgan {
        Check.atLeast("channels", channels, 1);
        if (imageSize < 8 || imageSize % 4 != 0) {
            throw new IllegalArgumentException("imageSize must be a multiple of 4 and >= 8 (two stride-2 layers), "
                    + "was " + imageSize);
        }
        Check.atLeast("width", width, 1);
        Check.notNull("output", output);
    }

    /** The full-size DCGAN for 28×28 images with {@code channels} channels (w = 64). */
    public static Dcgan mnist(int channels) {
        return new Dcgan(channels, 28, FULL_WIDTH, Activation.TANH);
    }

    /** The small preset for 28×28 images (w = 8): for CI and quick notebook settings on a 2-core CPU. */
    public static Dcgan small(int channels) {
        return new Dcgan(channels, 28, SMALL_WIDTH, Activation.TANH);
    }

    public Dcgan withWidth(int w) {
        return new Dcgan(channels, imageSize, w, output);
    }

    public Dcgan withImageSize(int s) {
        return new Dcgan(channels, s, width, output);
    }

    public Dcgan withOutput(Activation a) {
        return new Dcgan(channels, imageSize, width, a);
    }

    /** Coordinates of one image: c·S². */
    public int dimension() {
        return channels * imageSize * imageSize;
    }

    /**
     * A configuration that trains this architecture (G and D) with DCGAN's settings: latent 100, N(0, I); weights
     * N(0, 0.02²); Adam 2·10⁻⁴ with β₁ = 0.5 for both; batches of 64; non-saturating loss; one D step per G step;
     * FLOAT; seed 1.
     */
    public GanConfig ganConfig() {
        return GanConfig.ringCollapse().withLatentDim(100).withLatent(GanConfig.Latent.GAUSSIAN)
                .withInit(Init.NORMAL_002).withGeneratorOptimizer(OptimizerSpec.adam(2e-4, 0.5, 0.999))
                .withDiscriminatorOptimizer(OptimizerSpec.adam(2e-4, 0.5, 0.999)).withBatchSize(64)
                .withGeneratorArchitecture(this).withDiscriminatorArchitecture(this);
    }

    @Override
    public Network build(Role role, int inputs, int outputs, GanConfig config, long seed) {
        Check.notNull("role", role);
        Check.notNull("config", config);
        if (role == Role.GENERATOR) {
            if (outputs != dimension()) {
                throw new IllegalArgumentException("outputs (the data's dimension) must be channels·imageSize² = "
                        + dimension() + " for " + this + ", was " + outputs);
            }
            return new DcganGenerator(inputs, channels, imageSize, width, output, config.init(), config.dataType(),
                    seed);
        }
        return new DcganDiscriminator(inputs, outputs, channels, imageSize, width, config.init(), config.dataType(),
                seed);
    }

    @Override
    public String toString() {
        return "DCGAN " + channels + "×" + imageSize + "×" + imageSize + ", width " + width
                + (output == Activation.TANH ? "" : ", " + output + " output");
    }
}
