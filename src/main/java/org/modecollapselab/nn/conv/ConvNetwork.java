package org.modecollapselab.nn.conv;

import java.util.Arrays;
import org.modecollapselab.nn.Network;
import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the DCGAN networks share: all parameters in one flat vector and all gradients in another, carved into
 * per-layer {@link Slot}s (live views), so that one optimiser op updates a network and one copy snapshots it; and
 * the checks of their inputs.
 */
abstract class ConvNetwork implements Network {
    /** One block of a network's parameters and its gradient accumulator, both live views of the flat vectors. */
    record Slot(INDArray value, INDArray gradient) {
        /** The gradient accumulator, or null when a backward pass does not accumulate. */
        INDArray gradientIf(boolean accumulate) {
            return accumulate ? gradient : null;
        }
    }

    private final DataType dataType;
    private final INDArray params;
    private final INDArray grads;
    private long carved;

    /** A network over {@code params} (its flat parameter vector, kept), with gradients starting at zero. */
    ConvNetwork(DataType dataType, INDArray params) {
        this.dataType = dataType;
        this.params = params;
        this.grads = Nd4j.zeros(dataType, params.length());
    }

    /** The flat parameter vector of a new network: {@code initial} in {@code dataType}. */
    static INDArray flat(double[] initial, DataType dataType) {
        return Nd4j.create(initial, new long[] {initial.length}, checkDataType(dataType));
    }

    /** The next block of the flat vectors, with {@code shape} (row-major). */
    final Slot slot(long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        Slot s = new Slot(ConvOps.view(params, carved, shape), ConvOps.view(grads, carved, shape));
        carved += n;
        return s;
    }

    /** Asserts that the slots cover the flat vectors exactly (call at the end of the constructor). */
    final void allCarved() {
        if (carved != params.length()) {
            throw new IllegalStateException("the layers hold " + carved + " parameters, the flat vector "
                    + params.length());
        }
    }

    @Override
    public final DataType dataType() {
        return dataType;
    }

    @Override
    public final long parameterCount() {
        return params.length();
    }

    @Override
    public final INDArray parameters() {
        return params;
    }

    @Override
    public final INDArray gradients() {
        return grads;
    }

    @Override
    public final void copyFrom(Network other) {
        if (other == null || other.getClass() != getClass() || !other.describe().equals(describe())) {
            throw new IllegalArgumentException("other must be a " + describe() + ", was "
                    + (other == null ? "null" : other.describe()));
        }
        params.assign(other.parameters());
    }

    @Override
    public final String toString() {
        return describe();
    }

    /** Refuses an image side that two stride-2 layers cannot halve twice. */
    static int checkImageSize(int imageSize) {
        if (imageSize < 8 || imageSize % 4 != 0) {
            throw new IllegalArgumentException("imageSize must be a multiple of 4 and >= 8 (two stride-2 layers), was "
                    + imageSize);
        }
        return imageSize;
    }

    static DataType checkDataType(DataType dataType) {
        Check.notNull("dataType", dataType);
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("dataType must be FLOAT or DOUBLE, was " + dataType);
        }
        return dataType;
    }

    /** Refuses a parameter count a Java array cannot hold. */
    static int checkCount(long count) {
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter count must be <= " + Integer.MAX_VALUE + ", was " + count);
        }
        return (int) count;
    }

    /** Refuses an input that is not [rows &gt;= minRows, width] of this network's data type. */
    final void checkInput(INDArray x, int width, int minRows) {
        checkInput("x", x, width, minRows);
    }

    /** {@code x} (the parameter {@code name}) is [batch, width] with at least {@code minRows} rows. */
    final void checkInput(String name, INDArray x, int width, int minRows) {
        Check.notNull(name, x);
        if (x.rank() != 2 || x.columns() != width) {
            throw new IllegalArgumentException(name + " must have shape [batch, " + width + "], was "
                    + Arrays.toString(x.shape()));
        }
        if (x.rows() < minRows) {
            throw new IllegalArgumentException(name + " must have >= " + minRows + " rows"
                    + (minRows > 1 ? " for batch normalisation" : "") + ", was " + x.rows());
        }
        if (x.dataType() != dataType) {
            throw new IllegalArgumentException("x must have data type " + dataType + ", was " + x.dataType());
        }
    }

    /** Refuses a gradient that is not [rows, cols]. */
    static void checkGradient(String name, INDArray gradient, long rows, long cols) {
        Check.notNull(name, gradient);
        if (gradient.rank() != 2 || gradient.rows() != rows || gradient.columns() != cols) {
            throw new IllegalArgumentException(name + " must have shape [" + rows + ", " + cols + "], was "
                    + Arrays.toString(gradient.shape()));
        }
    }

    /** The pass as {@code type}, or a refusal naming {@code network}. */
    static <P extends Network.Pass> P own(Network.Pass pass, Class<P> type, String network) {
        if (!type.isInstance(pass)) {
            throw new IllegalArgumentException("pass must come from a " + network + "'s forward(), was "
                    + (pass == null ? "null" : pass.getClass().getSimpleName()));
        }
        return type.cast(pass);
    }
}
