package io.pushgateway.log;

import java.util.Locale;

/** Log severities, lowest first, as accepted by {@code --log.level}. */
public enum Level {
  DEBUG,
  INFO,
  WARN,
  ERROR;

  /** The lower-case name used on the command line and in log lines, e.g. {@code info}. */
  public String goName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
