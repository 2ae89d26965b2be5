/** Linear-quadratic task families with task-dependent dynamics, exposing their exact model. */
package org.bomrl.envs.lq;
