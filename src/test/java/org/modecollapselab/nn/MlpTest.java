package org.modecollapselab.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.modecollapselab.TestArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MlpTest {

    static INDArray random(long rows, long cols, long seed) {
        return TestArrays.gaussian(rows, cols, seed);
    }

    /** L = Σ c ⊙ f(x): its gradient w.r.t. the output is c. */
    static double loss(Mlp net, INDArray x, INDArray c, int layer) {
        return net.forward(x).layerOutput(layer).mul(c).sumNumber().doubleValue();
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void gradientsMatchFiniteDifferences(Activation act) {
        checkGradients(new Mlp(new MlpSpec(3, List.of(5, 4), 2, act, Activation.TANH, Init.PYTORCH_DEFAULT),
                DataType.DOUBLE, 11), act.toString());
    }

    @Test
    void batchNormGradientsMatchFiniteDifferences() {
        for (Activation act : new Activation[] {Activation.RELU, Activation.LEAKY_RELU, Activation.TANH}) {
            checkGradients(new Mlp(new MlpSpec(3, List.of(5, 4), 2, act, Activation.IDENTITY, Init.PYTORCH_DEFAULT,
                    true, 1), DataType.DOUBLE, 12), "batch norm " + act);
        }
    }

    @Test
    void maxoutGradientsMatchFiniteDifferences() {
        checkGradients(new Mlp(new MlpSpec(3, List.of(5, 4), 1, Activation.IDENTITY, Activation.IDENTITY,
                Init.PYTORCH_DEFAULT, false, 3), DataType.DOUBLE, 13), "maxout");
        checkGradients(new Mlp(new MlpSpec(2, List.of(6), 2, Activation.LEAKY_RELU, Activation.IDENTITY,
                Init.PYTORCH_DEFAULT, true, 2), DataType.DOUBLE, 14), "maxout + batch norm");
    }

    /** Remedies read a pass again after its backward pass (feature matching, unrolling): it must not change it. */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void backwardLeavesThePassUnchanged(Activation act) {
        Mlp net = new Mlp(new MlpSpec(3, List.of(5, 4), 1, act, Activation.IDENTITY, Init.PYTORCH_DEFAULT, false, 2),
                DataType.DOUBLE, 16);
        Mlp.Pass pass = net.forward(random(6, 3, 1));
        INDArray[] before = new INDArray[pass.outputs().length];
        for (int i = 0; i < before.length; i++) {
            before[i] = pass.outputs()[i].dup();
        }
        net.backward(pass, random(6, 1, 2), true, true);
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i], pass.outputs()[i], act + ": output of layer " + i);
        }
    }

    @Test
    void maxoutWithLeakyReluGradientsMatchFiniteDifferences() {
        // The activation works in place; it must not overwrite the maxout values that the backward pass reads.
        checkGradients(new Mlp(new MlpSpec(3, List.of(5, 4), 1, Activation.LEAKY_RELU, Activation.IDENTITY,
                Init.PYTORCH_DEFAULT, false, 3), DataType.DOUBLE, 15), "maxout + leaky ReLU");
    }

    static List<Mlp> piecewiseLinearNetworks() {
        return List.of(
                new Mlp(new MlpSpec(3, List.of(5, 4), 1, Activation.LEAKY_RELU, Activation.IDENTITY,
                        Init.PYTORCH_DEFAULT), DataType.DOUBLE, 21),
                new Mlp(new MlpSpec(2, List.of(6), 1, Activation.RELU, Activation.IDENTITY, Init.PYTORCH_DEFAULT),
                        DataType.DOUBLE, 22),
                new Mlp(new MlpSpec(3, List.of(5, 4), 1, Activation.IDENTITY, Activation.IDENTITY,
                        Init.PYTORCH_DEFAULT, false, 3), DataType.DOUBLE, 23),
                new Mlp(new MlpSpec(1, List.of(4, 4), 1, Activation.LEAKY_RELU, Activation.IDENTITY,
                        Init.PYTORCH_DEFAULT, false, 2), DataType.DOUBLE, 24));
    }

    /** L = Σ_r c_r·softplus(s_r): a per-row loss with curvature, like the GAN losses. */
    static double softplusLoss(Mlp net, INDArray x, INDArray c) {
        INDArray s = net.output(x);
        double l = 0;
        for (int r = 0; r < s.rows(); r++) {
            double v = s.getDouble(r, 0);
            l += c.getDouble(r, 0) * (Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))));
        }
        return l;
    }

    /** ∇θL, and the output gradient and curvature of {@link #softplusLoss}. */
    static INDArray[] softplusDerivatives(Mlp net, Mlp.Pass pass, INDArray c) {
        INDArray s = pass.output();
        INDArray g = s.ulike();
        INDArray k = s.ulike();
        for (int r = 0; r < s.rows(); r++) {
            double sig = 1 / (1 + Math.exp(-s.getDouble(r, 0)));
            g.putScalar(r, 0, c.getDouble(r, 0) * sig);
            k.putScalar(r, 0, c.getDouble(r, 0) * sig * (1 - sig));
        }
        net.zeroGradients();
        net.backward(pass, g, true, false);
        return new INDArray[] {net.gradients().dup(), g, k};
    }

    @Test
    void curvatureProductsMatchFiniteDifferences() {
        for (Mlp net : piecewiseLinearNetworks()) {
            String what = net.spec().toString();
            INDArray x = random(7, net.spec().inputs(), 3);
            INDArray c = random(7, 1, 4);
            INDArray v = random(1, net.spec().parameterCount(), 5).reshape(net.spec().parameterCount());
            INDArray[] d = softplusDerivatives(net, net.forward(x), c);
            Mlp.CurvatureProducts cp = net.curvatureProducts(net.forward(x), d[1], d[2], v);
            // H·v against central differences of the parameter gradient along v.
            INDArray theta = net.parameters().dup();
            double h = 1e-6;
            net.parameters().assign(theta.add(v.mul(h)));
            INDArray gUp = softplusDerivatives(net, net.forward(x), c)[0];
            net.parameters().assign(theta.sub(v.mul(h)));
            INDArray gDown = softplusDerivatives(net, net.forward(x), c)[0];
            net.parameters().assign(theta);
            INDArray fd = gUp.sub(gDown).divi(2 * h);
            assertArrayEquals(fd.toDoubleVector(), cp.hessianVector().toDoubleVector(),
                    1e-5 * (1 + fd.norm2Number().doubleValue()), what + ": H·v");
            // ∂/∂x (v·∇θL) against central differences over every input element.
            for (int i = 0; i < x.length(); i++) {
                long r = i / x.columns();
                long col = i % x.columns();
                double x0 = x.getDouble(r, col);
                x.putScalar(r, col, x0 + h);
                double up = softplusDerivatives(net, net.forward(x), c)[0].mul(v).sumNumber().doubleValue();
                x.putScalar(r, col, x0 - h);
                double down = softplusDerivatives(net, net.forward(x), c)[0].mul(v).sumNumber().doubleValue();
                x.putScalar(r, col, x0);
                assertEquals((up - down) / (2 * h), cp.inputGradient().getDouble(r, col), 1e-5,
                        what + ": ∂(v·∇θL)/∂x[" + r + "," + col + "]");
            }
        }
    }

    @Test
    void curvatureProductsRefuseBatchNormAndSmoothActivations() {
        Mlp tanh = new Mlp(new MlpSpec(2, List.of(3), 1, Activation.TANH, Activation.IDENTITY, Init.PYTORCH_DEFAULT),
                DataType.DOUBLE, 1);
        INDArray x = random(4, 2, 1);
        Mlp.Pass pass = tanh.forward(x);
        INDArray g = random(4, 1, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> tanh.curvatureProducts(pass, g, g, tanh.parameters()));
        assertTrue(e.getMessage().contains("piecewise-linear"), e.getMessage());
        assertFalse(new Mlp(new MlpSpec(2, List.of(3), 1, Activation.RELU, Activation.IDENTITY, Init.PYTORCH_DEFAULT,
                true, 1), DataType.DOUBLE, 1).piecewiseLinear());
    }

    /**
     * Every layer kind a discriminator can have, with second-order products: linear (no hidden layer), ReLU, leaky
     * ReLU, maxout (with identity and with leaky ReLU units), and two outputs weighted differently.
     */
    static List<Mlp> everyPiecewiseLinearKind() {
        return List.of(
                new Mlp(new MlpSpec(2, List.of(), 1, Activation.IDENTITY, Activation.IDENTITY, Init.PYTORCH_DEFAULT),
                        DataType.DOUBLE, 31),
                new Mlp(new MlpSpec(2, List.of(6, 5), 1, Activation.RELU, Activation.IDENTITY, Init.PYTORCH_DEFAULT),
                        DataType.DOUBLE, 32),
                new Mlp(new MlpSpec(3, List.of(5, 4), 1, Activation.LEAKY_RELU, Activation.IDENTITY,
                        Init.PYTORCH_DEFAULT), DataType.DOUBLE, 33),
                new Mlp(new MlpSpec(2, List.of(5, 4), 1, Activation.IDENTITY, Activation.IDENTITY,
                        Init.PYTORCH_DEFAULT, false, 3), DataType.DOUBLE, 34),
                new Mlp(new MlpSpec(1, List.of(4, 3), 1, Activation.LEAKY_RELU, Activation.IDENTITY,
                        Init.PYTORCH_DEFAULT, false, 2), DataType.DOUBLE, 35),
                new Mlp(new MlpSpec(2, List.of(6), 2, Activation.LEAKY_RELU, Activation.IDENTITY,
                        Init.PYTORCH_DEFAULT), DataType.DOUBLE, 36));
    }

    /** S(θ) = Σ_r u_r · ∇ₓ(g_r · output_r): a directional derivative of the input gradient. */
    static double directional(Mlp net, INDArray x, INDArray g, INDArray u) {
        return net.backward(net.forward(x), g, false, true).mul(u).sumNumber().doubleValue();
    }

    /** The gradient penalty's exact product ∂S/∂θ against central differences over every parameter. */
    @Test
    void inputDirectionGradientMatchesFiniteDifferences() {
        for (Mlp net : everyPiecewiseLinearKind()) {
            String what = net.describe();
            INDArray x = random(7, net.spec().inputs(), 41);
            INDArray g = random(7, net.spec().outputs(), 42);
            INDArray u = random(7, net.spec().inputs(), 43);
            net.zeroGradients();
            INDArray exact = net.inputDirectionGradient(net.forward(x), g, u);
            assertEquals(0, net.gradients().norm2Number().doubleValue(), "the product must leave the gradients alone");
            assertEquals(net.spec().parameterCount(), exact.length());
            INDArray p = net.parameters();
            double h = 1e-6;
            double largest = 0;
            for (int i = 0; i < p.length(); i++) {
                double v = p.getDouble(i);
                p.putScalar(i, v + h);
                double up = directional(net, x, g, u);
                p.putScalar(i, v - h);
                double down = directional(net, x, g, u);
                p.putScalar(i, v);
                double fd = (up - down) / (2 * h);
                largest = Math.max(largest, Math.abs(fd));
                assertEquals(fd, exact.getDouble(i), 1e-6 * Math.max(1, Math.abs(fd)), what + ": parameter " + i);
            }
            assertTrue(largest > 1e-2, what + ": the check must see a non-zero gradient, largest " + largest);
        }
    }

    @Test
    void inputDirectionGradientRefusesSmoothUnitsAndBatchNormByName() {
        for (Activation a : new Activation[] {Activation.TANH, Activation.SIGMOID}) {
            Mlp net = new Mlp(new MlpSpec(2, List.of(3), 1, a, Activation.IDENTITY, Init.PYTORCH_DEFAULT),
                    DataType.DOUBLE, 1);
            INDArray x = random(4, 2, 1);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> net.inputDirectionGradient(net.forward(x), random(4, 1, 2), random(4, 2, 3)));
            assertTrue(e.getMessage().contains(a + " units"), e.getMessage());
            assertEquals(a + " units (hidden layer; their second derivative is not zero)", net.unsupportedLayers());
        }
        Mlp bn = new Mlp(new MlpSpec(2, List.of(3), 1, Activation.RELU, Activation.IDENTITY, Init.PYTORCH_DEFAULT,
                true, 1), DataType.DOUBLE, 1);
        assertTrue(bn.unsupportedLayers().startsWith("batch normalisation"), bn.unsupportedLayers());
        INDArray x = random(4, 2, 1);
        assertThrows(IllegalStateException.class,
                () -> bn.inputDirectionGradient(bn.forward(x), random(4, 1, 2), random(4, 2, 3)));
        Mlp ok = everyPiecewiseLinearKind().get(2);
        assertNull(ok.unsupportedLayers());
        INDArray y = random(4, 3, 1);
        assertEquals("inputDirection must have shape [4, 3], was [4, 2]", assertThrows(IllegalArgumentException.class,
                () -> ok.inputDirectionGradient(ok.forward(y), random(4, 1, 2), random(4, 2, 3))).getMessage());
    }

    /** Every parameter and input gradient, from the output and from the last hidden layer, against central differences. */
    static void checkGradients(Mlp net, String what) {
        INDArray x = random(6, net.spec().inputs(), 1);
        for (int layer : new int[] {net.spec().layers() - 1, net.spec().layers() - 2}) {
            INDArray c = random(6, net.spec().fanOut(layer), 2);
            net.zeroGradients();
            INDArray gx = net.backward(net.forward(x), c, layer, true, true);
            INDArray p = net.parameters();
            double h = 1e-6;
            for (int i = 0; i < p.length(); i++) {
                double v = p.getDouble(i);
                p.putScalar(i, v + h);
                double up = loss(net, x, c, layer);
                p.putScalar(i, v - h);
                double down = loss(net, x, c, layer);
                p.putScalar(i, v);
                double fd = (up - down) / (2 * h);
                assertEquals(fd, net.gradients().getDouble(i), 1e-6 * Math.max(1, Math.abs(fd)),
                        what + ": layer " + layer + " parameter " + i);
            }
            for (int r = 0; r < x.rows(); r++) {
                for (int j = 0; j < x.columns(); j++) {
                    double v = x.getDouble(r, j);
                    x.putScalar(r, j, v + h);
                    double up = loss(net, x, c, layer);
                    x.putScalar(r, j, v - h);
                    double down = loss(net, x, c, layer);
                    x.putScalar(r, j, v);
                    assertEquals((up - down) / (2 * h), gx.getDouble(r, j), 1e-6, what + ": input " + r + "," + j);
                }
            }
        }
    }

    @Test
    void batchNormAndMaxoutLayout() {
        MlpSpec spec = new MlpSpec(2, List.of(4), 1, Activation.RELU, Activation.IDENTITY, Init.NORMAL_002, true, 3);
        // hidden: W 2×12, b 12, γ 4, β 4; output: W 4×1, b 1
        assertEquals(2 * 12 + 12 + 4 + 4 + 4 + 1, spec.parameterCount());
        Mlp net = new Mlp(spec, DataType.DOUBLE, 3);
        assertEquals(12, net.weights(0).columns());
        assertEquals(1.0, net.parameters().getDouble(2 * 12 + 12), 0, "γ starts at 1");
        assertEquals(0.0, net.parameters().getDouble(2 * 12 + 12 + 4), 0, "β starts at 0");
        assertEquals(0.0, net.biases(0).sumNumber().doubleValue(), 0, "NORMAL_002 biases start at 0");
        // After batch norm with γ = 1, β = 0 each unit has mean 0 and variance var/(var + ε) ≈ 1 over the batch
        // (weights large enough that var ≫ ε).
        MlpSpec linearBn = new MlpSpec(2, List.of(4), 1, Activation.IDENTITY, Activation.IDENTITY, Init.PYTORCH_DEFAULT, true, 1);
        INDArray h = new Mlp(linearBn, DataType.DOUBLE, 3).forward(random(50, 2, 9)).layerOutput(0);
        assertEquals(0, h.mean(0).amaxNumber().doubleValue(), 1e-9);
        assertEquals(1, h.var(false, 0).getDouble(0), 1e-3);
        assertEquals("x must have >= 2 rows for batch normalisation, was 1", assertThrows(IllegalArgumentException.class,
                () -> net.forward(random(1, 2, 1))).getMessage());
        assertEquals("maxoutPieces must be >= 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> new MlpSpec(2, List.of(4), 1, Activation.RELU, Activation.IDENTITY, Init.NORMAL_002, false, 0))
                .getMessage());
    }

    @Test
    void viewsShareTheFlatParameterVector() {
        Mlp net = new Mlp(MlpSpec.of(2, List.of(3), 1, Activation.RELU, Activation.IDENTITY), DataType.FLOAT, 1);
        assertEquals(2 * 3 + 3 + 3 * 1 + 1, net.parameters().length());
        net.weights(1).putScalar(2, 0, 42);
        assertEquals(42, net.parameters().getDouble(2 * 3 + 3 + 2), 0);
        net.parameters().putScalar(2 * 3 + 1, -7);
        assertEquals(-7, net.biases(0).getDouble(0, 1), 0);
        Mlp copy = net.copy();
        net.parameters().assign(0);
        assertEquals(42, copy.weights(1).getDouble(2, 0), 0);
    }

    @Test
    void sameSeedSameWeightsAndPyTorchDefaultBounds() {
        MlpSpec spec = MlpSpec.of(4, List.of(16), 1, Activation.LEAKY_RELU, Activation.IDENTITY);
        Mlp a = new Mlp(spec, DataType.FLOAT, 5);
        Mlp b = new Mlp(spec, DataType.FLOAT, 5);
        Mlp c = new Mlp(spec, DataType.FLOAT, 6);
        assertEquals(a.parameters(), b.parameters());
        assertNotEquals(a.parameters(), c.parameters());
        assertTrue(a.weights(0).amaxNumber().doubleValue() <= 0.5);   // 1/√4
        assertTrue(a.weights(1).amaxNumber().doubleValue() <= 0.25);  // 1/√16
        assertTrue(a.weights(0).amaxNumber().doubleValue() > 0.4);
    }

    @Test
    void batchOfOneWorks() {
        Mlp net = new Mlp(MlpSpec.of(2, List.of(3), 1, Activation.TANH, Activation.IDENTITY), DataType.DOUBLE, 1);
        INDArray x = random(1, 2, 3);
        net.backward(net.forward(x), Nd4j.ones(DataType.DOUBLE, 1, 1), true, true);
        assertTrue(net.gradients().norm2Number().doubleValue() > 0);
    }

    @Test
    void badShapesAreNamed() {
        assertEquals("hidden[1] must be >= 1, was -3", assertThrows(IllegalArgumentException.class,
                () -> MlpSpec.of(1, List.of(4, -3), 1, Activation.RELU, Activation.IDENTITY)).getMessage());
        assertEquals("inputs must be >= 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> MlpSpec.of(0, List.of(), 1, Activation.RELU, Activation.IDENTITY)).getMessage());
        Mlp net = new Mlp(MlpSpec.of(2, List.of(3), 1, Activation.TANH, Activation.IDENTITY), DataType.DOUBLE, 1);
        assertEquals("x must have shape [batch, 2], was [4, 3]", assertThrows(IllegalArgumentException.class,
                () -> net.forward(random(4, 3, 1))).getMessage());
    }
}
