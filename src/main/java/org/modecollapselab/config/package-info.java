/**
 * A GAN's configuration: {@link org.modecollapselab.config.GanConfig} (immutable, validating, fluent
 * {@code with…}) and how its networks are built ({@link org.modecollapselab.config.Architecture}).
 */
package org.modecollapselab.config;
