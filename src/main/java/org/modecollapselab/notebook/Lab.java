package org.modecollapselab.notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Set-up helpers for notebooks: which ND4J back end runs the training, and on how many threads. */
public final class Lab {
    private Lab() {
    }

    /**
     * A line describing the compute back end and the device, e.g. {@code "ND4J 1.0.0-M2.1 on CPU (nd4j-native), 1
     * OpenMP thread, …"} or {@code "ND4J 1.0.0-M2.1 on GPU (CUDA back end: NVIDIA A100-SXM4-40GB), …"}, followed by
     * the reason for the choice when the CUDA back end was built in ({@link GpuCheck}: e.g. why a Hopper GPU is not
     * used).
     */
    public static String backend() {
        boolean gpu = onGpu();
        int threads = Nd4j.getEnvironment().maxThreads();
        String note = System.getenv("MCL_BACKEND_NOTE");
        return "ND4J 1.0.0-M2.1 on " + (gpu ? "GPU (CUDA back end: " + gpuName() + ")" : "CPU (nd4j-native, "
                + Runtime.getRuntime().availableProcessors() + " cores visible)") + ", "
                + threads + " OpenMP thread" + (threads == 1 ? "" : "s") + ", Java " + Runtime.version().feature()
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB"
                + (note == null || note.isBlank() ? "" : ". Back end chosen at start-up: " + note);
    }

    /**
     * Whether ND4J runs on the GPU (the CUDA back end was built in and chosen at start-up): notebooks pick their
     * full-size settings with it, e.g. the full DCGAN where a GPU trains it and the small one on a CPU.
     */
    public static boolean onGpu() {
        String cls = Nd4j.getBackend().getClass().getSimpleName().toLowerCase(Locale.ROOT);
        return cls.contains("cuda") || cls.contains("jcublas");
    }

    /** The CUDA device's name as ND4J reports it, or "device unknown". */
    private static String gpuName() {
        try {
            Object info = Nd4j.getExecutioner().getEnvironmentInformation().get("cuda.devicesInformation");
            if (info instanceof List<?> list && !list.isEmpty()
                    && list.get(0) instanceof Map<?, ?> m && m.get("cuda.deviceName") != null) {
                return m.get("cuda.deviceName") + (list.size() > 1 ? " and " + (list.size() - 1) + " more" : "");
            }
        } catch (RuntimeException e) {
            // the name is a courtesy: the back end itself is what matters
        }
        return "device unknown";
    }

    /**
     * Prints {@link #backend()} and runs a 256×256 matrix product on it ({@code environment/gpu-check}): the back end
     * ND4J chose can run work.
     */
    public static void main(String[] args) {
        System.out.println(backend());
        INDArray a = Nd4j.rand(DataType.FLOAT, 256, 256);
        double sum = a.mmul(a).sumNumber().doubleValue();
        System.out.println("a 256×256 matrix product ran: sum " + (Double.isFinite(sum) ? "finite" : "NOT finite"));
    }

    /**
     * A path as a person reads it: relative to the project (the folder holding {@code pom.xml} and
     * {@code notebooks/} above the working directory), e.g. {@code figures/01-mode-timeline.png} for
     * {@code /home/me/lab/notebooks/../figures/01-mode-timeline.png}; outside the project, absolute and normalised.
     */
    public static String relative(Path path) {
        Path p = Check.notNull("path", path).toAbsolutePath().normalize();
        for (Path d = Path.of("").toAbsolutePath().normalize(); d != null;
             d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml"))
                    && Files.isDirectory(d.resolve("notebooks"))) {
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
