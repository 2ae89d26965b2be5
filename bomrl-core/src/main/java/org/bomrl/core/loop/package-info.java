/** The one meta-learning loop for every policy class: work units, task learners, outer optimisers (spec §3.1, §2.6). */
package org.bomrl.core.loop;
