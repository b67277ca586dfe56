package io.pushgateway.config;

/** What the command line asks for: run with a configuration, or print something and exit. */
public sealed interface ParseOutcome {
  /** Start the gateway with {@code config}. */
  record Run(Config config) implements ParseOutcome {}

  /**
   * Write {@code stdout} to standard output and {@code stderr} to standard error (either may be
   * empty), then exit with {@code status}: help and version (0) or a command-line error (1).
   */
  record Exit(int status, String stdout, String stderr) implements ParseOutcome {}
}
