package org.modecollapselab.data.mnist;

import java.util.random.RandomGenerator;
import org.modecollapselab.data.ImageShape;
import org.modecollapselab.data.ImageSource;
import org.modecollapselab.util.Check;

/**
 * Stacked MNIST (Metz et al. 2017, "Unrolled Generative Adversarial Networks"; Srivastava et al. 2017, VEEGAN;
 * Lin et al. 2018, PacGAN): three MNIST digits drawn independently, stacked as the three channels of one 28×28
 * image. Its modes are the 1,000 combinations of three digits; sample {@code (a, b, c)} — channel 0 shows a,
 * channel 1 b, channel 2 c — has the class label {@code 100·a + 10·b + c}.
 *
 * <p>The modes are not exactly equally likely: each is the product of its three digits' shares in the underlying
 * MNIST data ({@link #modeShares()}), close to 1/1,000.
 */
public final class StackedMnist implements ImageSource {
    private final MnistDigits digits;

    private StackedMnist(MnistDigits digits) {
        this.digits = digits;
    }

    /** Stacked MNIST drawn from {@code digits}. */
    public static StackedMnist of(MnistDigits digits) {
        return new StackedMnist(Check.notNull("digits", digits));
    }

    /** The MNIST digits the channels are drawn from. */
    public MnistDigits digits() {
        return digits;
    }

    @Override
    public ImageShape shape() {
        return ImageShape.STACKED_MNIST;
    }

    @Override
    public String name() {
        return "Stacked MNIST (from " + digits.name() + ")";
    }

    @Override
    public int classes() {
        return 1000;
    }

    /** Each mode's share of the data: the product of its three digits' shares (index 100·a + 10·b + c). */
    public double[] modeShares() {
        double[] d = digits.digitShares();
        double[] s = new double[1000];
        for (int m = 0; m < 1000; m++) {
            s[m] = d[m / 100] * d[m / 10 % 10] * d[m % 10];
        }
        return s;
    }

    @Override
    public double[] sample(int n, RandomGenerator rng) {
        return sampleLabelled(n, rng).values();
    }

    @Override
    public Labelled sampleLabelled(int n, RandomGenerator rng) {
        Check.atLeast("n", n, 1);
        Check.notNull("rng", rng);
        int channel = ImageShape.MNIST.pixels();
        int px = ImageShape.STACKED_MNIST.pixels();
        // Three single digits per sample, in channel order, then laid side by side.
        Labelled one = digits.sampleLabelled(3 * n, rng);
        double[] x = one.values();
        if (x.length != 3 * n * channel || px != 3 * channel) {
            throw new IllegalStateException("internal: expected " + 3 * n + " digits of " + channel + " pixels");
        }
        int[] d = one.labels();
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = 100 * d[3 * i] + 10 * d[3 * i + 1] + d[3 * i + 2];
        }
        return new Labelled(x, l);
    }

    /** Digit of channel {@code channel} (0, 1, 2) of mode {@code mode}. */
    public static int digitOf(int mode, int channel) {
        Check.inRange("mode", mode, 0, 999);
        Check.inRange("channel", channel, 0, 2);
        return channel == 0 ? mode / 100 : channel == 1 ? mode / 10 % 10 : mode % 10;
    }

    @Override
    public String toString() {
        return name();
    }
}
