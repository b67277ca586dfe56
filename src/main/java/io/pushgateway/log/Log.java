package io.pushgateway.log;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A logger writing the Go Pushgateway's log lines (Go's log/slog with Prometheus' go-kit style):
 *
 * <pre>
 * ts=2026-11-23T23:23:01.963Z level=info caller=Main.java:84 msg="starting pushgateway" k=v
 * {"ts":"2026-11-23T23:23:01.963Z","level":"info","caller":"Main.java:84","msg":"…","k":"v"}
 * </pre>
 *
 * <p>Keys come in the order ts, level, caller, msg, then the message's own pairs, as the Go
 * Pushgateway 1.11 at HEAD writes them. {@code caller} is the source file and line of the code that
 * called the logger (found with a {@link StackWalker}, only for lines that pass the level filter);
 * when the logger's level is debug it also names the method: {@code Main.java(Main.main):84}. Pairs
 * whose key is {@code ts}, {@code time}, {@code level}, {@code caller} or {@code source} are
 * renamed {@code logged_<key>}, a key without a value is written as {@code !BADKEY=<key>}.
 *
 * <p>Values: strings as they are; integers and booleans bare; doubles in Go's layout; a {@link
 * Throwable} as its message; anything else through {@link String#valueOf}. Callers wanting Go's
 * duration layout pass a string (see {@code GoDuration.format}). Thread-safe: each line is one
 * write to the stream.
 */
public final class Log {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final StackWalker WALKER = StackWalker.getInstance();
  private static final Set<String> RESERVED_KEYS =
      Set.of("ts", "time", "level", "caller", "source");

  private final PrintStream out;
  private final Level level;
  private final LineEncoder encoder;
  private final Clock clock;
  private final boolean discard;

  private Log(PrintStream out, Level level, LogFormat format, Clock clock, boolean discard) {
    this.out = out;
    this.level = level;
    this.encoder = format == LogFormat.JSON ? new JsonEncoder() : new LogfmtEncoder();
    this.clock = clock;
    this.discard = discard;
  }

  /** A logger writing lines of {@code format} at {@code level} and above to {@code out}. */
  public static Log create(PrintStream out, Level level, LogFormat format) {
    return create(out, level, format, Clock.systemUTC());
  }

  /** Like {@link #create(PrintStream, Level, LogFormat)}, with the clock for the timestamps. */
  public static Log create(PrintStream out, Level level, LogFormat format, Clock clock) {
    return new Log(out, level, format, clock, false);
  }

  /** A logger that writes nothing (for tests and tools). */
  public static Log discard() {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    return new Log(nowhere, Level.ERROR, LogFormat.LOGFMT, Clock.systemUTC(), true);
  }

  /** The lowest level this logger writes. */
  public Level level() {
    return level;
  }

  /** Whether lines at {@code lineLevel} are written. */
  public boolean isEnabled(Level lineLevel) {
    return !discard && lineLevel.compareTo(level) >= 0;
  }

  /** Whether debug lines are written (to skip building expensive values). */
  public boolean isDebugEnabled() {
    return isEnabled(Level.DEBUG);
  }

  /** Logs {@code msg} at debug level with alternating keys and values. */
  public void debug(String msg, @Nullable Object... keyValues) {
    log(Level.DEBUG, msg, keyValues);
  }

  /** Logs {@code msg} at info level with alternating keys and values. */
  public void info(String msg, @Nullable Object... keyValues) {
    log(Level.INFO, msg, keyValues);
  }

  /** Logs {@code msg} at warn level with alternating keys and values. */
  public void warn(String msg, @Nullable Object... keyValues) {
    log(Level.WARN, msg, keyValues);
  }

  /** Logs {@code msg} at error level with alternating keys and values. */
  public void error(String msg, @Nullable Object... keyValues) {
    log(Level.ERROR, msg, keyValues);
  }

  /** Logs {@code msg} at {@code lineLevel} with alternating keys and values. */
  public void log(Level lineLevel, String msg, @Nullable Object... keyValues) {
    if (!isEnabled(lineLevel)) {
      return;
    }
    StringBuilder line = new StringBuilder(128);
    encoder.open(line);
    encoder.field(line, "ts", TIMESTAMP.format(clock.instant()));
    encoder.field(line, "level", lineLevel.goName());
    encoder.field(line, "caller", caller());
    encoder.field(line, "msg", msg);
    appendPairs(line, keyValues);
    encoder.close(line);
    byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
    out.write(bytes, 0, bytes.length);
    out.flush();
  }

  private void appendPairs(StringBuilder line, @Nullable Object[] keyValues) {
    int i = 0;
    while (i < keyValues.length) {
      Object key = keyValues[i];
      if (key instanceof String name && i + 1 < keyValues.length) {
        String shown = RESERVED_KEYS.contains(name) ? "logged_" + name : name;
        encoder.field(line, shown, keyValues[i + 1]);
        i += 2;
      } else {
        encoder.field(line, "!BADKEY", key);
        i++;
      }
    }
  }

  private String caller() {
    Optional<StackWalker.StackFrame> frame =
        WALKER.walk(
            frames ->
                frames.filter(f -> !f.getClassName().equals(Log.class.getName())).findFirst());
    if (frame.isEmpty()) {
      return "???";
    }
    StackWalker.StackFrame f = frame.get();
    String className = f.getClassName();
    String simpleName = className.substring(className.lastIndexOf('.') + 1);
    String fileName = f.getFileName();
    String file = fileName != null ? fileName : simpleName + ".java";
    if (level == Level.DEBUG) {
      return file + "(" + simpleName + "." + f.getMethodName() + "):" + f.getLineNumber();
    }
    return file + ":" + f.getLineNumber();
  }
}
