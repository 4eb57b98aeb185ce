package org.modecollapselab.data;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class TemperatureDataTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsSitesAsModes() throws Exception {
        Path p = write("t.csv", "date,site,temperature_c\n1,Alice Springs,35\n2,Alice Springs,37\n3,Alice Springs,36\n"
                + "1,South Pole,-25\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(p));
        assertEquals("site 'South Pole' must have >= 2 readings to fit a mode, was 1", e.getMessage());

        Path q = write("u.csv", "site,temperature_c\nAlice Springs,35\nAlice Springs,37\nSouth Pole,-25\nSouth Pole,-27\n");
        TemperatureReadings r = TemperatureData.readCsv(q);
        assertEquals(2, r.modes().size());
        assertEquals(36, r.modes().get(0).center()[0], 1e-9);
        assertEquals(Math.sqrt(2), r.modes().get(0).sd(), 1e-9);
        assertEquals(0.5, r.modes().get(1).weight(), 1e-12);
        assertEquals(5.0, r.mean()[0], 1e-9);
        double[] s = r.sample(50, new java.util.SplittableRandom(3));
        for (double v : s) {
            assertTrue(v == 35 || v == 37 || v == -25 || v == -27);
        }
    }

    @Test
    void roundTripsTheSampleTable() throws Exception {
        Table t = TemperatureData.sampleTable(TemperatureData.aliceSpringsAndSouthPole(), 400, 5);
        Path p = dir.resolve("sample.csv");
        t.write().csv(p.toFile());
        TemperatureReadings r = TemperatureData.readCsv(p);
        assertEquals(400, r.values().length);
        assertEquals(TemperatureData.HOT_MEAN, r.fittedMixture().modes().modes().stream()
                .filter(m -> m.name().equals(TemperatureData.HOT)).findFirst().orElseThrow().center()[0], 1.0);
    }

    @Test
    void clearErrorsForBadFiles() throws Exception {
        Path empty = write("empty.csv", "");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(empty)).getMessage()
                .contains("is empty: expected a header with columns 'site' and 'temperature_c'"));
        Path headerOnly = write("h.csv", "site,temperature_c\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(headerOnly))
                .getMessage().contains("has a header but no readings"));
        Path noColumn = write("n.csv", "site,temp\nA,1\nA,2\n");
        String m = assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(noColumn)).getMessage();
        assertTrue(m.contains("must have a column 'temperature_c', found [site, temp]"), m);
        Path text = write("x.csv", "site,temperature_c\nA,1\nA,warm\nB,3\n");
        m = assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(text)).getMessage();
        assertTrue(m.contains("'temperature_c' must hold numbers, was 'warm' in data row 2"), m);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(dir.resolve("nope.csv")))
                .getMessage().startsWith("csv must be an existing file, was "));
    }
}
