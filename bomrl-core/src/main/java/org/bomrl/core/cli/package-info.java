/** The {@code bomrl} command line. */
package org.bomrl.core.cli;
