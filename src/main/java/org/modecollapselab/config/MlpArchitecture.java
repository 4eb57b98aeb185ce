package org.modecollapselab.config;

import org.modecollapselab.nn.Activation;
import org.modecollapselab.nn.Mlp;
import org.modecollapselab.nn.MlpSpec;
import org.modecollapselab.nn.Network;

/**
 * The default {@link Architecture}: G is an MLP {@code inputs → generatorHidden → outputs} with the generator's
 * activation and optional batch normalisation, D an MLP {@code inputs → discriminatorHidden → outputs} with the
 * discriminator's activation, maxout pieces and dropout; linear outputs; the configuration's initialisation and data type.
 */
enum MlpArchitecture implements Architecture {
    INSTANCE;

    @Override
    public Network build(Role role, int inputs, int outputs, GanConfig c, long seed) {
        MlpSpec spec = role == Role.GENERATOR
                ? new MlpSpec(inputs, c.generatorHidden(), outputs, c.generatorActivation(), Activation.IDENTITY,
                        c.init(), c.generatorBatchNorm(), 1)
                : new MlpSpec(inputs, c.discriminatorHidden(), outputs, c.discriminatorActivation(),
                        Activation.IDENTITY, c.init(), false, c.discriminatorMaxout(), c.discriminatorDropout());
        return new Mlp(spec, c.dataType(), seed);
    }

    @Override
    public boolean secondOrder() {
        return true;
    }

    @Override
    public String toString() {
        return "MLP";
    }
}
