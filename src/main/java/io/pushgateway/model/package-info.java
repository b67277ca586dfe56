/**
 * Immutable values of the Prometheus data model as the gateway stores them: families, metrics,
 * labels and grouping keys. Depends on nothing else in the project.
 */
@NullMarked
package io.pushgateway.model;

import org.jspecify.annotations.NullMarked;
