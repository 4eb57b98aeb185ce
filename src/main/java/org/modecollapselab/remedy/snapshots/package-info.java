/** Snapshot substitution: for a few steps now and then, G trains against an old copy of D (and D against an old G). */
package org.modecollapselab.remedy.snapshots;
