/**
 * Real data with known modes: the temperature example (Alice Springs vs the South Pole), general 1-D Gaussian
 * mixtures, and readings from a CSV file (Tablesaw).
 */
package org.modecollapselab.data;
