package org.modecollapselab.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modecollapselab.nn.Activation;
import org.modecollapselab.nn.Mlp;
import org.modecollapselab.nn.MlpSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class OptimizerTest {
    private static Mlp net() {
        return new Mlp(MlpSpec.of(1, List.of(), 1, Activation.IDENTITY, Activation.IDENTITY), DataType.DOUBLE, 1);
    }

    @Test
    void adamsFirstStepMovesEachParameterByAboutTheLearningRateAgainstItsGradient() {
        Mlp n = net();
        INDArray before = n.parameters().dup();
        n.gradients().putScalar(0, 3.0);
        n.gradients().putScalar(1, -0.01);
        Optimizer o = new Optimizer(OptimizerSpec.adam(0.1), n);
        o.step();
        INDArray delta = n.parameters().sub(before);
        assertEquals(-0.1, delta.getDouble(0), 1e-6);
        assertEquals(0.1, delta.getDouble(1), 1e-4);
        assertEquals(0, n.gradients().sumNumber().doubleValue(), 0, "gradient is cleared");
        assertEquals(1, o.iterations());
    }

    @Test
    void sgdStepIsLearningRateTimesGradient() {
        Mlp n = net();
        INDArray before = n.parameters().dup();
        n.gradients().putScalar(0, 2.0);
        new Optimizer(OptimizerSpec.sgd(0.05), n).step();
        assertEquals(-0.1, n.parameters().getDouble(0) - before.getDouble(0), 1e-12);
        assertEquals(before.getDouble(1), n.parameters().getDouble(1), 0);
    }

    /**
     * RMSProp (the WGAN paper's optimiser): v = ρ·v + (1 − ρ)·g², θ −= lr·g/(√v + ε); two steps with ρ = 0.99, checked
     * against that recursion (ND4J starts v at ε, negligible here).
     */
    @Test
    void rmsPropFollowsItsRecursion() {
        Mlp n = net();
        INDArray before = n.parameters().dup();
        Optimizer o = new Optimizer(OptimizerSpec.rmsProp(0.01), n);
        double v = 0;
        double theta = before.getDouble(0);
        for (double g : new double[] {2.0, -0.5}) {
            n.gradients().putScalar(0, g);
            o.step();
            v = 0.99 * v + 0.01 * g * g;
            theta -= 0.01 * g / Math.sqrt(v);
            assertEquals(theta, n.parameters().getDouble(0), 1e-5);
        }
        assertEquals(before.getDouble(1), n.parameters().getDouble(1), 1e-6, "no gradient, no move");
        assertEquals("RMSProp(lr=0.01, ρ=0.99)", OptimizerSpec.rmsProp(0.01).toString());
    }

    @Test
    void rmsPropsFirstStepIsTheLearningRateOverTheRootOfOneMinusRho() {
        // s = (1 − ρ)·g² (+ ρ·ε: ND4J starts s at ε), so lr·g/√s ≈ lr/√(1 − ρ) for any g: 0.01/√0.01 = 0.1.
        Mlp n = net();
        INDArray before = n.parameters().dup();
        n.gradients().putScalar(0, 3.0);
        n.gradients().putScalar(1, -0.2);
        new Optimizer(OptimizerSpec.rmsProp(0.01), n).step();
        INDArray delta = n.parameters().sub(before);
        assertEquals(-0.1, delta.getDouble(0), 1e-6);
        assertEquals(0.1, delta.getDouble(1), 1e-5);
        assertEquals("RMSProp(lr=0.01, ρ=0.99)", OptimizerSpec.rmsProp(0.01).toString());
    }

    @Test
    void weightDecayAddsLambdaThetaToTheGradient() {
        Mlp n = net();
        INDArray before = n.parameters().dup();
        n.gradients().putScalar(0, 2.0);
        new Optimizer(OptimizerSpec.sgd(0.05).withWeightDecay(0.1), n).step();
        assertEquals(-0.05 * (2.0 + 0.1 * before.getDouble(0)), n.parameters().getDouble(0) - before.getDouble(0),
                1e-12);
        assertEquals(-0.05 * 0.1 * before.getDouble(1), n.parameters().getDouble(1) - before.getDouble(1), 1e-12);
    }

    @Test
    void zeroWeightDecayIsBitIdenticalToNone() {
        Mlp a = net();
        Mlp b = net();
        Optimizer oa = new Optimizer(OptimizerSpec.adam(0.1), a);
        Optimizer ob = new Optimizer(OptimizerSpec.adam(0.1).withWeightDecay(0), b);
        for (int i = 0; i < 3; i++) {
            a.gradients().putScalar(0, 1.5 - i);
            b.gradients().putScalar(0, 1.5 - i);
            oa.step();
            ob.step();
        }
        assertEquals(a.parameters(), b.parameters());
        assertEquals(OptimizerSpec.adam(0.1), OptimizerSpec.adam(0.1).withWeightDecay(0));
    }

    @Test
    void badHyperparametersAreNamed() {
        assertEquals("weightDecay must be finite and >= 0, was -0.1",
                assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.adam(1e-3).withWeightDecay(-0.1))
                        .getMessage());
        assertEquals("weightDecay must be finite and >= 0, was NaN",
                assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.sgd(1e-3).withWeightDecay(Double.NaN))
                        .getMessage());
        assertEquals("decay must be in [0.0, 1.0), was 1.0",
                assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.rmsProp(1e-3, 1.0)).getMessage());
        assertEquals("learningRate must be finite and > 0, was -1.0",
                assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.rmsProp(-1)).getMessage());
        assertEquals("learningRate must be finite and > 0, was 0.0",
                assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.adam(0)).getMessage());
        assertEquals("beta1 must be in [0.0, 1.0), was 1.0",
                assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.adam(1e-3, 1.0, 0.9)).getMessage());
    }
}
