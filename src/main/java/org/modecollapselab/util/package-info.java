/** Small shared helpers: argument checks with messages that name the parameter, the rule and the value. */
package org.modecollapselab.util;
