/** Policy classes shared by environments, distances and adaptation algorithms. */
package org.bomrl.api.policy;
