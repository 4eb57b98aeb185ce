package org.modecollapselab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.modecollapselab.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Central finite differences against any {@link Network}'s backward passes (in DOUBLE), for the loss
 * L = Σ c ⊙ f(x), whose gradient with respect to f is c; f is the output, or the last hidden layer's features.
 */
public final class NetworkGradients {
    /** Step of the central differences. */
    public static final double H = 1e-6;

    private NetworkGradients() {
    }

    /** L = Σ c ⊙ f(x) at the network's current parameters. */
    public static double loss(Network net, INDArray x, INDArray c, boolean features) {
        Network.Pass p = net.forward(x);
        return (features ? p.features() : p.output()).mul(c).sumNumber().doubleValue();
    }

    /**
     * Checks ∂L/∂θ (accumulated into {@code gradients()}) and ∂L/∂x (returned) against central differences, each
     * within {@code tolerance·max(1, |finite difference|)}. {@code every} checks every k-th parameter and
     * {@code inputEvery} every k-th input (1: all), from a seeded random start, to keep large networks quick.
     *
     * @return the largest absolute difference seen
     */
    public static double check(Network net, INDArray x, INDArray c, boolean features, int every, int inputEvery,
                               double tolerance, String what) {
        net.zeroGradients();
        Network.Pass pass = net.forward(x);
        INDArray gx = features ? net.backwardFromFeatures(pass, c, true, true) : net.backward(pass, c, true, true);
        INDArray p = net.parameters();
        INDArray g = net.gradients().dup();
        SplittableRandom start = new SplittableRandom(p.length());
        double worst = 0;
        for (long i = every == 1 ? 0 : start.nextInt(every); i < p.length(); i += every) {
            double v = p.getDouble(i);
            p.putScalar(i, v + H);
            double up = loss(net, x, c, features);
            p.putScalar(i, v - H);
            double down = loss(net, x, c, features);
            p.putScalar(i, v);
            double fd = (up - down) / (2 * H);
            worst = Math.max(worst, Math.abs(fd - g.getDouble(i)));
            assertEquals(fd, g.getDouble(i), tolerance * Math.max(1, Math.abs(fd)), what + ": parameter " + i);
        }
        long cols = x.columns();
        for (long k = inputEvery == 1 ? 0 : start.nextInt(inputEvery); k < x.length(); k += inputEvery) {
            long r = k / cols;
            long j = k % cols;
            double v = x.getDouble(r, j);
            x.putScalar(r, j, v + H);
            double up = loss(net, x, c, features);
            x.putScalar(r, j, v - H);
            double down = loss(net, x, c, features);
            x.putScalar(r, j, v);
            double fd = (up - down) / (2 * H);
            worst = Math.max(worst, Math.abs(fd - gx.getDouble(r, j)));
            assertEquals(fd, gx.getDouble(r, j), tolerance * Math.max(1, Math.abs(fd)), what + ": input " + r + "," + j);
        }
        return worst;
    }
}
