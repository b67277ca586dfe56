/**
 * The gateway's own metrics (pushgateway_*, process and JVM), kept with the Prometheus Java client
 * library and converted to the model for merging into scrapes.
 */
@NullMarked
package io.pushgateway.selfmetrics;

import org.jspecify.annotations.NullMarked;
