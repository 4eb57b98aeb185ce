package org.modecollapselab.data.mnist;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find the real MNIST test split: {@code MCL_DATA_DIR} (CI and {@code environment/test} set it to
 * {@code ../shared/data}), else {@code ../shared/data} beside the project. Test classes that need it are annotated
 * {@link NeedsMnist}: skipped with one line without the data, never skipped in CI.
 */
public final class TestData {
    private TestData() {
    }

    /** The folder holding t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz. */
    public static Path mnistDir() {
        Path dir = find();
        if (dir == null) {
            throw new IllegalStateException(missingMessage());
        }
        return dir;
    }

    /** Whether the test split is there. */
    public static boolean available() {
        return find() != null;
    }

    /** What is missing and which setting to give. */
    public static String missingMessage() {
        return "the MNIST tests need the real test split: set MCL_DATA_DIR to a folder whose mnist/ folder holds "
                + "t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz (CI: ../shared/data); MCL_DATA_DIR is "
                + System.getenv("MCL_DATA_DIR");
    }

    private static Path find() {
        String env = System.getenv("MCL_DATA_DIR");
        for (Path base : env == null || env.isBlank() ? new Path[] {Path.of("..", "shared", "data")}
                : new Path[] {Path.of(env), Path.of("..", "shared", "data")}) {
            if (Files.isRegularFile(base.resolve("mnist").resolve("t10k-images-idx3-ubyte.gz"))) {
                return base.resolve("mnist").toAbsolutePath();
            }
        }
        return null;
    }

    private static MnistDigits test;

    /** The 10,000 test digits, loaded once. */
    public static synchronized MnistDigits testDigits() {
        if (test == null) {
            test = Mnist.load(mnistDir(), MnistSplit.TEST);
        }
        return test;
    }
}
