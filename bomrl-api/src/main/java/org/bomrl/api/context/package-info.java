/** What a component receives from the framework at creation: seeded randomness and collaborators. */
package org.bomrl.api.context;
