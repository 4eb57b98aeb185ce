package org.modecollapselab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.modecollapselab.data.GaussianMixture1D.Component;
import org.modecollapselab.metric.ModeSet;
import org.modecollapselab.util.Check;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Real temperature readings (one row per reading, columns {@code site} and {@code temperature_c}).
 * As a {@link DataSource} it resamples the readings with replacement; its modes are one Gaussian per site,
 * fitted to that site's readings.
 */
public final class TemperatureReadings implements DataSource {
    private final Table table;
    private final double[] values;
    private final GaussianMixture1D fitted;

    TemperatureReadings(Table table) {
        this.table = table;
        DoubleColumn v = table.doubleColumn(TemperatureData.VALUE_COLUMN);
        this.values = v.asDoubleArray();
        StringColumn s = table.stringColumn(TemperatureData.SITE_COLUMN);
        List<Component> comps = new ArrayList<>();
        for (Map.Entry<String, Integer> e : TemperatureData.countsBySite(table).entrySet()) {
            if (e.getValue() < 2) {
                throw new IllegalArgumentException("site '" + e.getKey() + "' must have >= 2 readings to fit a mode, was "
                        + e.getValue());
            }
            DoubleColumn siteValues = v.where(s.isEqualTo(e.getKey()));
            double sd = siteValues.standardDeviation();
            if (!(sd > 0)) {
                throw new IllegalArgumentException("site '" + e.getKey()
                        + "' must have readings that differ (standard deviation > 0), was " + sd);
            }
            comps.add(new Component(e.getKey(), siteValues.mean(), sd, e.getValue() / (double) values.length));
        }
        // Shares computed from integer counts can miss 1 by rounding; renormalise the last one.
        double rest = 1 - comps.subList(0, comps.size() - 1).stream().mapToDouble(Component::weight).sum();
        Component last = comps.remove(comps.size() - 1);
        comps.add(new Component(last.name(), last.mean(), last.sd(), rest));
        this.fitted = new GaussianMixture1D(table.name(), comps);
    }

    /** The readings as a Tablesaw table. */
    public Table table() {
        return table.copy();
    }

    /** One Gaussian per site, fitted to the readings. */
    public GaussianMixture1D fittedMixture() {
        return fitted;
    }

    public double[] values() {
        return values.clone();
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public double[] sample(int n, RandomGenerator rng) {
        Check.atLeast("n", n, 1);
        Check.notNull("rng", rng);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = values[rng.nextInt(values.length)];
        }
        return out;
    }

    @Override
    public ModeSet modes() {
        return fitted.modes();
    }

    @Override
    public String name() {
        return table.name();
    }

    @Override
    public double[] mean() {
        return new double[] {table.doubleColumn(TemperatureData.VALUE_COLUMN).mean()};
    }

    @Override
    public double[] sd() {
        return new double[] {table.doubleColumn(TemperatureData.VALUE_COLUMN).standardDeviation()};
    }
}
