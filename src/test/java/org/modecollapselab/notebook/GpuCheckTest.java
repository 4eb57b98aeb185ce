package org.modecollapselab.notebook;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The back-end decision on nvidia-smi answers as real machines give them (no GPU is needed). */
class GpuCheckTest {
    static final String H100 = "9.0, NVIDIA H100 80GB HBM3\n";
    static final String A100 = "8.0, NVIDIA A100-SXM4-40GB\n";
    /** nvidia-smi's answer (exit code 0) on the H200 this project's device runs lent (driver 580.159.04). */
    static final String H200_RECORDED = "9.0, NVIDIA H200\n";

    @Test
    void supportedComputeCapabilitiesAreThoseOfTheBinaries() {
        assertTrue(GpuCheck.supported(3, 7));
        assertFalse(GpuCheck.supported(3, 5));
        assertTrue(GpuCheck.supported(5, 2));
        assertTrue(GpuCheck.supported(7, 5));
        assertTrue(GpuCheck.supported(8, 6));
        assertTrue(GpuCheck.supported(8, 9), "Ada runs sm_86 code");
        assertFalse(GpuCheck.supported(9, 0), "Hopper: no machine code and no PTX");
        assertFalse(GpuCheck.supported(10, 0));
    }

    @Test
    void aSupportedGpuUsesCuda() {
        GpuCheck.Decision d = GpuCheck.decide(true, 0, A100, null);
        assertTrue(d.gpu());
        assertFalse(d.fallBack());
        assertEquals("CUDA back end (nd4j-cuda-11.6) on GPU 0, NVIDIA A100-SXM4-40GB (compute capability 8.0)",
                d.message());
        assertTrue(GpuCheck.decide(true, 0, "8.9, NVIDIA GeForce RTX 4090\n3.7, Tesla K80", null).gpu());
    }

    @Test
    void hopperFallsBackToTheCpuSayingWhy() {
        GpuCheck.Decision d = GpuCheck.decide(true, 0, H100, null);
        assertFalse(d.gpu());
        assertTrue(d.fallBack());
        assertTrue(d.message().contains("GPU 0, NVIDIA H100 80GB HBM3 (compute capability 9.0), is not supported by "
                + "ND4J 1.0.0-M2.1's CUDA 11.6 binaries") && d.message().contains("using the CPU back end"),
                d.message());
        assertEquals("export BACKEND_PRIORITY_CPU=200\nexport MCL_BACKEND_NOTE='" + d.message().replace("'", "'\\''")
                + "'\n", GpuCheck.shell(d, Map.of()));
    }

    @Test
    void theAnswerRecordedOnAnH200FallsBack() {
        GpuCheck.Decision d = GpuCheck.decide(true, 0, H200_RECORDED, null);
        assertTrue(d.fallBack());
        assertTrue(d.message().startsWith("GPU 0, NVIDIA H200 (compute capability 9.0), is not supported"), d.message());
    }

    @Test
    void oneUnsupportedVisibleGpuIsEnoughToFallBackAndVisibleDevicesSelect() {
        String mixed = A100 + H100;
        GpuCheck.Decision both = GpuCheck.decide(true, 0, mixed, null);
        assertTrue(both.fallBack());
        assertTrue(both.message().contains("CUDA_VISIBLE_DEVICES can select the supported GPUs"), both.message());
        assertTrue(GpuCheck.decide(true, 0, mixed, "0").gpu());
        assertTrue(GpuCheck.decide(true, 0, mixed, "1").fallBack());
        GpuCheck.Decision none = GpuCheck.decide(true, 0, mixed, "");
        assertTrue(none.fallBack());
        assertTrue(none.message().contains("hides every GPU"), none.message());
        // UUIDs cannot be matched to nvidia-smi's order: every GPU is judged.
        assertTrue(GpuCheck.decide(true, 0, mixed, "GPU-8f2a").fallBack());
    }

    @Test
    void noDriverAnOldDriverAndAFailingDriverFallBack() {
        GpuCheck.Decision missing = GpuCheck.decide(true, -1, "Cannot run program \"nvidia-smi\"", null);
        assertTrue(missing.fallBack());
        assertTrue(missing.message().startsWith("no NVIDIA driver found"), missing.message());
        GpuCheck.Decision old = GpuCheck.decide(true, 2, "Field \"compute_cap\" is not a valid field to query.\n",
                null);
        assertTrue(old.fallBack());
        assertTrue(old.message().contains("too old to report compute capabilities"), old.message());
        GpuCheck.Decision failing = GpuCheck.decide(true, 9, "NVIDIA-SMI has failed because it couldn't communicate "
                + "with the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.\n", null);
        assertTrue(failing.fallBack());
        assertTrue(failing.message().contains("exit code 9 (NVIDIA-SMI has failed"), failing.message());
        assertTrue(GpuCheck.decide(true, 0, "", null).message().contains("lists no GPU"));
        assertTrue(GpuCheck.decide(true, 0, "N/A, weird\n", null).message().contains("could not read"));
    }

    @Test
    void withoutTheCudaBackEndNothingChanges() {
        GpuCheck.Decision d = GpuCheck.decide(false, 0, H100, null);
        assertFalse(d.gpu());
        assertFalse(d.fallBack());
        assertFalse(GpuCheck.shell(d, Map.of()).contains("BACKEND_PRIORITY"));
        assertFalse(GpuCheck.cudaOnClassPath(), "the tests run on the CPU build");
    }

    @Test
    void theUsersOwnPrioritiesAreLeftAlone() {
        String s = GpuCheck.shell(GpuCheck.decide(true, 0, H100, null), Map.of("BACKEND_PRIORITY_GPU", "500"));
        assertFalse(s.contains("export BACKEND_PRIORITY_CPU"));
        assertTrue(s.contains("ND4J follows them"));
    }

    @Test
    void theShellLinesSurviveQuotesWhenEvaluated() throws IOException, InterruptedException {
        GpuCheck.Decision d = GpuCheck.decide(true, 0, "9.0, Jo's \"odd\" GPU $HOME `x`\n", null);
        Process p = new ProcessBuilder("bash", "-c", "eval \"$(cat)\"; printf '%s|%s' \"$BACKEND_PRIORITY_CPU\" "
                + "\"$MCL_BACKEND_NOTE\"").start();
        p.getOutputStream().write(GpuCheck.shell(d, Map.of()).getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals("200|" + d.message(), out);
    }

    @Test
    void parsesNvidiaSmiLines() {
        List<GpuCheck.Gpu> g = GpuCheck.parse("8.6, NVIDIA GeForce RTX 3090\n\n9.0, NVIDIA H200\n");
        assertEquals(2, g.size());
        assertEquals(new GpuCheck.Gpu(1, "NVIDIA H200", 9, 0), g.get(1));
    }
}
