package io.pushgateway.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Random;

/**
 * Structured generation of text-format push bodies: families of every type with random names, HELP
 * texts, label sets, values (special floats included) and timestamps, mostly valid, with the edge
 * cases of the format (escapes, empty label values, repeated families, comments).
 */
final class TextBodies {
  private static final String[] NAMES = {"m", "a_b", "c_total", "h", "s", ":x:", "up", "job"};
  private static final String[] LABELS = {"a", "b", "le", "quantile", "job", "instance", "_z"};
  private static final String[] VALUES = {
    "0", "1", "-1.5", "NaN", "+Inf", "-Inf", "1e-300", "2.5e+10", "0x10", "1_000", "Inf", ".5"
  };
  private static final String[] LABEL_VALUES = {
    "", "x", "1", "a\\\\b", "q\\\"uote", "new\\nline", "é", "😀", "+Inf", "0.5", "/"
  };
  private static final String[] TYPES = {
    "counter", "gauge", "untyped", "summary", "histogram", "gaugehistogram"
  };

  private TextBodies() {}

  static byte[] generate(Random r) {
    StringBuilder sb = new StringBuilder();
    int families = 1 + r.nextInt(4);
    for (int f = 0; f < families; f++) {
      family(sb, r);
    }
    if (r.nextInt(5) == 0) {
      sb.append("# a comment\n\n");
    }
    return sb.toString().getBytes(UTF_8);
  }

  private static void family(StringBuilder sb, Random r) {
    String name = pick(NAMES, r) + (r.nextInt(4) == 0 ? "_" + r.nextInt(3) : "");
    String type = pick(TYPES, r);
    if (r.nextInt(3) == 0) {
      sb.append("# HELP ")
          .append(name)
          .append(' ')
          .append(r.nextBoolean() ? "help \\\\ \\n x" : "")
          .append('\n');
    }
    if (r.nextInt(6) != 0) {
      sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }
    int metrics = 1 + r.nextInt(3);
    for (int m = 0; m < metrics; m++) {
      String labels = labels(r);
      switch (type) {
        case "summary" -> {
          for (String q : new String[] {"0.5", "0.99"}) {
            sample(sb, name, with(labels, "quantile=\"" + q + "\""), r);
          }
          sample(sb, name + "_sum", labels, r);
          sample(sb, name + "_count", labels, r);
        }
        case "histogram", "gaugehistogram" -> {
          for (String le : new String[] {"0.1", "1", "+Inf"}) {
            sample(sb, name + "_bucket", with(labels, "le=\"" + le + "\""), r);
          }
          sample(sb, name + "_sum", labels, r);
          sample(sb, name + "_count", labels, r);
          if (type.equals("gaugehistogram")) {
            sample(sb, name + "_gcount", labels, r);
            sample(sb, name + "_gsum", labels, r);
          }
        }
        default -> sample(sb, name, labels, r);
      }
    }
  }

  private static String labels(Random r) {
    int n = r.nextInt(3);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(pick(LABELS, r)).append("=\"").append(pick(LABEL_VALUES, r)).append('"');
    }
    return sb.toString();
  }

  private static String with(String labels, String pair) {
    return labels.isEmpty() ? pair : labels + "," + pair;
  }

  private static void sample(StringBuilder sb, String name, String labels, Random r) {
    sb.append(name);
    if (!labels.isEmpty() || r.nextInt(5) == 0) {
      sb.append('{').append(labels).append(r.nextInt(6) == 0 ? "," : "").append('}');
    }
    sb.append(r.nextInt(8) == 0 ? "\t" : " ").append(pick(VALUES, r));
    if (r.nextInt(6) == 0) {
      sb.append(' ').append(r.nextBoolean() ? "1700000000000" : "-5");
    }
    sb.append('\n');
  }

  private static String pick(String[] options, Random r) {
    return options[r.nextInt(options.length)];
  }
}
