/** Guice wiring: the registries of factories by kind, the execution backends and the experiment runner. */
package org.bomrl.core.inject;
