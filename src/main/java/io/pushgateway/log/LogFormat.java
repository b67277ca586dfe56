package io.pushgateway.log;

import java.util.Locale;

/** Layouts of a log line, as accepted by {@code --log.format}. */
public enum LogFormat {
  LOGFMT,
  JSON;

  /** The lower-case name used on the command line, e.g. {@code logfmt}. */
  public String goName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
