/**
 * The web configuration file ({@code --web.config.file}): exporter-toolkit's YAML format (TLS,
 * basic authentication, extra headers, rate limit) read, validated and re-read as the Go
 * Pushgateway does, plus this gateway's scoped access extension. Knows no HTTP server: the http
 * package applies what this package decides.
 */
@NullMarked
package io.pushgateway.webconfig;

import org.jspecify.annotations.NullMarked;
