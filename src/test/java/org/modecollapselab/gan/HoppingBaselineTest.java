package org.modecollapselab.gan;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modecollapselab.remedy.RemedyAssertions;
import org.modecollapselab.study.Study;
import org.modecollapselab.study.StudyCase;

/**
 * The claim notebooks 01 and 05 rest on: with {@link org.modecollapselab.config.GanConfig#temperatureHopping()} on
 * the temperature data (2,000 steps) and with the ring's collapse preset (500 steps), the plain GAN's dominant mode
 * switches at least twice ({@link Study#hops}) in most seeds — at least 4 of seeds 1..6.
 */
class HoppingBaselineTest {
    static final int SEEDS = 6;

    static int[] hops(StudyCase c) {
        int[] h = new int[SEEDS];
        for (int s = 1; s <= SEEDS; s++) {
            h[s - 1] = RemedyAssertions.run(c, Method.plain(), s).hops();
        }
        return h;
    }

    @Test
    void thePlainGanHopsAtLeastTwiceInMostSeeds() {
        for (StudyCase c : List.of(StudyCase.named("temperature-hopping"), StudyCase.named("ring").withSteps(500))) {
            int[] h = hops(c);
            long hopping = java.util.Arrays.stream(h).filter(x -> x >= 2).count();
            System.out.println(c.name() + " (" + c.steps() + " steps), hops per seed 1.." + SEEDS + ": "
                    + java.util.Arrays.toString(h) + ", mean " + java.util.Arrays.stream(h).average().orElse(0));
            assertTrue(hopping >= 4, c.name() + ": hopped at least twice in " + hopping + "/" + SEEDS + " seeds "
                    + java.util.Arrays.toString(h));
        }
    }
}
