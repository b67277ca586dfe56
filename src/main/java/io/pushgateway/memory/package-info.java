/** How the gateway keeps its memory in check (the JVM's heap sizing policy). */
@NullMarked
package io.pushgateway.memory;

import org.jspecify.annotations.NullMarked;
