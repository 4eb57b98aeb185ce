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
                .startsWith("csv must have a header line, was an empty file: "));
        Path headerOnly = write("h.csv", "site,temperature_c\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(headerOnly))
                .getMessage().contains("a header but no readings"));
        Path noColumn = write("n.csv", "site,temp\nA,1\nA,2\n");
        String m = assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(noColumn)).getMessage();
        assertTrue(m.contains("must have a column 'temperature_c', found [site, temp]"), m);
        Path text = write("x.csv", "site,temperature_c\nA,1\nA,warm\nB,3\n");
        m = assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(text)).getMessage();
        assertTrue(m.contains("line 3: 'temperature_c' is 'warm', not a finite number: 'A,warm'"), m);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(dir.resolve("nope.csv")))
                .getMessage().startsWith("csv must be an existing file, was "));
    }

    @Test
    void aSiteCalledNaIsASiteAndNaNIsNoReading() throws Exception {
        // Tablesaw reads NA as a missing value; a site code is what it says.
        Path na = write("na.csv", "site,temperature_c\nNA,1\nNA,3\nN/A,10\nN/A,12\n");
        TemperatureReadings r = TemperatureData.readCsv(na);
        assertEquals(java.util.List.of("NA", "N/A"), r.fittedMixture().modes().names());
        assertEquals(2, r.modes().get(0).center()[0], 1e-12);
        Path nan = write("nan.csv", "site,temperature_c\nA,1\nA,NaN\nB,NA\nB,3\nB,Infinity\n");
        String m = assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(nan)).getMessage();
        assertTrue(m.contains("3 rows do not:"), m);
        assertTrue(m.contains("line 3: 'temperature_c' is 'NaN', not a finite number: 'A,NaN'"), m);
        assertTrue(m.contains("line 4: 'temperature_c' is 'NA', not a finite number: 'B,NA'"), m);
        assertTrue(m.contains("line 6: 'temperature_c' is 'Infinity', not a finite number: 'B,Infinity'"), m);
    }

    @Test
    void everyMalformedRowIsListedWithItsLineAndContent() throws Exception {
        Path ragged = write("r.csv", "site,temperature_c\nA,1\nA,2,3\n\nB\nB,4\nB,5\n,6\n");
        String m = assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(ragged)).getMessage();
        assertTrue(m.startsWith("csv " + ragged + ": each row must have as many fields as the header (2, separated by"
                + " ',')"), m);
        assertTrue(m.contains("line 3 has 3 fields, the header 2: 'A,2,3'"), m);
        assertTrue(m.contains("line 5 has 1 field, the header 2: 'B'"), m);
        Path emptySite = write("e.csv", "site,temperature_c\nA,1\nA,2\n ,6\n");
        m = assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(emptySite)).getMessage();
        assertTrue(m.contains("line 4: 'site' is empty: ' ,6'"), m);
        StringBuilder many = new StringBuilder("site,temperature_c\n");
        for (int i = 0; i < 30; i++) {
            many.append("A,x").append(i).append('\n');
        }
        m = assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(write("m.csv",
                many.toString()))).getMessage();
        assertTrue(m.contains("30 rows do not:") && m.contains("line 21: ") && !m.contains("line 22: ")
                && m.contains("… and 10 more"), m);
        Path quote = write("q.csv", "site,temperature_c\n\"A,1\n");
        m = assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(quote)).getMessage();
        assertTrue(m.contains("a quoted field must end with a quote, but the one on line 2 never does"), m);
    }

    @Test
    void bomsQuotesOtherDelimitersAndLineEndsAreRead() throws Exception {
        String rows = "Alice Springs,35.5\nAlice Springs,36\n\"South Pole, Amundsen\",-26\n\"South Pole, Amundsen\",-27\n";
        TemperatureReadings plain = TemperatureData.readCsv(write("p.csv", "site,temperature_c\n" + rows));
        for (String variant : java.util.List.of("\uFEFFsite,temperature_c\n" + rows,
                ("site,temperature_c\n" + rows).replace("\n", "\r\n"),
                ("site,temperature_c\n" + rows).replace("\n", "\r"),
                "site;temperature_c\nAlice Springs;35.5\nAlice Springs;36\nSouth Pole, Amundsen;-26\n"
                        + "South Pole, Amundsen;-27\n",
                "site\ttemperature_c\nAlice Springs\t35.5\nAlice Springs\t36\nSouth Pole, Amundsen\t-26\n"
                        + "South Pole, Amundsen\t-27\n")) {
            TemperatureReadings r = TemperatureData.readCsv(write("v.csv", variant));
            assertEquals(plain.fittedMixture().components(), r.fittedMixture().components(), variant);
        }
        Path comma = write("c.csv", "site;temperature_c\nA;35,5\nA;36\n");
        String m = assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(comma)).getMessage();
        assertTrue(m.contains("line 2: 'temperature_c' is '35,5', not a finite number (a decimal comma? write 35.5)"),
                m);
    }

    @Test
    void binaryAndNonUtf8FilesAreRefused() throws Exception {
        Path png = dir.resolve("chart.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        String m = assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(png)).getMessage();
        assertTrue(m.startsWith("csv must be a text (CSV) file, was " + png + ": a zero byte at offset 8"), m);
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "site,temperature_c\nZ\u00fcrich,20\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        m = assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(latin1)).getMessage();
        assertTrue(m.contains("csv must be UTF-8 text, was " + latin1 + ": byte 0xFC on line 2 is not UTF-8"), m);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureData.readCsv(dir)).getMessage()
                .endsWith("(a folder)"));
    }
}
