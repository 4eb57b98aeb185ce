package org.modecollapselab.remedy.unrolled;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.modecollapselab.TestArrays;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.nn.Activation;
import org.modecollapselab.nn.Init;
import org.modecollapselab.nn.Mlp;
import org.modecollapselab.nn.MlpSpec;
import org.modecollapselab.objective.GeneratorLoss;
import org.modecollapselab.objective.Objective;
import org.modecollapselab.remedy.RemedyAssertions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class UnrollingTest {

    @Test
    void zeroStepsIsThePlainGanExactly() {
        RemedyAssertions.assertSameAsPlainGan(Unrolling.exact(0), 3);
        RemedyAssertions.assertSameAsPlainGan(Unrolling.firstOrder(0), 4);
    }

    /**
     * The exact unrolled generator gradient, through k = 3 look-ahead updates, against central differences of the
     * unrolled loss over every fake value; for a leaky-ReLU D and a maxout D, both losses. The first-order gradient
     * misses the second-order terms and must not match.
     */
    @Test
    void exactGradientMatchesFiniteDifferences() {
        List<Mlp> ds = List.of(
                new Mlp(new MlpSpec(2, List.of(8, 8), 1, Activation.LEAKY_RELU, Activation.IDENTITY,
                        Init.PYTORCH_DEFAULT), DataType.DOUBLE, 7),
                new Mlp(new MlpSpec(2, List.of(6, 6), 1, Activation.IDENTITY, Activation.IDENTITY,
                        Init.PYTORCH_DEFAULT, false, 3), DataType.DOUBLE, 8));
        INDArray real = TestArrays.gaussian(6, 2, 1);
        for (Mlp d : ds) {
            for (GeneratorLoss loss : GeneratorLoss.values()) {
                INDArray fake = TestArrays.gaussian(5, 2, 2).muli(0.7).addi(0.3);
                INDArray before = d.parameters().dup();
                Unrolling exact = new Unrolling(3, 0.8, Unrolling.Mode.EXACT);
                INDArray g = exact.lookAhead(d, real, fake, Objective.gan(loss)).fakeGradient().dup();
                assertEquals(before, d.parameters(), "lookAhead must leave D unchanged");
                INDArray firstOrder = new Unrolling(3, 0.8, Unrolling.Mode.FIRST_ORDER)
                        .lookAhead(d, real, fake, Objective.gan(loss)).fakeGradient();
                double h = 1e-6;
                double worstFirstOrder = 0;
                for (int i = 0; i < fake.length(); i++) {
                    long r = i / 2;
                    long c = i % 2;
                    double v = fake.getDouble(r, c);
                    fake.putScalar(r, c, v + h);
                    double up = exact.lookAhead(d, real, fake, Objective.gan(loss)).loss();
                    fake.putScalar(r, c, v - h);
                    double down = exact.lookAhead(d, real, fake, Objective.gan(loss)).loss();
                    fake.putScalar(r, c, v);
                    double fd = (up - down) / (2 * h);
                    String what = d.spec() + " " + loss + " fake[" + r + "," + c + "]";
                    assertEquals(fd, g.getDouble(r, c), 1e-6 + 1e-4 * Math.abs(fd), what);
                    worstFirstOrder = Math.max(worstFirstOrder, Math.abs(fd - firstOrder.getDouble(r, c)));
                }
                assertTrue(worstFirstOrder > 1e-3, "the first-order gradient should differ from the exact one, "
                        + "largest difference " + worstFirstOrder + " (" + d.spec() + ")");
            }
        }
    }

    @Test
    void exactUnrollingNeedsAPiecewiseLinearDiscriminator() {
        GanConfig tanh = GanConfig.temperatureCollapse().withActivations(Activation.LEAKY_RELU, Activation.TANH);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gan.create(TemperatureData.aliceSpringsAndSouthPole(), tanh, Unrolling.exact(2)));
        assertEquals("discriminatorActivation must be piecewise linear (IDENTITY, RELU, LEAKY_RELU) for exact "
                + "unrolling, was TANH (use Mode.FIRST_ORDER)", e.getMessage());
        Gan.create(TemperatureData.aliceSpringsAndSouthPole(), tanh, Unrolling.firstOrder(2)).train(3);
        assertEquals("steps must be >= 0, was -1",
                assertThrows(IllegalArgumentException.class, () -> Unrolling.exact(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Unrolling.exact(1).withLearningRate(0));
    }

    @Test
    void unrolledTrainingRunsAndReportsTheLookAheadLoss() {
        Gan g = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), GanConfig.temperatureCollapse(),
                Unrolling.exact(5));
        var r = g.train(20);
        assertEquals(20, g.stepsDone());
        assertTrue(Double.isFinite(r.history().doubleColumn("g_loss").mean()));
    }

    /**
     * Seeds 1–6, 500 steps on the ring: the plain GAN sits on at most a mode or two; exact unrolling covers the ring.
     * Measured on this machine: plain 0.67 ± 0.21, exact unrolling 8.0 ± 0 of 8 (bounds: plain at most 2, a gain of 4).
     */
    @Test
    @Tag("slow")
    void unrollingRaisesModeCoverageOnTheRing() {
        RemedyAssertions.assertRaisesModes(RemedyAssertions.ring(500), Unrolling.exact(5), 6, 2, 4);
    }
}
