package org.modecollapselab.remedy.featurematching;

import org.modecollapselab.config.Architecture;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.nn.Network;
import org.modecollapselab.step.GeneratorPhase;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.step.Setup;
import org.modecollapselab.step.StepHook;
import org.modecollapselab.util.Broadcast;
import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Feature matching (Salimans, Goodfellow, Zaremba, Cheung, Radford and Chen, "Improved Techniques for Training
 * GANs", 2016). Instead of fooling the current discriminator sample by sample, the generator matches the
 * statistics of real data as the discriminator sees them: it minimises {@code ‖E f(x) − E f(G(z))‖²}, where f is
 * the discriminator's last hidden layer. Matching a batch mean rewards a spread of samples, not one convincing mode.
 *
 * <p>With {@code weight} w the generator's loss is {@code (1 − w)·usual + w·FM}: w = 1 is the paper's feature
 * matching, 0 &lt; w &lt; 1 the hybrid objective some practitioners report works better, and w = 0 the plain GAN
 * exactly. Departure from the paper: the real feature mean is taken from D's pass over the real batch of the step's
 * last discriminator update, computed before that update, rather than from a fresh real batch under the updated D.
 *
 * @param weight share of the feature-matching term in G's loss, in [0, 1]
 */
public record FeatureMatching(double weight) implements Remedy {
    /** The catalog's names: {@code feature-matching[:w]} (default w = 1) and {@code hybrid[:w]} (default 0.5). */
    public static final Catalogued CATALOG = Catalogued.number("feature-matching", "w", 1.0, FeatureMatching::new);
    public static final Catalogued CATALOG_HYBRID = Catalogued.number("hybrid", "w", 0.5, FeatureMatching::new);

    public FeatureMatching {
        Check.inRange("weight", weight, 0, 1);
    }

    @Override
    public String label() {
        return weight == 1 ? "feature matching" : "hybrid FM w=" + weight;
    }

    @Override
    public boolean neutral() {
        return weight == 0;
    }

    @Override
    public void check(GanConfig config, int dataDimension, int classes) {
        if (config.discriminatorArchitecture() == Architecture.MLP && config.discriminatorHidden().isEmpty()) {
            throw new IllegalArgumentException("discriminatorHidden must have >= 1 layer for feature matching, was []");
        }
    }

    /** G's objective keeps the share 1 − w; the feature-matching term adds w·∇FM. */
    @Override
    public StepHook start(Setup setup) {
        return new StepHook() {
            @Override
            public double generatorObjectiveWeight() {
                return 1 - weight;
            }

            @Override
            public double generatorTerms(GeneratorPhase g) {
                long n = g.real().rows();
                INDArray realMean = g.lastDiscriminatorPass().features()
                        .get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).mean(true, 0);
                INDArray[] lossAndGrad = lossAndInputGradient(g.discriminator(), g.discriminatorPass(), realMean);
                g.fakeGradient().addi(g.fromDiscriminator(lossAndGrad[1]).muli(weight));
                return weight * lossAndGrad[0].getDouble(0);
            }
        };
    }

    /**
     * The feature-matching loss {@code ‖mean over rows of f(x) − realMean‖²} for D's pass over x, and its gradient
     * with respect to x (D's input), through D's fixed weights.
     *
     * @return {loss as a 1-element array, ∂loss/∂x}
     */
    public static INDArray[] lossAndInputGradient(Network d, Network.Pass pass, INDArray realMean) {
        Check.notNull("d", d);
        Check.notNull("pass", pass);
        INDArray features = pass.features();
        Check.matrix("realMean", realMean, 1, features.columns());
        long n = features.rows();
        INDArray diff = features.mean(true, 0).subi(realMean);                  // [1, H]
        INDArray loss = diff.mul(diff).sum(true, 1);                            // [1, 1]
        INDArray gradFeatures = Broadcast.addiRow(Nd4j.zeros(features.dataType(), n, features.columns()),
                diff.mul(2.0 / n));
        INDArray gradX = d.backwardFromFeatures(pass, gradFeatures, false, true);
        return new INDArray[] {loss.reshape(1), gradX};
    }
}
