package io.pushgateway.fuzz;

import java.util.function.Consumer;

/**
 * The entry point Jazzer calls ({@code --target_class=io.pushgateway.fuzz.JazzerEntry}); the system
 * property {@code fuzz.target} names the target (see {@link FuzzSeeds#TARGETS}).
 */
public final class JazzerEntry {
  private static Consumer<byte[]> target;

  private JazzerEntry() {}

  /** Called once by Jazzer before fuzzing. */
  public static void fuzzerInitialize() {
    target = FuzzTargets.named(System.getProperty("fuzz.target", "text"));
  }

  /** Called by Jazzer for every input. */
  public static void fuzzerTestOneInput(byte[] input) {
    target.accept(input);
  }
}
