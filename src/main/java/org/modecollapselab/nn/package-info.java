/**
 * Networks: multilayer perceptrons with seeded initialisation and explicit forward and backward passes
 * as ND4J operations (so that the same code runs on the CPU and CUDA back ends).
 */
package org.modecollapselab.nn;
