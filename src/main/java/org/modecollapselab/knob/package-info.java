/**
 * The generic knobs of a GAN as values a study can sweep: {@link org.modecollapselab.knob.Knob} (capacity,
 * learning rates, Adam's β₁, weight decay, dropout in D — each a change of the one configuration) and
 * {@link org.modecollapselab.knob.KnobSetting} (a knob at one value, trained as a {@link org.modecollapselab.gan.Method}).
 */
package org.modecollapselab.knob;
