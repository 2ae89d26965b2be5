/** The bomrl plugin contract: the root SPI, factories, stability annotations. */
package org.bomrl.api;
