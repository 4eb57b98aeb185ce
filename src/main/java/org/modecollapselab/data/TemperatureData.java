package org.modecollapselab.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.modecollapselab.data.GaussianMixture1D.Component;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The temperature example: summer daily maximum temperatures mixed from Alice Springs (very hot) and the
 * South Pole (very cold), a 1-D distribution with two well separated modes.
 *
 * <p>The built-in figures are rounded climatology for December–February: Alice Springs daily maxima
 * average about 35.5 °C with a day-to-day spread of about 3.8 °C; at the Amundsen–Scott South Pole
 * station summer daily maxima average about −26 °C with a spread of about 3 °C. A lecturer can bring
 * real readings instead with {@link #readCsv(Path)}.
 */
public final class TemperatureData {
    /** Column names of the CSV format read by {@link #readCsv(Path)}. */
    public static final String SITE_COLUMN = "site";
    public static final String VALUE_COLUMN = "temperature_c";

    public static final String HOT = "Alice Springs";
    public static final String COLD = "South Pole";
    public static final double HOT_MEAN = 35.5;
    public static final double HOT_SD = 3.8;
    public static final double COLD_MEAN = -26.0;
    public static final double COLD_SD = 3.0;

    private TemperatureData() {
    }

    /** Equal shares of hot and cold readings. */
    public static GaussianMixture1D aliceSpringsAndSouthPole() {
        return aliceSpringsAndSouthPole(0.5);
    }

    /**
     * Hot and cold readings with the given share of Alice Springs readings.
     *
     * @param hotWeight share of Alice Springs readings, in (0, 1); the rest are South Pole readings
     */
    public static GaussianMixture1D aliceSpringsAndSouthPole(double hotWeight) {
        if (!(hotWeight > 0 && hotWeight < 1)) {
            throw new IllegalArgumentException("hotWeight must be in (0, 1), was " + hotWeight);
        }
        return GaussianMixture1D.of("Summer daily maximum (°C)",
                new Component(COLD, COLD_MEAN, COLD_SD, 1 - hotWeight),
                new Component(HOT, HOT_MEAN, HOT_SD, hotWeight));
    }

    /**
     * A table of {@code n} synthetic readings (columns {@value #SITE_COLUMN}, {@value #VALUE_COLUMN}) drawn from
     * {@code mixture} with {@code seed}: the same format {@link #readCsv(Path)} reads.
     */
    public static Table sampleTable(GaussianMixture1D mixture, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        StringColumn site = StringColumn.create(SITE_COLUMN);
        DoubleColumn value = DoubleColumn.create(VALUE_COLUMN);
        for (int i = 0; i < n; i++) {
            Component c = mixture.component(rng.nextDouble());
            site.append(c.name());
            value.append(Math.round((c.mean() + c.sd() * rng.nextGaussian()) * 10) / 10.0);
        }
        return Table.create("temperatures", site, value);
    }

    /**
     * Reads real readings from a CSV with a header and (at least) the columns {@value #SITE_COLUMN} (text)
     * and {@value #VALUE_COLUMN} (°C). Each site becomes one mode, fitted as a Gaussian (mean and standard
     * deviation of its readings, weight = its share of the rows).
     *
     * @throws IllegalArgumentException naming the file, the column and the row when the file is missing,
     *                                  empty, lacks a column, holds a non-number or a site with fewer than 2
     *                                  readings
     */
    public static TemperatureReadings readCsv(Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("csv must be an existing file, was " + csv);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + csv, e);
        }
        if (lines.stream().allMatch(String::isBlank)) {
            throw new IllegalArgumentException("csv " + csv + " is empty: expected a header with columns '"
                    + SITE_COLUMN + "' and '" + VALUE_COLUMN + "'");
        }
        Table t;
        try {
            // Both columns are read as text so that a bad value is reported with its row, not guessed around.
            t = Table.read().usingOptions(CsvReadOptions.builder(csv.toFile()).header(true)
                    .columnTypesPartial(Map.of(SITE_COLUMN, ColumnType.STRING, VALUE_COLUMN, ColumnType.STRING)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("csv " + csv + " could not be parsed as CSV: " + e.getMessage(), e);
        }
        for (String col : List.of(SITE_COLUMN, VALUE_COLUMN)) {
            if (!t.columnNames().contains(col)) {
                throw new IllegalArgumentException("csv " + csv + " must have a column '" + col + "', found "
                        + t.columnNames());
            }
        }
        if (t.rowCount() == 0) {
            throw new IllegalArgumentException("csv " + csv + " has a header but no readings");
        }
        StringColumn raw = t.stringColumn(VALUE_COLUMN);
        StringColumn sites = t.stringColumn(SITE_COLUMN).copy().setName(SITE_COLUMN);
        DoubleColumn values = DoubleColumn.create(VALUE_COLUMN);
        for (int r = 0; r < t.rowCount(); r++) {
            String v = raw.get(r).trim();
            double x;
            try {
                x = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("csv " + csv + ": column '" + VALUE_COLUMN
                        + "' must hold numbers, was '" + v + "' in data row " + (r + 1));
            }
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("csv " + csv + ": column '" + VALUE_COLUMN
                        + "' must hold finite numbers, was '" + v + "' in data row " + (r + 1));
            }
            values.append(x);
            if (sites.isMissing(r) || sites.get(r).isBlank()) {
                throw new IllegalArgumentException("csv " + csv + ": column '" + SITE_COLUMN
                        + "' must name a site in every row, was empty in data row " + (r + 1));
            }
        }
        return new TemperatureReadings(Table.create(csv.getFileName().toString(), sites, values));
    }

    /** Per-site counts of a readings table, in order of first appearance. */
    static Map<String, Integer> countsBySite(Table t) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        StringColumn sites = t.stringColumn(SITE_COLUMN);
        for (int r = 0; r < t.rowCount(); r++) {
            counts.merge(sites.get(r), 1, Integer::sum);
        }
        return counts;
    }
}
