/** Read-only, per-component settings and their declared specifications. */
package org.bomrl.api.settings;
