package org.modecollapselab.metric;

import java.util.Locale;
import org.modecollapselab.util.Check;

/** A one-word summary of mode coverage. */
public enum Verdict {
    /** Every mode is covered. */
    COVERED,
    /** More than one mode but not all are covered. */
    PARTIAL_COLLAPSE,
    /** At most one mode is covered although the data have several. */
    COMPLETE_COLLAPSE;

    /** The verdict for {@code covered} of {@code modes} modes covered. */
    public static Verdict of(int covered, int modes) {
        Check.atLeast("modes", modes, 1);
        if (covered < 0 || covered > modes) {
            throw new IllegalArgumentException("covered must be in [0, " + modes + "] (0 to modes), was " + covered);
        }
        if (covered == modes) {
            return COVERED;
        }
        return covered <= 1 ? COMPLETE_COLLAPSE : PARTIAL_COLLAPSE;
    }

    /** "covered", "partial collapse", "complete collapse". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
