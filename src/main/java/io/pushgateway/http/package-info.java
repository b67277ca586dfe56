/**
 * HTTP only: routing, request decoding, status codes and one handler per endpoint. Builds write
 * requests for the store and reads its snapshots; renders through the exposition writers.
 */
@NullMarked
package io.pushgateway.http;

import org.jspecify.annotations.NullMarked;
