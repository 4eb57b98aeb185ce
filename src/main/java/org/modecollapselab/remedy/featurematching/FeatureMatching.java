package org.modecollapselab.remedy.featurematching;

import org.modecollapselab.gan.GanConfig;
import org.modecollapselab.gan.StepHook;
import org.modecollapselab.nn.Mlp;
import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Feature matching (Salimans, Goodfellow, Zaremba, Cheung, Radford and Chen, "Improved Techniques for Training
 * GANs", 2016). Instead of fooling the current discriminator sample by sample, the generator matches the
 * statistics of real data as the discriminator sees them: it minimises {@code ‖E f(x) − E f(G(z))‖²}, where f is
 * the discriminator's last hidden layer. Matching a batch mean rewards a spread of samples, not one convincing mode.
 *
 * <p>With {@code weight} w the generator's loss is {@code (1 − w)·usual + w·FM}: w = 1 is the paper's feature
 * matching, 0 &lt; w &lt; 1 the hybrid objective some practitioners report works better, and w = 0 the plain GAN
 * exactly. Departure from the paper: the real feature mean is taken from the real batch of the step's (last)
 * discriminator update, computed before that update, rather than from a fresh real batch under the updated D.
 */
public final class FeatureMatching implements StepHook {
    private final double weight;
    private INDArray realMean;

    /** @param weight share of the feature-matching term in G's loss, in [0, 1] */
    public FeatureMatching(double weight) {
        this.weight = Check.inRange("weight", weight, 0, 1);
    }

    public double weight() {
        return weight;
    }

    @Override
    public void check(GanConfig config, int dataDimension) {
        if (config.discriminatorHidden().isEmpty()) {
            throw new IllegalArgumentException("discriminatorHidden must have >= 1 layer for feature matching, was []");
        }
    }

    @Override
    public double discriminatorTerms(DiscriminatorBatch batch) {
        int layer = batch.discriminator().spec().layers() - 2;
        long n = batch.real().rows();
        INDArray realFeatures = batch.pass().layerOutput(layer).get(
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n), org.nd4j.linalg.indexing.NDArrayIndex.all());
        try (MemoryWorkspace out = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            realMean = realFeatures.mean(true, 0).detach();   // kept for the generator's update of this step
        }
        return 0;
    }

    @Override
    public double generatorTerms(GeneratorBatch batch) {
        if (weight == 0) {
            return 0;
        }
        Mlp d = batch.gan().discriminator();
        INDArray[] lossAndGrad = lossAndInputGradient(d, batch.discriminatorPass(), realMean);
        INDArray fmSamples = batch.gan().fromDiscriminator(lossAndGrad[1]);
        batch.fakeGradient().muli(1 - weight).addi(fmSamples.muli(weight));
        double fm = lossAndGrad[0].getDouble(0);
        return weight * fm - weight * batch.baseLoss();
    }

    /**
     * The feature-matching loss {@code ‖mean over rows of f(x) − realMean‖²} for D's pass over x, and its gradient
     * with respect to x (D's input), through D's fixed weights.
     *
     * @return {loss as a 1-element array, ∂loss/∂x}
     */
    public static INDArray[] lossAndInputGradient(Mlp d, Mlp.Pass pass, INDArray realMean) {
        int layer = d.spec().layers() - 2;
        INDArray features = pass.layerOutput(layer);
        long n = features.rows();
        INDArray diff = features.mean(true, 0).subi(realMean);                  // [1, H]
        INDArray loss = diff.mul(diff).sum(true, 1);                            // [1, 1]
        INDArray gradFeatures = Nd4j.zeros(features.dataType(), n, features.columns()).addiRowVector(diff.mul(2.0 / n));
        INDArray gradX = d.backward(pass, gradFeatures, layer, false, true);
        return new INDArray[] {loss.reshape(1), gradX};
    }
}
