package org.modecollapselab.notebook;

import org.nd4j.linalg.factory.Nd4j;

/** Set-up helpers for notebooks: which ND4J back end runs the training, and on how many threads. */
public final class Lab {
    private Lab() {
    }

    /**
     * A line describing the compute back end, e.g. {@code "ND4J 1.0.0-M2.1 on CPU (nd4j-native), 1 OpenMP thread"},
     * or the GPU when the CUDA back end is on the class path.
     */
    public static String backend() {
        String cls = Nd4j.getBackend().getClass().getSimpleName();
        boolean gpu = cls.toLowerCase(java.util.Locale.ROOT).contains("cuda")
                || cls.toLowerCase(java.util.Locale.ROOT).contains("jcublas");
        int threads = Nd4j.getEnvironment().maxThreads();
        return "ND4J 1.0.0-M2.1 on " + (gpu ? "GPU (CUDA back end)" : "CPU (nd4j-native)") + ", "
                + threads + " OpenMP thread" + (threads == 1 ? "" : "s") + ", Java " + Runtime.version().feature()
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB";
    }

    /**
     * A path as a person reads it: relative to the project (the folder holding {@code pom.xml} and
     * {@code notebooks/} above the working directory), e.g. {@code figures/01-mode-timeline.png} for
     * {@code /home/me/lab/notebooks/../figures/01-mode-timeline.png}; outside the project, absolute and normalised.
     */
    public static String relative(java.nio.file.Path path) {
        java.nio.file.Path p = org.modecollapselab.util.Check.notNull("path", path).toAbsolutePath().normalize();
        for (java.nio.file.Path d = java.nio.file.Path.of("").toAbsolutePath().normalize(); d != null;
             d = d.getParent()) {
            if (java.nio.file.Files.isRegularFile(d.resolve("pom.xml"))
                    && java.nio.file.Files.isDirectory(d.resolve("notebooks"))) {
                return p.startsWith(d) ? d.relativize(p).toString() : p.toString();
            }
        }
        return p.toString();
    }

    /** Whether the notebooks should use their quick settings (environment variable {@code MCL_QUICK=1}). */
    public static boolean quick() {
        return "1".equals(System.getenv("MCL_QUICK"));
    }
}
