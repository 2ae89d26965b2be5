/** The plugin contract tests (TCK) as their own artifact. */
package org.bomrl.tck;
