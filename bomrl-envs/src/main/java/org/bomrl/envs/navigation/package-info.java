/** 2-D point navigation to a goal (the MAML paper's continuous task family), with each task's exact optimum. */
package org.bomrl.envs.navigation;
