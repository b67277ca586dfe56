package io.pushgateway.config;

import io.pushgateway.config.CommandLineParser.Occurrence;
import io.pushgateway.gocompat.GoQuote;
import io.pushgateway.gocompat.GoUrl;
import io.pushgateway.log.Level;
import io.pushgateway.log.LogFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The typed value of every flag: kingpin's value setters, defaults and their error texts. */
final class FlagValues {
  private final Map<FlagSpec, Object> values = new EnumMap<>(FlagSpec.class);

  /**
   * Sets the flags given on the command line, in order, stopping at the first problem; then gives
   * every other flag its default.
   *
   * @return the first error in kingpin's words, or null
   */
  @Nullable String setAll(List<Occurrence> occurrences) {
    Set<FlagSpec> seen = EnumSet.noneOf(FlagSpec.class);
    String error = null;
    for (Occurrence occurrence : occurrences) {
      FlagSpec flag = occurrence.flag();
      if (seen.contains(flag) && !flag.isCumulative()) {
        error = "flag '" + flag.flagName() + "' cannot be repeated";
        break;
      }
      try {
        set(flag, occurrence.value());
      } catch (IllegalArgumentException e) {
        error = e.getMessage();
        break;
      }
      seen.add(flag);
    }
    for (FlagSpec flag : FlagSpec.values()) {
      if (!seen.contains(flag)) {
        values.remove(flag);
        String defaultValue = flag.defaultValue();
        set(flag, defaultValue != null ? defaultValue : "false");
      }
    }
    return error;
  }

  /** Gives every flag its default, as for an empty command line. */
  FlagValues withDefaults() {
    setAll(List.of());
    return this;
  }

  private void set(FlagSpec flag, String text) {
    switch (flag.kind()) {
      case BOOL -> values.put(flag, Boolean.parseBoolean(text));
      case STRING -> values.put(flag, text);
      case STRINGS -> appendString(flag, text);
      case DURATION -> values.put(flag, GoDuration.parse(text));
      case COUNT -> values.put(flag, parseCount(flag, text));
      case URL -> values.put(flag, parseUrl(text));
      case LOG_LEVEL -> values.put(flag, parseLevel(text));
      case LOG_FORMAT -> values.put(flag, parseFormat(text));
    }
  }

  private void appendString(FlagSpec flag, String text) {
    List<String> list = new ArrayList<>(strings(flag));
    list.add(text);
    values.put(flag, List.copyOf(list));
  }

  private static Long parseCount(FlagSpec flag, String text) {
    try {
      long count = Long.parseLong(text);
      if (count >= 0) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "invalid value "
            + GoQuote.quote(text)
            + " for --"
            + flag.flagName()
            + ", expected a"
            + " whole number (0 for no limit)");
  }

  private static GoUrl parseUrl(String text) {
    try {
      return GoUrl.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid URL: " + e.getMessage(), e);
    }
  }

  private static Level parseLevel(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "debug" -> Level.DEBUG;
      case "info" -> Level.INFO;
      case "warn" -> Level.WARN;
      case "error" -> Level.ERROR;
      default -> throw new IllegalArgumentException("unrecognized log level " + text);
    };
  }

  private static LogFormat parseFormat(String text) {
    return switch (text) {
      case "logfmt" -> LogFormat.LOGFMT;
      case "json" -> LogFormat.JSON;
      default -> throw new IllegalArgumentException("unrecognized log format " + text);
    };
  }

  boolean bool(FlagSpec flag) {
    return (Boolean) get(flag);
  }

  String string(FlagSpec flag) {
    return (String) get(flag);
  }

  @SuppressWarnings("unchecked") // only STRINGS flags hold lists, always of strings
  List<String> strings(FlagSpec flag) {
    Object value = values.get(flag);
    return value == null ? List.of() : (List<String>) value;
  }

  long count(FlagSpec flag) {
    return (Long) get(flag);
  }

  Duration duration(FlagSpec flag) {
    return (Duration) get(flag);
  }

  GoUrl url(FlagSpec flag) {
    return (GoUrl) get(flag);
  }

  Level level(FlagSpec flag) {
    return (Level) get(flag);
  }

  LogFormat format(FlagSpec flag) {
    return (LogFormat) get(flag);
  }

  private Object get(FlagSpec flag) {
    Object value = values.get(flag);
    if (value == null) {
      throw new IllegalStateException("no value for --" + flag.flagName());
    }
    return value;
  }
}
