/** The command line: the Go Pushgateway's flags parsed into one immutable configuration. */
@NullMarked
package io.pushgateway.config;

import org.jspecify.annotations.NullMarked;
