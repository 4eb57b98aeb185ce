/**
 * Mode Collapse Lab: GAN mode collapse and its remedies, measured. The library is built in layers; a package may
 * import packages of its own layer and of the layers below it, never of a layer above (checked by
 * {@code LayeringTest}, which reads this list):
 * <ol>
 *   <li>{@code util} — argument checks, ND4J transfers, CSV, files</li>
 *   <li>{@code nn}, {@code objective}, {@code sampler} — networks, losses, "something that draws samples"</li>
 *   <li>{@code metric}, {@code data}, {@code config}, {@code classifier} — mode coverage, data sets, a GAN's
 *       configuration, the digit classifier</li>
 *   <li>{@code step} — the one training step and its contract with the remedies</li>
 *   <li>{@code gan} — the GAN façade, its probe, the training loop, methods and catalog names</li>
 *   <li>{@code remedy}, {@code knob} — one remedy per sub-package (no remedy imports another), the knobs</li>
 *   <li>{@code catalog} — remedies, knobs and objectives by name</li>
 *   <li>{@code plot}, {@code notebook}, {@code bench}, {@code study} — charts, notebook helpers, benchmarks and
 *       studies</li>
 * </ol>
 * A name covers its sub-packages ({@code remedy} covers {@code remedy.packing}, {@code nn} covers {@code nn.conv}).
 * See {@code docs/design-of-the-step.md}.
 */
package org.modecollapselab;
