/** Guice wiring: the registries of factories by kind and the experiment runner. */
package org.bomrl.core.inject;
