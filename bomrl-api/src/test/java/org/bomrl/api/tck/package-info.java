/** Contract tests (TCK) that plugins extend to hold their components to the API's contracts. */
package org.bomrl.api.tck;
