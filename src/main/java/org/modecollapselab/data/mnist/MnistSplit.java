package org.modecollapselab.data.mnist;

import java.util.List;

/**
 * The two splits of MNIST and their published files. The SHA-256 sums and sizes are those of the original
 * distribution, as TensorFlow Datasets' checksums for {@code mnist} list them (the same sums as
 * {@code ../shared/data/mnist/SHA256SUMS} for the test split).
 */
public enum MnistSplit {
    /** 60,000 training digits. */
    TRAIN("training", 60_000,
            new MnistFile("train-images-idx3-ubyte.gz", 9_912_422,
                    "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
            new MnistFile("train-labels-idx1-ubyte.gz", 28_881,
                    "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c")),
    /** 10,000 test digits. */
    TEST("test", 10_000,
            new MnistFile("t10k-images-idx3-ubyte.gz", 1_648_877,
                    "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
            new MnistFile("t10k-labels-idx1-ubyte.gz", 4_542,
                    "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"));

    private final String label;
    private final int digits;
    private final MnistFile images;
    private final MnistFile labels;

    MnistSplit(String label, int digits, MnistFile images, MnistFile labels) {
        this.label = label;
        this.digits = digits;
        this.images = images;
        this.labels = labels;
    }

    /** "training" or "test". */
    public String label() {
        return label;
    }

    /** Digits in the published split. */
    public int digits() {
        return digits;
    }

    /** The images file. */
    public MnistFile images() {
        return images;
    }

    /** The labels file. */
    public MnistFile labels() {
        return labels;
    }

    /** Images and labels files. */
    public List<MnistFile> files() {
        return List.of(images, labels);
    }

    /** Every published file, training split first. */
    public static List<MnistFile> allFiles() {
        return List.of(TRAIN.images, TRAIN.labels, TEST.images, TEST.labels);
    }
}
