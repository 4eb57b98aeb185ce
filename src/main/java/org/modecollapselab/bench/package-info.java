/** Benchmark entry points for {@code environment/bench} (timings never belong in tests). */
package org.modecollapselab.bench;
