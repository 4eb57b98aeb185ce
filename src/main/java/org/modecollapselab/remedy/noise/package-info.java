/**
 * Noise as a remedy: instance noise on everything D sees ({@link org.modecollapselab.remedy.noise.InstanceNoise},
 * Sønderby et al. 2016), and noise on G's input or output ({@link org.modecollapselab.remedy.noise.GeneratorNoise}),
 * each with an annealed schedule ({@link org.modecollapselab.remedy.noise.NoiseSchedule}).
 */
package org.modecollapselab.remedy.noise;
