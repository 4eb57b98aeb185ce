/** Feature matching (Salimans et al. 2016), with the hybrid objective: G matches D's hidden-layer statistics. */
package org.modecollapselab.remedy.featurematching;
