/** The catalog of remedies ({@link org.modecollapselab.remedy.catalog.Remedies}) and objectives
 * ({@link org.modecollapselab.remedy.catalog.Objectives}, each an
 * {@link org.modecollapselab.remedy.catalog.ObjectiveSetting}) by name, for the study command, its CSV files and the
 * notebooks. */
package org.modecollapselab.remedy.catalog;
