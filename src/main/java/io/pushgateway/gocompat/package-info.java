/**
 * Go's textual conventions, for output and input that must match the Go Pushgateway byte for byte:
 * quoting ({@code %q}, JSON strings), UTF-8 with Go's rules, "byte strings" for Go strings that may
 * hold invalid UTF-8, number parsing and formatting, URLs. Depends on nothing else in the project,
 * so every package may use it.
 */
@NullMarked
package io.pushgateway.gocompat;

import org.jspecify.annotations.NullMarked;
