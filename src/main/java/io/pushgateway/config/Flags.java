package io.pushgateway.config;

import io.pushgateway.config.CommandLineParser.Occurrence;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Go Pushgateway's command line, parsed as kingpin v2 parses it: {@code --name=value} and
 * {@code --name value}, boolean {@code --flag} / {@code --no-flag}, repeatable {@code
 * --web.listen-address}, {@code -h}, {@code @file} argument files, and kingpin's messages and
 * precedence (for example {@code --version} wins over any later error, a parse error wins over
 * {@code --help}, and {@code --help} wins over a bad flag value).
 *
 * <p>Usage in {@code main}:
 *
 * <pre>{@code
 * switch (Flags.parse("pushgateway", args)) {
 *   case ParseOutcome.Exit exit -> { print exit.stdout() and exit.stderr(); exit(exit.status()); }
 *   case ParseOutcome.Run run -> start(run.config());
 * }
 * }</pre>
 */
public final class Flags {
  private static final int DEFAULT_WIDTH = 80;
  // The version block always names the program "pushgateway", whatever the executable is called.
  private static final String VERSION_PROGRAM = "pushgateway";

  private Flags() {}

  /**
   * Parses {@code args}. {@code program} is the name used in usage and error lines (Go uses the
   * executable's base name); help is wrapped to {@code $COLUMNS} columns, else 80.
   */
  public static ParseOutcome parse(String program, String[] args) {
    return parse(program, Arrays.asList(args));
  }

  /** Like {@link #parse(String, String[])}. */
  public static ParseOutcome parse(String program, List<String> args) {
    return parse(program, args, terminalWidth(System.getenv("COLUMNS")), VersionInfo.current());
  }

  /** Parses with an explicit help width and build information (for tests). */
  static ParseOutcome parse(String program, List<String> args, int width, VersionInfo version) {
    CommandLineParser.Result parsed = CommandLineParser.parse(args);
    FlagValues values = new FlagValues();
    String valueError = values.setAll(parsed.occurrences());
    ParseOutcome printed = printingFlag(parsed.occurrences(), program, width, version);
    if (printed != null) {
      return printed;
    }
    if (parsed.error() != null) {
      return failed(program, parsed.error());
    }
    if (parsed.occurrences().stream().anyMatch(o -> o.flag() == FlagSpec.HELP)) {
      return printed(HelpText.usage(program, width));
    }
    if (valueError != null) {
      return failed(program, valueError);
    }
    return new ParseOutcome.Run(Config.from(values));
  }

  /**
   * Kingpin's "pre-actions": the first of --version, --help-long and --help-man, in command-line
   * order, prints and exits even when the command line has errors after or around it.
   */
  private static @Nullable ParseOutcome printingFlag(
      List<Occurrence> occurrences, String program, int width, VersionInfo version) {
    for (Occurrence occurrence : occurrences) {
      switch (occurrence.flag()) {
        case VERSION -> {
          return printed(version.versionBlock(VERSION_PROGRAM) + "\n");
        }
        case HELP_LONG -> {
          return printed(HelpText.longUsage(program, width));
        }
        case HELP_MAN -> {
          return printed(HelpText.manPage(program, version.versionBlock(VERSION_PROGRAM)));
        }
        default -> {}
      }
    }
    return null;
  }

  static int terminalWidth(@Nullable String columns) {
    if (columns != null) {
      try {
        return Integer.parseInt(columns);
      } catch (NumberFormatException e) {
        // Go ignores a COLUMNS that is not a number.
      }
    }
    return DEFAULT_WIDTH;
  }

  private static ParseOutcome printed(String stdout) {
    return new ParseOutcome.Exit(0, stdout, "");
  }

  private static ParseOutcome failed(String program, String message) {
    return new ParseOutcome.Exit(1, "", program + ": error: " + message + ", try --help\n");
  }
}
