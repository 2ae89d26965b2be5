/** The data of a round: batches of trajectories collected with a data policy (spec §2.2, §3.5). */
package org.bomrl.api.data;
