/** A minimal third-party plugin: a two-armed bandit task distribution with its exact model. */
package org.bomrl.example;
