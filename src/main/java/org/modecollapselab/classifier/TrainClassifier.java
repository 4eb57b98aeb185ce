package org.modecollapselab.classifier;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.modecollapselab.data.mnist.Mnist;
import org.modecollapselab.data.mnist.MnistDigits;
import org.modecollapselab.data.mnist.MnistSplit;
import org.modecollapselab.util.Check;

/**
 * The {@code environment/train-classifier} command: trains the digit classifier and stores it with the accuracy it
 * reached on digits it did not train on.
 *
 * <p>{@code TrainClassifier [--epochs N] [--shift P] [--seed S] [--out FILE.zip]}. The data come from
 * {@link Mnist#obtain} (the data setting, the cache, or a download of the full MNIST). With the training split it
 * trains on the 60,000 training digits and is scored on the 10,000 test digits; with only the test split (offline,
 * CI's shared folder) it trains on 8,000 test digits and is scored on the other 2,000, a fixed split
 * ({@link MnistDigits#holdOut}, seed {@value #HOLD_OUT_SEED}). The default output is the library's stored
 * classifier, {@code src/main/resources/org/modecollapselab/classifier/digit-classifier.zip}.
 */
public final class TrainClassifier {
    /** The seed of the fixed held-out split used when only the test split is at hand. */
    public static final long HOLD_OUT_SEED = 20_240_509L;
    /** Test digits held out when only the test split is at hand. */
    public static final int HELD_OUT = 2000;

    private TrainClassifier() {
    }

    public static void main(String[] args) {
        Check.noNulls("args", args);
        int epochs = 12;
        int shift = 2;
        long seed = 1;
        Path out = Path.of("src/main/resources/org/modecollapselab/classifier/digit-classifier.zip");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println("options: --epochs N (default 12) --shift P (random shifts up to P pixels, default "
                        + "2) --seed S (default 1) --out FILE.zip (default " + out + ")");
                return;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--epochs" -> epochs = integer(a, v);
                case "--shift" -> shift = integer(a, v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--out" -> out = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + a + " (try --help)");
            }
        }
        MnistDigits all = Mnist.obtain();
        Path folder = Mnist.configuredDir().flatMap(Mnist::folderIn)
                .orElse(Mnist.cacheDir().resolve("mnist"));
        boolean full = Mnist.splitsIn(folder).contains(MnistSplit.TRAIN);
        MnistDigits train;
        MnistDigits test;
        if (full) {
            train = Mnist.load(folder, MnistSplit.TRAIN);
            test = Mnist.load(folder, MnistSplit.TEST);
        } else {
            MnistDigits.Split split = all.holdOut(HELD_OUT, HOLD_OUT_SEED);
            train = split.train();
            test = split.heldOut();
        }
        System.err.printf(Locale.ROOT, "training on %s, %d epochs, shifts up to %d px, seed %d; scoring on %s%n",
                train.name(), epochs, shift, seed, test.name());
        long t0 = System.nanoTime();
        final MnistDigits scoreOn = test;
        DigitClassifier c = DigitClassifier.train(train, epochs, shift, seed, e -> { });
        double acc = c.accuracy(scoreOn);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Properties info = new Properties();
        info.setProperty("accuracy", String.format(Locale.ROOT, "%.4f", acc));
        info.setProperty("evaluated_on", String.format(Locale.ROOT, "%,d %s", test.size(), full
                ? "MNIST test digits" : "held-out MNIST test digits"));
        info.setProperty("trained_on", String.format(Locale.ROOT, "%,d %s", train.size(), full
                ? "MNIST training digits" : "other MNIST test digits"));
        info.setProperty("epochs", Integer.toString(epochs));
        info.setProperty("max_shift_pixels", Integer.toString(shift));
        info.setProperty("seed", Long.toString(seed));
        info.setProperty("parameters", Long.toString(c.parameterCount()));
        info.setProperty("train_seconds", String.format(Locale.ROOT, "%.0f", seconds));
        info.setProperty("command", "environment/train-classifier --epochs " + epochs + " --shift " + shift
                + " --seed " + seed);
        if (!full) {
            info.setProperty("held_out_split", "MnistDigits.holdOut(" + HELD_OUT + ", " + HOLD_OUT_SEED + ")");
        }
        c = c.withInfo(info);
        c.save(out);
        System.out.printf(Locale.ROOT, "accuracy %.2f%% on %s (trained on %s, %.0f s); wrote %s%n", 100 * acc,
                info.getProperty("evaluated_on"), info.getProperty("trained_on"), seconds, out.toAbsolutePath());
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, was '" + value + "'");
        }
    }
}
