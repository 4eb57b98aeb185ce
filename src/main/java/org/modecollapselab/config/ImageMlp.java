package org.modecollapselab.config;

import java.util.Locale;
import org.modecollapselab.nn.Activation;
import org.modecollapselab.nn.Mlp;
import org.modecollapselab.nn.MlpSpec;
import org.modecollapselab.nn.Network;
import org.modecollapselab.util.Check;

/**
 * The {@link Architecture#MLP MLP architecture} for images: the same networks from the configuration's MLP
 * settings, with G's output through {@code generatorOutput} — tanh by default, so generated pixels lie in [−1, 1]
 * like the data's ({@code data.ImageSource}). D's output stays linear (a logit).
 *
 * @param generatorOutput activation of G's output layer
 */
public record ImageMlp(Activation generatorOutput) implements Architecture {
    /** G's output through tanh. */
    public static final ImageMlp TANH = new ImageMlp(Activation.TANH);

    public ImageMlp {
        Check.notNull("generatorOutput", generatorOutput);
    }

    @Override
    public Network build(Role role, int inputs, int outputs, GanConfig c, long seed) {
        if (role == Role.DISCRIMINATOR) {
            return MLP.build(role, inputs, outputs, c, seed);
        }
        MlpSpec spec = new MlpSpec(inputs, c.generatorHidden(), outputs, c.generatorActivation(), generatorOutput,
                c.init(), c.generatorBatchNorm(), 1);
        return new Mlp(spec, c.dataType(), seed);
    }

    @Override
    public String toString() {
        return "MLP, G's output " + generatorOutput.name().toLowerCase(Locale.ROOT);
    }
}
