package org.modecollapselab.nn;

import java.util.SplittableRandom;
import org.modecollapselab.util.Check;

/** Weight initialisation schemes, drawn from a seeded Java generator so that CPU and GPU start identically. */
public enum Init {
    /**
     * PyTorch's default for {@code nn.Linear}: weights and biases uniform in ±1/√fanIn. The default here, so
     * that a PyTorch reference can start from the same distribution.
     */
    PYTORCH_DEFAULT,
    /** Glorot/Xavier uniform weights (±√(6/(fanIn+fanOut))), zero biases. */
    XAVIER_UNIFORM,
    /** He/Kaiming normal weights (σ = √(2/fanIn)), zero biases. */
    HE_NORMAL,
    /** Weights N(0, 0.02²), zero biases: the initialisation of DCGAN and of PacGAN's 2-D experiments. */
    NORMAL_002;

    /**
     * Draws {@code count} weights of one layer into {@code p} from {@code offset}, then (when {@code biases > 0})
     * its {@code biases} biases, and returns the offset after them. Fans as PyTorch counts them: a linear layer's
     * inputs and outputs; a convolution's {@code channels·kernel²}.
     */
    public int fill(double[] p, int offset, int count, int biases, int fanIn, int fanOut, SplittableRandom rng) {
        Check.notNull("p", p);
        Check.atLeast("offset", offset, 0);
        Check.atLeast("count", count, 1);
        Check.atLeast("biases", biases, 0);
        Check.atLeast("fanIn", fanIn, 1);
        Check.atLeast("fanOut", fanOut, 1);
        Check.notNull("rng", rng);
        if ((long) offset + count + biases > p.length) {
            throw new IllegalArgumentException("p must hold offset + count + biases = " + ((long) offset + count
                    + biases) + " values, was " + p.length + " (offset " + offset + ", count " + count + ", biases "
                    + biases + ")");
        }
        double scale = switch (this) {
            case PYTORCH_DEFAULT -> 1 / Math.sqrt(fanIn);
            case XAVIER_UNIFORM -> Math.sqrt(6.0 / (fanIn + fanOut));
            case HE_NORMAL -> Math.sqrt(2.0 / fanIn);
            case NORMAL_002 -> 0.02;
        };
        boolean normal = this == HE_NORMAL || this == NORMAL_002;
        int k = offset;
        for (int j = 0; j < count; j++) {
            p[k++] = normal ? scale * rng.nextGaussian() : scale * (2 * rng.nextDouble() - 1);
        }
        for (int j = 0; j < biases; j++) {
            p[k++] = this == PYTORCH_DEFAULT ? scale * (2 * rng.nextDouble() - 1) : 0;
        }
        return k;
    }
}
