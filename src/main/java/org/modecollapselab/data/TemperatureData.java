package org.modecollapselab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.modecollapselab.data.GaussianMixture1D.Component;
import org.modecollapselab.util.Check;
import org.modecollapselab.util.Csv;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

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
        Check.notNull("mixture", mixture);
        Check.atLeast("n", n, 1);
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
     * <p>Every value is taken as written: a site code {@code NA} is a site, a value {@code NaN} or {@code NA} is
     * not a number. A UTF-8 byte-order mark, quoted fields and {@code ;} or tab as the delimiter are understood.
     *
     * @throws IllegalArgumentException naming the file when it is missing, not UTF-8 text (a binary file), empty,
     *                                  lacks a column, has no readings, or has malformed rows — every one of them
     *                                  listed with its line number and content (a row with too many or too few
     *                                  fields, an empty site, a value that is not a finite number) — or a site with
     *                                  fewer than 2 readings
     */
    public static TemperatureReadings readCsv(Path csv) {
        Csv.Table t = Csv.read("csv", csv);
        for (String col : List.of(SITE_COLUMN, VALUE_COLUMN)) {
            if (t.column(col) < 0) {
                throw new IllegalArgumentException("csv must have a column '" + col + "', found " + t.header()
                        + " in the header of " + csv + (t.header().size() == 1 ? " (is the delimiter ',', ';' or a "
                        + "tab?)" : ""));
            }
        }
        Check.distinct("csv's header", t.header(), "column name", h -> h);
        if (t.rows().isEmpty()) {
            throw new IllegalArgumentException("csv must have at least 1 reading below its header, was " + csv
                    + ": a header but no readings");
        }
        int siteCol = t.column(SITE_COLUMN);
        int valueCol = t.column(VALUE_COLUMN);
        StringColumn sites = StringColumn.create(SITE_COLUMN);
        DoubleColumn values = DoubleColumn.create(VALUE_COLUMN);
        List<String> problems = new ArrayList<>();
        for (Csv.Row row : t.rows()) {
            String site = row.fields().get(siteCol).trim();
            String v = row.fields().get(valueCol).trim();
            Double x = Csv.number(v);
            if (site.isEmpty()) {
                problems.add("line " + row.line() + ": '" + SITE_COLUMN + "' is empty: " + Csv.quote(row.text()));
            } else if (x == null || !Double.isFinite(x)) {
                problems.add("line " + row.line() + ": '" + VALUE_COLUMN + "' is '" + v + "', not a finite number"
                        + (v.matches("[+-]?\\d+,\\d+") ? " (a decimal comma? write 35.5)" : "") + ": "
                        + Csv.quote(row.text()));
            } else {
                sites.append(site);
                values.append(x);
            }
        }
        if (!problems.isEmpty()) {
            throw Csv.malformed("csv", csv, "every row must name a site in '" + SITE_COLUMN + "' and hold a finite "
                    + "number (°C) in '" + VALUE_COLUMN + "'", problems);
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
