/**
 * Wire formats in and out: the text format 0.0.4 and protobuf parsers for push bodies, and the text
 * and protobuf writers for scrapes. Knows the model and nothing else of the gateway.
 */
@NullMarked
package io.pushgateway.exposition;

import org.jspecify.annotations.NullMarked;
