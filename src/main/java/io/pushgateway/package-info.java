/** Entry point and lifecycle: wires configuration, store, HTTP server and own metrics. */
@NullMarked
package io.pushgateway;

import org.jspecify.annotations.NullMarked;
