/** Plugin discovery with ServiceLoader and the name-keyed registries of factories. */
package org.bomrl.core.plugin;
