package org.modecollapselab.notebook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.modecollapselab.util.Check;

/**
 * Chooses ND4J's back end before ND4J loads, from what {@code nvidia-smi} says about the GPUs.
 *
 * <p>ND4J picks the back end with the highest priority among those on the class path: the environment variables
 * {@code BACKEND_PRIORITY_GPU} (default 100) and {@code BACKEND_PRIORITY_CPU} (default 0), read once when ND4J
 * loads ({@code Nd4jBackend}). ND4J 1.0.0-M2.1's CUDA 11.6 binaries carry machine code for compute capabilities 3.7
 * to 8.6 and no PTX, so a newer GPU (Hopper, compute capability 9.0: H100, H200) would fail deep inside the first
 * kernel launch. Where the CUDA back end is on the class path but a visible GPU cannot run it — or there is no GPU or
 * driver at all — this check says so and sets {@code BACKEND_PRIORITY_CPU} above the GPU's, so ND4J starts on the
 * CPU. It uses only the JDK (it runs before ND4J may load).
 *
 * <p>{@code environment/choose-backend} runs {@code java … GpuCheck --shell} before the kernel, the study and the
 * classifier training start, and {@code eval}s its output: {@code export} lines for {@code BACKEND_PRIORITY_CPU} and
 * {@code MCL_BACKEND_NOTE} (the message {@link Lab#backend()} prints). {@code GpuCheck} alone prints the message.
 */
public final class GpuCheck {
    /** The query this check runs. */
    public static final List<String> QUERY = List.of("nvidia-smi", "--query-gpu=compute_cap,name",
            "--format=csv,noheader");
    /** The CPU priority set to fall back: above the GPU's default of 100. */
    public static final int CPU_FIRST = 200;

    private GpuCheck() {
    }

    /**
     * One GPU as nvidia-smi lists it.
     *
     * @param index its index in nvidia-smi's list (what {@code CUDA_VISIBLE_DEVICES} names)
     * @param major compute capability, major
     * @param minor compute capability, minor
     */
    public record Gpu(int index, String name, int major, int minor) {
        public Gpu {
            Check.atLeast("index", index, 0);
            Check.notNull("name", name);
            Check.atLeast("major", major, 0);
            Check.atLeast("minor", minor, 0);
        }

        /** "NVIDIA A100 (compute capability 8.0)". */
        public String describe() {
            return name + " (compute capability " + major + "." + minor + ")";
        }
    }

    /**
     * The outcome.
     *
     * @param gpu     whether ND4J should use the CUDA back end
     * @param fallBack whether the CPU must be put first (the CUDA back end is on the class path but not to be used)
     * @param message one line for the user: which back end, on which device, and why
     */
    public record Decision(boolean gpu, boolean fallBack, String message) {
        public Decision {
            Check.notNull("message", message);
        }
    }

    /**
     * Whether ND4J 1.0.0-M2.1's CUDA 11.6 binaries run on a GPU of this compute capability: they hold machine code
     * for sm_37 up to sm_86 (Kepler's 3.7, Maxwell, Pascal, Volta, Turing, Ampere), which runs on GPUs of the same
     * major version and an equal or higher minor version (8.9, Ada, runs sm_86 code); without PTX nothing runs on a
     * newer major version (9.0, Hopper) or on 3.0–3.5.
     */
    public static boolean supported(int major, int minor) {
        Check.atLeast("major", major, 0);
        Check.atLeast("minor", minor, 0);
        return major == 3 ? minor >= 7 : major >= 5 && major <= 8;
    }

    /** The GPUs in nvidia-smi's CSV answer ({@code "8.6, NVIDIA GeForce RTX 3090"} per line). */
    public static List<Gpu> parse(String csv) {
        Check.notNull("csv", csv);
        List<Gpu> out = new ArrayList<>();
        int index = 0;
        for (String line : csv.split("\\R")) {
            String l = line.trim();
            if (l.isEmpty()) {
                continue;
            }
            String[] p = l.split(",", 2);
            String[] cc = p[0].trim().split("\\.");
            try {
                int major = Integer.parseInt(cc[0].trim());
                int minor = cc.length > 1 ? Integer.parseInt(cc[1].trim()) : 0;
                out.add(new Gpu(index, p.length > 1 ? p[1].trim() : "GPU " + index, major, minor));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("nvidia-smi's answer must start each line with a compute "
                        + "capability such as 8.6, was '" + l + "'");
            }
            index++;
        }
        return out;
    }

    /**
     * The decision.
     *
     * @param cudaOnClassPath whether the CUDA back end was built in ({@code MCL_BACKEND=cuda})
     * @param exitCode        nvidia-smi's exit code; −1 when it could not be run (no driver)
     * @param output          what it printed (standard output and error)
     * @param visibleDevices  {@code CUDA_VISIBLE_DEVICES} (null when not set)
     */
    public static Decision decide(boolean cudaOnClassPath, int exitCode, String output, String visibleDevices) {
        Check.notNull("output", output);
        if (!cudaOnClassPath) {
            return new Decision(false, false, "CPU back end (nd4j-native): the library was built without the CUDA "
                    + "back end (MCL_BACKEND=cuda builds it)");
        }
        String cpu = "; using the CPU back end instead (nd4j-native)";
        if (exitCode == -1) {
            return new Decision(false, true, "no NVIDIA driver found (nvidia-smi cannot be run)" + cpu);
        }
        if (exitCode != 0) {
            String first = output.strip().lines().findFirst().orElse("no message");
            String why = output.contains("compute_cap") || output.toLowerCase(Locale.ROOT).contains("not a valid field")
                    ? "the NVIDIA driver is too old to report compute capabilities (nvidia-smi: " + first + ")"
                    : "nvidia-smi failed with exit code " + exitCode + " (" + first + ")";
            return new Decision(false, true, why + cpu);
        }
        List<Gpu> all;
        try {
            all = parse(output);
        } catch (IllegalArgumentException e) {
            return new Decision(false, true, "could not read nvidia-smi's answer (" + e.getMessage() + ")" + cpu);
        }
        List<Gpu> visible = visible(all, visibleDevices);
        if (visible.isEmpty()) {
            return new Decision(false, true, (all.isEmpty() ? "nvidia-smi lists no GPU"
                    : "CUDA_VISIBLE_DEVICES=" + visibleDevices + " hides every GPU") + cpu);
        }
        List<String> bad = new ArrayList<>();
        for (Gpu g : visible) {
            if (!supported(g.major(), g.minor())) {
                bad.add("GPU " + g.index() + ", " + g.describe());
            }
        }
        if (!bad.isEmpty()) {
            boolean someGood = all.stream().anyMatch(g -> supported(g.major(), g.minor()));
            return new Decision(false, true, String.join("; ", bad) + (bad.size() == 1 ? ", is" : ", are")
                    + " not supported by ND4J 1.0.0-M2.1's CUDA 11.6 binaries (machine code for compute capability "
                    + "3.7 to 8.6, no PTX)" + cpu + (someGood ? "; CUDA_VISIBLE_DEVICES can select the supported GPUs"
                    : ""));
        }
        Gpu first = visible.get(0);
        return new Decision(true, false, "CUDA back end (nd4j-cuda-11.6) on GPU " + first.index() + ", "
                + first.describe() + (visible.size() > 1 ? ", and " + (visible.size() - 1) + " more" : ""));
    }

    private static List<Gpu> visible(List<Gpu> all, String visibleDevices) {
        if (visibleDevices == null) {
            return all;
        }
        String v = visibleDevices.trim();
        if (v.isEmpty() || v.equals("-1") || v.equalsIgnoreCase("none")) {
            return List.of();
        }
        List<Gpu> out = new ArrayList<>();
        for (String id : v.split(",")) {
            String t = id.trim();
            if (!t.matches("\\d+")) {
                return all;   // UUIDs or MIG names: nvidia-smi's own order cannot be matched; judge every GPU
            }
            int i = Integer.parseInt(t);
            all.stream().filter(g -> g.index() == i).findFirst().ifPresent(out::add);
        }
        return out;
    }

    /** The shell lines {@code environment/choose-backend} evaluates. */
    public static String shell(Decision d, Map<String, String> env) {
        Check.notNull("d", d);
        Check.notNull("env", env);
        StringBuilder sb = new StringBuilder();
        String message = d.message();
        if (d.fallBack()) {
            if (env.containsKey("BACKEND_PRIORITY_CPU") || env.containsKey("BACKEND_PRIORITY_GPU")) {
                message += " — but BACKEND_PRIORITY_CPU/BACKEND_PRIORITY_GPU are set, and ND4J follows them";
            } else {
                sb.append("export BACKEND_PRIORITY_CPU=").append(CPU_FIRST).append('\n');
            }
        }
        sb.append("export MCL_BACKEND_NOTE=").append(quote(message)).append('\n');
        return sb.toString();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Whether the CUDA back end is on the class path (looked up without loading it). */
    public static boolean cudaOnClassPath() {
        return GpuCheck.class.getClassLoader().getResource("org/nd4j/linalg/jcublas/JCublasBackend.class") != null;
    }

    /** Runs nvidia-smi: {exit code (−1: could not run), output}. */
    static Object[] runNvidiaSmi() {
        try {
            Process p = new ProcessBuilder(QUERY).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Object[] {124, "nvidia-smi did not answer within 20 s"};
            }
            return new Object[] {p.exitValue(), out};
        } catch (IOException e) {
            return new Object[] {-1, e.getMessage() == null ? "" : e.getMessage()};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Object[] {-1, "interrupted"};
        }
    }

    /** The decision on this machine (runs nvidia-smi when the CUDA back end is on the class path). */
    public static Decision onThisMachine() {
        if (!cudaOnClassPath()) {
            return decide(false, 0, "", null);
        }
        Object[] r = runNvidiaSmi();
        return decide(true, (Integer) r[0], (String) r[1], System.getenv("CUDA_VISIBLE_DEVICES"));
    }

    /** {@code GpuCheck} prints the decision; {@code GpuCheck --shell} prints the lines to {@code eval}. */
    public static void main(String[] args) {
        Check.noNulls("args", args);
        Decision d = onThisMachine();
        if (args.length > 0 && args[0].equals("--shell")) {
            System.out.print(shell(d, System.getenv()));
        } else {
            System.out.println(d.message());
        }
    }
}
