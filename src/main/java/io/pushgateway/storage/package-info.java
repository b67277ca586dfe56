/**
 * The metric store: a deterministic state machine over an ordered stream of write requests (push,
 * delete, wipe) applied by one writer, publishing immutable snapshots to readers. Knows the model,
 * not HTTP.
 */
@NullMarked
package io.pushgateway.storage;

import org.jspecify.annotations.NullMarked;
