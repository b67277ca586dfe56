package io.pushgateway.config;

import io.pushgateway.gocompat.GoQuote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits the command line into tokens the way kingpin's lexer does, quirks included: {@code
 * --name=value} yields a flag token followed by an argument token, {@code -abc} yields {@code -a}
 * and then re-reads {@code -bc}, a lone {@code -} is an empty argument, everything after {@code --}
 * is an argument, and {@code @file} is replaced by the file's non-blank, non-comment lines.
 */
final class ArgTokenizer {
  enum Kind {
    SHORT,
    LONG,
    ARG,
    ERROR,
    EOL
  }

  record Token(Kind kind, String value) {
    /** The token as kingpin prints it in error messages. */
    String display() {
      return switch (kind) {
        case SHORT -> "-" + value;
        case LONG -> "--" + value;
        case ARG -> value;
        case ERROR -> "error: " + value;
        case EOL -> "<EOL>";
      };
    }
  }

  private final List<String> rawArgs;
  private final Deque<String> pending;
  private final List<Token> peeked = new ArrayList<>();
  // Counts consumed arguments including re-read and expanded ones, so that, as in kingpin, it can
  // drift from the index into the original arguments that the "--" check uses.
  private int consumed;
  private boolean argsOnly;

  ArgTokenizer(List<String> args) {
    this.rawArgs = List.copyOf(args);
    this.pending = new ArrayDeque<>(args);
  }

  /** The next token, without consuming it. */
  Token peek() {
    if (peeked.isEmpty()) {
      push(next());
    }
    return peeked.get(peeked.size() - 1);
  }

  /** Puts a token back; it is the next one returned. */
  void push(Token token) {
    peeked.add(token);
  }

  /** Consumes and returns the next token. */
  Token next() {
    if (!peeked.isEmpty()) {
      return peeked.remove(peeked.size() - 1);
    }
    if (pending.isEmpty()) {
      return new Token(Kind.EOL, "");
    }
    if (consumed > 0 && consumed <= rawArgs.size() && rawArgs.get(consumed - 1).equals("--")) {
      argsOnly = true;
    }
    String arg = pending.removeFirst();
    consumed++;
    if (argsOnly) {
      return new Token(Kind.ARG, arg);
    }
    if (arg.equals("--")) {
      return next();
    }
    if (arg.startsWith("--")) {
      return longFlag(arg.substring(2));
    }
    if (arg.startsWith("-")) {
      return shortFlag(arg);
    }
    if (arg.startsWith("@")) {
      return expandFile(arg.substring(1));
    }
    return new Token(Kind.ARG, arg);
  }

  private Token longFlag(String nameAndValue) {
    int eq = nameAndValue.indexOf('=');
    if (eq < 0) {
      return new Token(Kind.LONG, nameAndValue);
    }
    push(new Token(Kind.ARG, nameAndValue.substring(eq + 1)));
    return new Token(Kind.LONG, nameAndValue.substring(0, eq));
  }

  // The only short flag, -h, takes no value; so, as kingpin does for boolean and unknown short
  // flags, the rest of a cluster like -hx is read again as -x.
  private Token shortFlag(String arg) {
    if (arg.length() == 1) {
      return new Token(Kind.ARG, "");
    }
    int letter = arg.codePointAt(1);
    int end = 1 + Character.charCount(letter);
    if (arg.length() > end) {
      pending.addFirst("-" + arg.substring(end));
    }
    return new Token(Kind.SHORT, new String(Character.toChars(letter)));
  }

  private Token expandFile(String fileName) {
    if (fileName.isEmpty()) {
      return new Token(Kind.ERROR, "expected @ file to expand arguments from");
    }
    List<String> lines;
    try {
      lines = readArguments(Path.of(fileName));
    } catch (ArgumentsFileException e) {
      return new Token(Kind.ERROR, String.valueOf(e.getMessage()));
    }
    for (int i = lines.size() - 1; i >= 0; i--) {
      pending.addFirst(lines.get(i));
    }
    return next();
  }

  /** The lines of an arguments file, skipping blank lines and lines starting with {@code #}. */
  private static List<String> readArguments(Path file) {
    String text;
    try {
      if (Files.isDirectory(file)) {
        throw new ArgumentsFileException(
            "failed to read arguments from "
                + GoQuote.quote(file.toString())
                + ": read "
                + file
                + ": is a directory");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ArgumentsFileException(
          "failed to open arguments file "
              + GoQuote.quote(file.toString())
              + ": open "
              + file
              + ": "
              + reason(e));
    }
    List<String> lines = new ArrayList<>();
    for (String line : splitLines(text)) {
      if (!line.startsWith("#") && !line.isBlank()) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** Go's bufio.ScanLines: split at '\n', drop one '\r' before it, no empty last line. */
  private static List<String> splitLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      String line = text.substring(start, end);
      lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
      start = end + 1;
    }
    return lines;
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return String.valueOf(e.getMessage());
  }

  /** An arguments file that cannot be read, with kingpin's message. */
  private static final class ArgumentsFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ArgumentsFileException(String message) {
      super(message, null, false, false);
    }
  }
}
