package io.pushgateway.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The texts of {@code --help}, {@code --help-long} and {@code --help-man}, laid out as kingpin
 * (v2.4.0) lays out the Go Pushgateway's: every visible flag with its placeholder (the default,
 * quoted for string flags), {@code --[no-]} before boolean flags, {@code ...} after repeatable
 * ones, help texts wrapped to the terminal width.
 */
final class HelpText {
  private static final String APP_HELP = "The Pushgateway";
  private static final int INDENT = 2;
  private static final int PADDING = 2;
  private static final int MAX_FIRST_COLUMN = 30;

  private HelpText() {}

  /** Heads the flags this gateway adds, after the Go gateway's own (whose text stays exact). */
  static final String EXTENSION_HEADING =
      "Extension flags (this gateway only; the Go Pushgateway does not have them):";

  /** The {@code --help} text for a terminal {@code width} columns wide. */
  static String usage(String program, int width) {
    return header(program, width) + "\n" + flagsSection(width) + extensionSection(width);
  }

  /** The {@code --help-long} text, which differs from {@code --help} by one blank line. */
  static String longUsage(String program, int width) {
    return header(program, width) + flagsSection(width) + extensionSection(width);
  }

  private static String header(String program, int width) {
    StringBuilder out = new StringBuilder();
    out.append("usage: ").append(program).append(" [<flags>]\n\n");
    for (String line : DocWrap.wrap(APP_HELP, width)) {
      out.append(line).append('\n');
    }
    return out.append('\n').toString();
  }

  private static String flagsSection(int width) {
    List<String[]> rows = new ArrayList<>();
    for (FlagSpec flag : FlagSpec.values()) {
      if (!flag.isHidden() && !flag.isExtension()) {
        rows.add(new String[] {firstColumn(flag), flag.help()});
      }
    }
    return "Flags:\n" + twoColumns(rows, width) + "\n";
  }

  private static String extensionSection(int width) {
    List<String[]> rows = new ArrayList<>();
    for (FlagSpec flag : FlagSpec.values()) {
      if (flag.isExtension()) {
        rows.add(new String[] {firstColumn(flag), flag.help()});
      }
    }
    return rows.isEmpty() ? "" : EXTENSION_HEADING + "\n" + twoColumns(rows, width) + "\n";
  }

  private static String firstColumn(FlagSpec flag) {
    String name = flag.isBool() ? "[no-]" + flag.flagName() : flag.flagName();
    // Some flag has a short name (-h), so the others are indented to line up with it.
    String column =
        flag.shortName() != 0 ? "-" + flag.shortName() + ", --" + name : "    --" + name;
    if (!flag.isBool()) {
      column += "=" + flag.placeholder();
    }
    return flag.isCumulative() ? column + " ..." : column;
  }

  private static String twoColumns(List<String[]> rows, int width) {
    int first = 0;
    for (String[] row : rows) {
      if (row[0].length() > first && row[0].length() < MAX_FIRST_COLUMN) {
        first = row[0].length();
      }
    }
    String indent = " ".repeat(INDENT);
    String offset = " ".repeat(first + PADDING);
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      List<String> lines = DocWrap.wrap(row[1], width - first - PADDING - INDENT);
      out.append(indent).append(row[0]).append(" ".repeat(Math.max(0, first - row[0].length())));
      out.append(" ".repeat(PADDING));
      if (row[0].length() >= MAX_FIRST_COLUMN) {
        out.append('\n').append(indent).append(offset);
      }
      out.append(lines.isEmpty() ? "" : lines.get(0)).append('\n');
      for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
        out.append(indent).append(offset).append(line).append('\n');
      }
    }
    return out.toString();
  }

  /** The {@code --help-man} page (troff), whose title line carries the version block. */
  static String manPage(String program, String versionBlock) {
    StringBuilder out = new StringBuilder();
    out.append(".TH ").append(program).append(" 1 ").append(versionBlock).append(" \"\"\n");
    out.append(".SH \"NAME\"\n").append(program).append('\n');
    out.append(".SH \"SYNOPSIS\"\n.TP\n");
    out.append("\\fB").append(program).append(" [<flags>]\\fR\n\n");
    out.append(".SH \"DESCRIPTION\"\n").append(APP_HELP).append('\n');
    out.append(".SH \"OPTIONS\"\n");
    for (FlagSpec flag : FlagSpec.values()) {
      if (!flag.isHidden() && !flag.isExtension()) {
        manEntry(out, flag);
      }
    }
    out.append(".SH \"EXTENSION OPTIONS\"\n");
    for (FlagSpec flag : FlagSpec.values()) {
      if (flag.isExtension()) {
        manEntry(out, flag);
      }
    }
    return out.toString();
  }

  private static void manEntry(StringBuilder out, FlagSpec flag) {
    out.append(".TP\n\\fB");
    if (flag.shortName() != 0) {
      out.append('-').append(flag.shortName()).append(", ");
    }
    out.append("--").append(flag.flagName());
    if (!flag.isBool()) {
      out.append('=').append(flag.placeholder());
    }
    out.append("\\fR\n").append(flag.help()).append('\n');
  }
}
