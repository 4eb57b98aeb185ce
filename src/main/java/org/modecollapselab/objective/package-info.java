/**
 * What G and D optimise: {@link org.modecollapselab.objective.Objective} (losses on D's outputs with their
 * gradients and curvature) and its implementations: the original GAN's
 * ({@link org.modecollapselab.objective.GanObjective}, minimax and non-saturating), the Wasserstein critic
 * ({@link org.modecollapselab.objective.WassersteinObjective}), least squares
 * ({@link org.modecollapselab.objective.LeastSquaresObjective}), hinge
 * ({@link org.modecollapselab.objective.HingeObjective}) and the f-GAN family
 * ({@link org.modecollapselab.objective.FGanObjective} with an {@link org.modecollapselab.objective.FDivergence}).
 * Lipschitz constraints (weight clipping, gradient penalty) act on D's parameters and are remedies.
 */
package org.modecollapselab.objective;
