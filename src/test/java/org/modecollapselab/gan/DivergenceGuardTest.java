package org.modecollapselab.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.data.GaussianMixture1D;
import org.modecollapselab.data.TemperatureData;
import org.modecollapselab.step.StepStats;
import org.modecollapselab.step.DivergenceGuard;
import org.modecollapselab.step.TrainingDivergedException;

/** Runs that go nowhere with finite losses: G's samples run away from the data. */
class DivergenceGuardTest {
    private static final GaussianMixture1D DATA = TemperatureData.aliceSpringsAndSouthPole();

    /** Learning rates of 10⁴: finite losses, samples of billions of °C — stopped at the first check. */
    private static GanConfig absurd() {
        return GanConfig.temperatureCollapse().withLearningRates(1e4, 1e4);
    }

    @Test
    void runawaySamplesStopTrainingWithTheStepAndTheLastSaneLosses() {
        Gan g = Gan.create(DATA, absurd());
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> g.train(200));
        assertEquals(10, e.step(), "the first check (every 10 steps) finds the samples beyond 1,000 sds");
        assertTrue(e.failedStep().isFinite(), "the losses were finite: only the samples show it");
        assertTrue(e.getMessage().startsWith("Training diverged at step 10: generated samples reached "),
                e.getMessage());
        assertTrue(e.getMessage().contains("data standard deviations from the data's mean (limit 1000, checked every 10"
                + " steps: DivergenceGuard)"), e.getMessage());
        assertTrue(e.getMessage().contains("No earlier step was checked."), e.getMessage());

        // Checked every step, the message names the last step whose samples were still sane.
        Gan every = Gan.create(DATA, absurd()).setDivergenceGuard(DivergenceGuard.standard().withCheckEvery(1));
        e = assertThrows(TrainingDivergedException.class, () -> every.train(200));
        assertTrue(e.step() > 1 && e.lastFinite().step() == e.step() - 1, e.getMessage());
        assertTrue(e.getMessage().contains("Last sane step checked at step " + (e.step() - 1) + ": D loss "),
                e.getMessage());
    }

    @Test
    void warnPrintsOnceAndTrainsOnOffDoesNotCheck() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Gan g;
        try {
            g = Gan.create(DATA, absurd()).setDivergenceGuard(DivergenceGuard.warn());
            g.train(100);
        } finally {
            System.setErr(err);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().filter(l -> l.startsWith("Warning: step ")).count(), text);
        assertEquals(100, g.stepsDone());
        double farthest = 0;
        for (double[] s : g.sample(500, 1L)) {
            farthest = Math.max(farthest, Math.abs(s[0]));
        }
        assertTrue(farthest > 1000 * DATA.sd()[0], "the run did go nowhere: " + farthest + " °C");
        Gan off = Gan.create(DATA, absurd()).setDivergenceGuard(DivergenceGuard.off());
        assertEquals(100, off.train(100).lastStep());
    }

    /** The check only reads the step's batch: with or without it, every checked interval, the same numbers. */
    @Test
    void theGuardChangesNoNumber() {
        GanConfig c = GanConfig.temperatureCollapse().withSeed(3);
        double[] reference = null;
        for (DivergenceGuard guard : new DivergenceGuard[] {DivergenceGuard.off(), DivergenceGuard.standard(),
            DivergenceGuard.standard().withCheckEvery(1), DivergenceGuard.warn().withCheckEvery(3)}) {
            Gan g = Gan.create(DATA, c).setDivergenceGuard(guard);
            double[] losses = new double[60];
            for (int i = 0; i < 30; i++) {
                StepStats s = g.step();
                losses[2 * i] = s.discriminatorLoss();
                losses[2 * i + 1] = s.generatorLoss();
            }
            double[] params = g.generator().parameters().toDoubleVector();
            double[] all = new double[losses.length + params.length];
            System.arraycopy(losses, 0, all, 0, losses.length);
            System.arraycopy(params, 0, all, losses.length, params.length);
            if (reference == null) {
                reference = all;
            } else {
                assertArrayEquals(reference, all, 0.0, guard.toString());
            }
        }
    }

    @Test
    void badGuardsAreNamed() {
        assertEquals("sampleLimit must be finite and > 0, was 0.0", assertThrows(IllegalArgumentException.class,
                () -> DivergenceGuard.standard().withSampleLimit(0)).getMessage());
        assertEquals("checkEvery must be >= 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> DivergenceGuard.standard().withCheckEvery(0)).getMessage());
        assertEquals("guard must not be null", assertThrows(IllegalArgumentException.class,
                () -> Gan.create(DATA, GanConfig.temperatureCollapse()).setDivergenceGuard(null)).getMessage());
    }
}
