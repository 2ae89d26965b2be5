/** The built-in policy classes, registered as components ({@code policy.gaussian-mlp}). */
package org.bomrl.core.policy;
