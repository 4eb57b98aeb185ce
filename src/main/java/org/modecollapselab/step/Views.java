package org.modecollapselab.step;

import org.modecollapselab.config.GanConfig;
import org.modecollapselab.nn.Network;
import org.modecollapselab.util.Check;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** What hooks see of a step ({@link StepContext}) and of its two phases: views over the step's own arrays. */
final class Views {
    private Views() {
    }

    /** What every hook sees of a step; the phases add their batches and passes. */
    static class Context implements StepContext {
        private final int step;
        private final GanConfig config;
        private final Network generator;
        private final Network discriminator;

        Context(int step, GanConfig config, Network generator, Network discriminator) {
            this.step = step;
            this.config = config;
            this.generator = generator;
            this.discriminator = discriminator;
        }

        Context(Context context) {
            this(context.step, context.config, context.generator, context.discriminator);
        }

        @Override
        public int step() {
            return step;
        }

        @Override
        public GanConfig config() {
            return config;
        }

        @Override
        public Network generator() {
            return generator;
        }

        @Override
        public Network discriminator() {
            return discriminator;
        }
    }

    /** One D update, after D's objective gradient and before D's optimiser step. */
    static final class Discriminator extends Context implements DiscriminatorPhase {
        private final int update;
        private final INDArray real;
        private final INDArray fake;
        private final int[] realLabels;
        private final int[] fakeLabels;
        private final INDArray latent;
        private final Network.Pass pass;
        private final INDArray outputGradient;
        private final InputTransform.Applied[] realSeen;
        private final InputTransform.Applied[] fakeSeen;
        private INDArray inputGradient;

        Discriminator(Context context, int update, INDArray real, INDArray fake, int[] realLabels, int[] fakeLabels,
                      INDArray latent, Network.Pass pass, INDArray outputGradient, InputTransform.Applied[] realSeen,
                      InputTransform.Applied[] fakeSeen) {
            super(context);
            this.update = update;
            this.real = real;
            this.fake = fake;
            this.realLabels = realLabels;
            this.fakeLabels = fakeLabels;
            this.latent = latent;
            this.pass = pass;
            this.outputGradient = outputGradient;
            this.realSeen = realSeen;
            this.fakeSeen = fakeSeen;
        }

        /** D's loss gradient back into the transforms' own parameters (real rows, then fake rows). */
        void trainTransforms(Transforms transforms) {
            INDArray g = inputGradient();
            long nr = real.rows();
            transforms.train(realSeen, g.get(NDArrayIndex.interval(0, nr), NDArrayIndex.all()));
            transforms.train(fakeSeen, g.get(NDArrayIndex.interval(nr, g.rows()), NDArrayIndex.all()));
        }

        @Override
        public int update() {
            return update;
        }

        @Override
        public INDArray real() {
            return real;
        }

        @Override
        public INDArray fake() {
            return fake;
        }

        @Override
        public int[] realLabels() {
            return realLabels;
        }

        @Override
        public int[] fakeLabels() {
            return fakeLabels;
        }

        @Override
        public INDArray latent() {
            return latent;
        }

        @Override
        public Network.Pass pass() {
            return pass;
        }

        @Override
        public INDArray outputGradient() {
            return outputGradient;
        }

        @Override
        public INDArray inputGradient() {
            if (inputGradient == null) {
                inputGradient = discriminator().backward(pass, outputGradient, false, true);
            }
            return inputGradient;
        }
    }

    /** G's update: its batch, the opponent's pass over it, and the gradient hooks add to. */
    static final class Generator extends Context implements GeneratorPhase {
        private final Network opponent;
        private final Batches.Batch latent;
        private final Network.Pass generatorPass;
        private final Network.Pass discriminatorPass;
        private final INDArray fakeGradient;
        private final double objectiveLoss;
        private final InputTransform.Applied[] fakeSeen;
        private final Discriminator last;

        Generator(Context context, Network opponent, Batches.Batch latent, Network.Pass generatorPass,
                  Network.Pass discriminatorPass, INDArray fakeGradient, double objectiveLoss,
                  InputTransform.Applied[] fakeSeen, Discriminator last) {
            super(context);
            this.opponent = opponent;
            this.latent = latent;
            this.generatorPass = generatorPass;
            this.discriminatorPass = discriminatorPass;
            this.fakeGradient = fakeGradient;
            this.objectiveLoss = objectiveLoss;
            this.fakeSeen = fakeSeen;
            this.last = last;
        }

        @Override
        public Network discriminator() {
            return opponent;
        }

        @Override
        public INDArray latent() {
            return latent.x();
        }

        @Override
        public int[] labels() {
            return latent.labels();
        }

        @Override
        public Network.Pass generatorPass() {
            return generatorPass;
        }

        @Override
        public Network.Pass discriminatorPass() {
            return discriminatorPass;
        }

        @Override
        public INDArray fakeGradient() {
            return fakeGradient;
        }

        @Override
        public double objectiveLoss() {
            return objectiveLoss;
        }

        @Override
        public INDArray fromDiscriminator(INDArray gradient) {
            return Transforms.back(fakeSeen, Check.notNull("gradient", gradient));
        }

        @Override
        public INDArray real() {
            return lastDiscriminatorUpdate().real();
        }

        @Override
        public int[] realLabels() {
            return lastDiscriminatorUpdate().realLabels();
        }

        @Override
        public Network.Pass lastDiscriminatorPass() {
            return lastDiscriminatorUpdate().pass();
        }

        private Discriminator lastDiscriminatorUpdate() {
            if (last == null) {
                throw new IllegalStateException("this step made no D update (stepGenerator without stepDiscriminator "
                        + "before it), so there is no real batch of this step; a remedy that needs one (feature "
                        + "matching) needs stepDiscriminator(k) before each stepGenerator(1)");
            }
            return last;
        }
    }
}
