/** One GAN per class (or per group of classes), mixed by class frequency. */
package org.modecollapselab.remedy.perclass;
