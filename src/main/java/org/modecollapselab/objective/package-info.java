/**
 * What G and D optimise: {@link org.modecollapselab.objective.Objective} (losses on D's outputs with their
 * gradients) and its implementations, starting with the original GAN's
 * ({@link org.modecollapselab.objective.GanObjective}).
 */
package org.modecollapselab.objective;
