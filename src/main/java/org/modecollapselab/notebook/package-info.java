/**
 * Notebook helpers: live training progress updated in place ({@link org.modecollapselab.notebook.LiveView}) and
 * set-up information ({@link org.modecollapselab.notebook.Lab}).
 */
package org.modecollapselab.notebook;
