package io.pushgateway.config;

import io.pushgateway.config.ArgTokenizer.Kind;
import io.pushgateway.config.ArgTokenizer.Token;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Kingpin's first pass over the tokens: matches flags and their values, stopping at the first
 * error. The flags matched before an error still count (for example {@code --version --bogus}
 * prints the version), so the result carries both.
 */
final class CommandLineParser {
  /** One flag occurrence: {@code "true"}/{@code "false"} for boolean flags. */
  record Occurrence(FlagSpec flag, String value) {}

  /** The occurrences found, in command-line order, and the error that stopped the scan, if any. */
  record Result(List<Occurrence> occurrences, @Nullable String error) {}

  private final ArgTokenizer tokens;
  private final List<Occurrence> occurrences = new ArrayList<>();

  private CommandLineParser(List<String> args) {
    this.tokens = new ArgTokenizer(args);
  }

  static Result parse(List<String> args) {
    return new CommandLineParser(args).run();
  }

  private Result run() {
    while (true) {
      Token token = tokens.peek();
      if (token.kind() != Kind.LONG && token.kind() != Kind.SHORT) {
        break;
      }
      String error = matchFlag(token);
      if (error != null) {
        return result(error);
      }
    }
    Token stop = tokens.peek();
    return switch (stop.kind()) {
      case EOL -> result(null);
      case ERROR -> result(stop.value());
      default -> result("unexpected " + stop.display());
    };
  }

  private @Nullable String matchFlag(Token token) {
    boolean negated = false;
    FlagSpec flag;
    if (token.kind() == Kind.LONG) {
      flag = FlagSpec.byName(token.value());
      if (flag == null && token.value().startsWith("no-")) {
        flag = FlagSpec.byName(token.value().substring(3));
        negated = true;
      }
      if (flag == null) {
        return "unknown long flag '" + token.display() + "'";
      }
    } else {
      flag = FlagSpec.byShortName(token.value());
      if (flag == null) {
        return "unknown short flag '" + token.display() + "'";
      }
    }
    tokens.next();
    if (flag.isBool()) {
      occurrences.add(new Occurrence(flag, negated ? "false" : "true"));
      return null;
    }
    if (negated) {
      return "unknown long flag '" + token.display() + "'";
    }
    Token value = tokens.peek();
    if (value.kind() != Kind.ARG) {
      return "expected argument for flag '" + token.display() + "'";
    }
    tokens.next();
    occurrences.add(new Occurrence(flag, value.value()));
    return null;
  }

  private Result result(@Nullable String error) {
    return new Result(List.copyOf(occurrences), error);
  }
}
