/** The bomrl engine: plugin discovery, wiring, configuration, experiment loops and the CLI. */
package org.bomrl.core;
