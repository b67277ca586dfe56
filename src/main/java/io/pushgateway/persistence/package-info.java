/**
 * Durable persistence: an append-only file of checksummed records (a snapshot of the store followed
 * by every acknowledged write), compacted into a fresh snapshot in the background and replaced
 * atomically. Depends on storage and exposition; knows no HTTP.
 */
@NullMarked
package io.pushgateway.persistence;

import org.jspecify.annotations.NullMarked;
