package org.modecollapselab.remedy.clipping;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.gan.Gan;
import org.modecollapselab.objective.Objective;
import org.modecollapselab.remedy.RemedyAssertions;
import org.nd4j.linalg.api.ndarray.INDArray;

class WeightClippingTest {

    @Test
    void noClippingIsThePlainGanExactly() {
        RemedyAssertions.assertSameAsPlainGan(WeightClipping.none(), 7);
    }

    /** After every D update each of D's parameters lies in [−c, c], many of them on the bound; G is not clipped. */
    @Test
    void everyDiscriminatorParameterStaysInTheBox() {
        GanConfig c = GanConfig.temperatureCollapse().withObjective(Objective.wasserstein()).withDiscriminatorSteps(3);
        Gan g = Gan.create(TemperatureData.aliceSpringsAndSouthPole(), c, WeightClipping.paper());
        for (int s = 0; s < 5; s++) {
            g.step();
            INDArray p = g.discriminator().parameters();
            assertTrue(p.amaxNumber().doubleValue() <= 0.01 + 1e-9, "largest |θ| " + p.amaxNumber());
            long onBound = p.dup().muli(p).gte(0.01 * 0.01 * 0.999).castTo(p.dataType()).sumNumber().longValue();
            assertTrue(onBound > p.length() / 2, "most of D's weights start larger than c: " + onBound + " of "
                    + p.length() + " on the bound");
        }
        assertTrue(g.generator().parameters().amaxNumber().doubleValue() > 0.01, "G is not clipped");
    }

    @Test
    void badClipIsNamed() {
        assertEquals("clip must be > 0 (or +Infinity for no clipping), was 0.0",
                assertThrows(IllegalArgumentException.class, () -> new WeightClipping(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WeightClipping(-0.01));
        assertThrows(IllegalArgumentException.class, () -> new WeightClipping(Double.NaN));
        assertEquals("clip c=0.01", WeightClipping.paper().label());
        assertEquals("no clipping", WeightClipping.none().label());
        assertFalse(WeightClipping.paper().neutral());
    }
}
