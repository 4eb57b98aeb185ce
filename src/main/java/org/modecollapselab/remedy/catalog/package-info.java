/** The catalog of remedies by name ({@link org.modecollapselab.remedy.catalog.Remedies}), for the study command,
 * its CSV files and the notebooks. */
package org.modecollapselab.remedy.catalog;
