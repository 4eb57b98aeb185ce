package org.modecollapselab.objective;

import org.modecollapselab.util.Check;

/**
 * A loss of one row's output with its first two derivatives: the building block of the objectives whose losses are
 * means of per-row terms.
 */
public interface RowLoss {
    double value(double v);

    double derivative(double v);

    double curvature(double v);

    /**
     * The mean of this loss over {@code outputs}; writes each row's derivative of the mean (derivative / n) into
     * {@code gradient}.
     */
    default double mean(double[] outputs, double[] gradient) {
        int n = outputs.length;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            loss += value(outputs[i]) / n;
            gradient[i] = derivative(outputs[i]) / n;
        }
        return loss;
    }

    /** Each row's second derivative of the mean (curvature / n). */
    default void meanCurvature(double[] outputs, double[] curvature) {
        int n = outputs.length;
        for (int i = 0; i < n; i++) {
            curvature[i] = curvature(outputs[i]) / n;
        }
    }

    /** The loss of the negated function: −f. */
    default RowLoss negated() {
        RowLoss f = this;
        return new RowLoss() {
            @Override
            public double value(double v) {
                return -f.value(v);
            }

            @Override
            public double derivative(double v) {
                return -f.derivative(v);
            }

            @Override
            public double curvature(double v) {
                return -f.curvature(v);
            }
        };
    }

    /** f(v) = s·v (a linear loss: no curvature). */
    static RowLoss linear(double s) {
        Check.finite("s", s);
        return new RowLoss() {
            @Override
            public double value(double v) {
                return s * v;
            }

            @Override
            public double derivative(double v) {
                return s;
            }

            @Override
            public double curvature(double v) {
                return 0;
            }
        };
    }
}
