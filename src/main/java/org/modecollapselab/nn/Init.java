package org.modecollapselab.nn;

/** Weight initialisation schemes, drawn from a seeded Java generator so that CPU and GPU start identically. */
public enum Init {
    /**
     * PyTorch's default for {@code nn.Linear}: weights and biases uniform in ±1/√fanIn. The default here, so
     * that a PyTorch reference can start from the same distribution.
     */
    PYTORCH_DEFAULT,
    /** Glorot/Xavier uniform weights (±√(6/(fanIn+fanOut))), zero biases. */
    XAVIER_UNIFORM,
    /** He/Kaiming normal weights (σ = √(2/fanIn)), zero biases. */
    HE_NORMAL,
    /** Weights N(0, 0.02²), zero biases: the initialisation of DCGAN and of PacGAN's 2-D experiments. */
    NORMAL_002
}
