/** Log lines in the Go Pushgateway's logfmt and JSON layouts, on standard error. */
@NullMarked
package io.pushgateway.log;

import org.jspecify.annotations.NullMarked;
