/**
 * Remedies, knobs and objectives by name, for the study command, its CSV files and the notebooks:
 * {@link org.modecollapselab.catalog.Remedies} (each remedy's name is declared beside it, as a
 * {@code org.modecollapselab.gan.Catalogued} field found in the {@code remedy} packages; the knobs' names come from
 * {@code org.modecollapselab.knob.Knob}) and {@link org.modecollapselab.catalog.Objectives} (each an
 * {@link org.modecollapselab.catalog.ObjectiveSetting}), both parsed by one {@code name[:argument]} parser. The layer
 * above the remedies and knobs.
 */
package org.modecollapselab.catalog;
