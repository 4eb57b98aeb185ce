package org.modecollapselab.step;

import java.util.List;
import org.modecollapselab.config.GanConfig;
import org.modecollapselab.util.Check;

/**
 * The networks' widths and every remedy's columns, worked out in one place from the remedies' declarations
 * ({@link Remedy#discriminatorInputWidth}, {@link Remedy#generatorInputExtra}, {@link Remedy#discriminatorOutputExtra})
 * before any network exists: {@link TrainingStep#check} checks them with the rest of a GAN's settings, and the step
 * builds its networks and {@link Setup}s from them.
 */
final class Layout {
    /** G's inputs (noise, then every remedy's codes), D's inputs and D's outputs. */
    final int generatorInputs;
    final int discriminatorInputs;
    final int discriminatorOutputs;
    /** For remedy i: D's input width before its transform, its first code column of G's input, its first D output. */
    private final int[] widthBefore;
    private final int[] codeColumn;
    private final int[] outputColumn;

    private Layout(int generatorInputs, int discriminatorInputs, int discriminatorOutputs, int[] widthBefore,
                   int[] codeColumn, int[] outputColumn) {
        this.generatorInputs = generatorInputs;
        this.discriminatorInputs = discriminatorInputs;
        this.discriminatorOutputs = discriminatorOutputs;
        this.widthBefore = widthBefore;
        this.codeColumn = codeColumn;
        this.outputColumn = outputColumn;
    }

    /** The layout for {@code config} (after the remedies' adjustments), data of {@code dim} coordinates. */
    static Layout of(GanConfig config, int dim, List<? extends Remedy> remedies) {
        int gInputs = config.latentDim();
        int dOutputs = 1;
        int dInputs = dim;
        int[] widthBefore = new int[remedies.size()];
        int[] codeColumn = new int[remedies.size()];
        int[] outputColumn = new int[remedies.size()];
        for (int i = 0; i < remedies.size(); i++) {
            Remedy r = remedies.get(i);
            widthBefore[i] = dInputs;
            codeColumn[i] = gInputs;
            outputColumn[i] = dOutputs;
            dInputs = Check.atLeast("D input width after " + r.label(), r.discriminatorInputWidth(dInputs), 1);
            gInputs += Check.atLeast("generatorInputExtra of " + r.label(), r.generatorInputExtra(), 0);
            dOutputs += Check.atLeast("discriminatorOutputExtra of " + r.label(), r.discriminatorOutputExtra(), 0);
        }
        return new Layout(gInputs, dInputs, dOutputs, widthBefore, codeColumn, outputColumn);
    }

    int widthBefore(int remedy) {
        return widthBefore[remedy];
    }

    int codeColumn(int remedy) {
        return codeColumn[remedy];
    }

    int outputColumn(int remedy) {
        return outputColumn[remedy];
    }
}
