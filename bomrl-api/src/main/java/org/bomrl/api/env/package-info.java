/** Environments with Gymnasium semantics, tasks, task distributions and exact tabular models. */
package org.bomrl.api.env;
