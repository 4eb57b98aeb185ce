package org.modecollapselab.gan;

import java.util.StringJoiner;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.GaussianMixture;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.remedy.packing.Packing;
import org.modecollapselab.step.StepStats;

/**
 * A fingerprint of short training runs, every number as its exact bits: the temperature preset and the ring preset
 * with packing, 25 steps from seed 3. {@code GanTest} compares it in the test JVM with the same fingerprint printed by
 * a fresh JVM ({@link #main}): same seed, same bits, on the same machine and build.
 */
public final class DeterminismProbe {
    private DeterminismProbe() {
    }

    /** The fingerprint: step statistics, parameters and samples, as hex bits. */
    public static String fingerprint() {
        StringJoiner out = new StringJoiner("\n");
        Gan temperature = Gan.create(TemperatureData.aliceSpringsAndSouthPole(),
                GanConfig.temperatureCollapse().withSeed(3));
        Gan ring = Gan.create(GaussianMixture.teachingRing(), GanConfig.ringCollapse().withSeed(3), new Packing(2));
        for (Gan g : new Gan[] {temperature, ring}) {
            for (int i = 0; i < 25; i++) {
                StepStats s = g.step();
                out.add(bits(new double[] {s.discriminatorLoss(), s.generatorLoss(), s.realScore(), s.fakeScore()}));
            }
            out.add(bits(g.generator().parameters().toDoubleVector()));
            out.add(bits(g.discriminator().parameters().toDoubleVector()));
            for (double[] row : g.sample(20, 7)) {
                out.add(bits(row));
            }
        }
        return out.toString();
    }

    private static String bits(double[] v) {
        StringJoiner j = new StringJoiner(" ");
        for (double x : v) {
            j.add(Long.toHexString(Double.doubleToRawLongBits(x)));
        }
        return j.toString();
    }

    /** Prints the fingerprint. */
    public static void main(String[] args) {
        System.out.println("FINGERPRINT");
        System.out.println(fingerprint());
        System.out.println("END");
    }
}
