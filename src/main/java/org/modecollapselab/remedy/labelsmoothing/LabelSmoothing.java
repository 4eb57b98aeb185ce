package org.modecollapselab.remedy.labelsmoothing;

import org.modecollapselab.config.GanConfig;
import org.modecollapselab.gan.Catalogued;
import org.modecollapselab.nn.Network;
import org.modecollapselab.objective.GanObjective;
import org.modecollapselab.step.DiscriminatorPhase;
import org.modecollapselab.step.Remedy;
import org.modecollapselab.step.Setup;
import org.modecollapselab.step.StepHook;
import org.modecollapselab.util.NdArrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One-sided label smoothing (Salimans, Goodfellow, Zaremba, Cheung, Radford and Chen, "Improved Techniques for
 * Training GANs", 2016, section 3.4). D's target for real samples is t &lt; 1 (0.9 in the paper) instead of 1; the
 * target for generated samples stays 0 ("one-sided": smoothing it too would reward D for letting G's samples be
 * where the data is not). D no longer gains from ever more confident logits on real data, which keeps it from
 * giving G extreme, uninformative gradients.
 *
 * <p>Written as a term that adds to the objective, not as a loss of its own: binary cross-entropy with target t
 * is {@code softplus(l) − t·l = [softplus(l) − l] + (1 − t)·l}, so the hook adds {@code (1 − t)·mean(l_real)} and its
 * gradient (one more backward pass through D) to the objective's D loss. The sum is exactly the smoothed loss
 * (tested against {@code Losses.discriminator} with target t). Only for the GAN objective (binary cross-entropy on
 * D's logits); other objectives are refused by name. t = 1 is the plain GAN exactly.
 *
 * @param realTarget D's target for real samples, in (0, 1]
 */
public record LabelSmoothing(double realTarget) implements Remedy {
    /** The catalog's name: {@code label-smoothing[:t]}, the real target (default 0.9). */
    public static final Catalogued CATALOG = Catalogued.number("label-smoothing", "t", 0.9, LabelSmoothing::new);

    public LabelSmoothing {
        if (!(realTarget > 0 && realTarget <= 1)) {
            throw new IllegalArgumentException("realTarget must be in (0, 1], was " + realTarget);
        }
    }

    /** The paper's one-sided smoothing: real target 0.9. */
    public static LabelSmoothing oneSided() {
        return new LabelSmoothing(0.9);
    }

    @Override
    public String label() {
        return "label smoothing " + realTarget;
    }

    @Override
    public boolean neutral() {
        return realTarget == 1;
    }

    @Override
    public void check(GanConfig config, int dataDimension, int classes) {
        if (!neutral() && !(config.objective() instanceof GanObjective)) {
            throw new IllegalArgumentException("objective must be the GAN objective (binary cross-entropy on D's "
                    + "logits) for one-sided label smoothing, was " + config.objective().label());
        }
    }

    @Override
    public StepHook start(Setup setup) {
        double extra = 1 - realTarget;
        return new StepHook() {
            @Override
            public double discriminatorTerms(DiscriminatorPhase phase) {
                return addTerm(phase.discriminator(), phase.pass(), (int) phase.real().rows(), extra);
            }
        };
    }

    /**
     * Adds {@code w·mean(l_real)} — l_real being D's first output on the first {@code realRows} rows of
     * {@code pass} — to D's loss: its gradient into D's gradients, its value returned.
     */
    static double addTerm(Network d, Network.Pass pass, int realRows, double w) {
        INDArray out = pass.output();
        int rows = (int) out.rows();
        int cols = (int) out.columns();
        double[] values = NdArrays.values(out);
        double[] grad = new double[rows * cols];
        double sum = 0;
        for (int i = 0; i < realRows; i++) {
            sum += values[i * cols];
            grad[i * cols] = w / realRows;
        }
        d.backward(pass, NdArrays.of(grad, rows, cols, out.dataType()), true, false);
        return w * sum / realRows;
    }
}
