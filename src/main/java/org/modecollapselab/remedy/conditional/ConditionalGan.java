package org.modecollapselab.remedy.conditional;

import java.util.random.RandomGenerator;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.DataSource;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.step.InputTransform;
import org.modecollapselab.step.LatentCodes;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.step.Setup;
import org.modecollapselab.step.StepHook;
import org.modecollapselab.util.Check;
import org.modecollapselab.util.NdArrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The conditional GAN (Mirza and Osindero, "Conditional Generative Adversarial Nets", 2014): G receives the class y
 * beside its noise, G(z, y), and D judges the pair, D(x, y). G can no longer win by drawing one class well: D checks
 * that each sample fits the class it was asked for, so every class must be drawn — the one-network form of "grouping
 * the classes".
 *
 * <p>y is a one-hot vector of the data's {@code classes} (the mode each sample came from: the temperature data's
 * sites, the rings' modes), times {@code strength}, appended to G's noise and to D's input. While training, G's
 * classes are drawn as often as the data has them ({@code DataSource.classWeights()}); after training
 * {@code Gan.sample(n, seed, label)} draws one class and {@code Gan.sample(n, seed)} draws classes by frequency.
 * {@code strength = 0} appends nothing: the plain GAN, exactly. Departure: the paper feeds y through a hidden layer of
 * its own before joining it with z (and with x in D); here it joins at the input, which for an MLP differs only in
 * how the first layer is parameterised.
 *
 * @param classes  the data's number of classes (the one-hot's width), &gt;= 1; checked against the data
 * @param strength the one-hot's value (1 in the paper), finite and &gt;= 0 (0: the plain GAN)
 */
public record ConditionalGan(int classes, double strength) implements Remedy {
    /** The catalog's name: {@code cgan}, the conditional GAN for the data set's classes. */
    public static final Catalogued CATALOG = Catalogued.forData("cgan", "cGAN", ConditionalGan::of);

    /** Tells this remedy's random stream (G's classes) apart from other remedies'. */
    private static final long SALT = 0x43474E;

    public ConditionalGan {
        Check.atLeast("classes", classes, 1);
        Check.nonNegative("strength", strength);
    }

    /** The paper's conditioning for {@code data}'s classes. */
    public static ConditionalGan of(DataSource data) {
        Check.notNull("data", data);
        if (data.classes() == 0) {
            throw new IllegalArgumentException("data must have class labels for a conditional GAN, but '"
                    + data.name() + "' has none");
        }
        return new ConditionalGan(data.classes(), 1);
    }

    @Override
    public String label() {
        return strength == 0 ? "cGAN off" : strength == 1 ? "cGAN" : "cGAN y×" + strength;
    }

    @Override
    public boolean neutral() {
        return strength == 0;
    }

    @Override
    public boolean needsLabels() {
        return strength != 0;
    }

    @Override
    public void check(GanConfig config, int dataDimension, int dataClasses) {
        if (strength != 0 && dataClasses != classes) {
            throw new IllegalArgumentException("classes must equal the data's classes (" + dataClasses + "), was "
                    + classes);
        }
    }

    @Override
    public int generatorInputExtra() {
        return strength == 0 ? 0 : classes;
    }

    @Override
    public int discriminatorInputWidth(int width) {
        return strength == 0 ? width : width + classes;
    }

    @Override
    public StepHook start(Setup setup) {
        double[] cumulative = setup.classWeights();
        for (int i = 1; i < cumulative.length; i++) {
            cumulative[i] += cumulative[i - 1];
        }
        int width = setup.inputWidth();
        InputTransform append = (x, labels) -> {
            if (labels == null) {
                throw new IllegalStateException("the conditional GAN's D needs the class of every row, but an "
                        + "earlier remedy regrouped the rows (packing?) or the batch has no labels");
            }
            INDArray out = Nd4j.hstack(x, NdArrays.of(oneHots(labels), labels.length, classes, x.dataType()));
            return InputTransform.Applied.of(out, g -> g.get(NDArrayIndex.all(), NDArrayIndex.interval(0, width)));
        };
        return new StepHook() {
            @Override
            public InputTransform discriminatorInput() {
                return append;
            }

            @Override
            public LatentCodes latentCodes(int rows, RandomGenerator rng, int[] labels) {
                int[] y = labels;
                if (y == null) {
                    y = new int[rows];
                    for (int i = 0; i < rows; i++) {
                        y[i] = pick(cumulative, rng.nextDouble());
                    }
                }
                return new LatentCodes(oneHots(y), classes, y);
            }
        };
    }

    /** The one-hot rows (times the strength) of {@code labels}. */
    double[] oneHots(int[] labels) {
        double[] v = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label must be in [0, " + classes + "), was " + labels[i]
                        + " in row " + i);
            }
            v[i * classes + labels[i]] = strength;
        }
        return v;
    }

    private static int pick(double[] cumulative, double u) {
        double target = u * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (target < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }
}
