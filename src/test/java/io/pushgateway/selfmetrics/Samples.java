package io.pushgateway.selfmetrics;

import io.pushgateway.model.Bucket;
import io.pushgateway.model.Histogram;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.model.Quantile;
import io.pushgateway.model.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Test helper: the sample lines of a text exposition as a map from {@code name{sorted labels}} to
 * value, built either from model families (as Go's text writer would expand them) or by parsing
 * exposition text. {@code le} and {@code quantile} values are normalised so that "1" and "1.0"
 * compare equal.
 */
final class Samples {
  private Samples() {}

  /** The samples Go's text writer would write for these families. */
  static Map<String, Double> of(List<MetricFamily> families) {
    Map<String, Double> out = new TreeMap<>();
    for (MetricFamily f : families) {
      for (Metric m : f.metrics()) {
        addSamples(out, f.name(), m);
      }
    }
    return out;
  }

  private static void addSamples(Map<String, Double> out, String name, Metric m) {
    List<String> labels = pairs(m.labels());
    if (m.counter() != null) {
      out.put(key(name, labels), m.counter().value());
    } else if (m.gauge() != null) {
      out.put(key(name, labels), m.gauge().value());
    } else if (m.untyped() != null) {
      out.put(key(name, labels), m.untyped().value());
    } else if (m.summary() != null) {
      addSummary(out, name, labels, m.summary());
    } else if (m.histogram() != null) {
      addHistogram(out, name, labels, m.histogram());
    }
  }

  private static void addSummary(
      Map<String, Double> out, String name, List<String> labels, Summary s) {
    for (Quantile q : s.quantiles()) {
      out.put(key(name, with(labels, "quantile", number(q.quantile()))), q.value());
    }
    out.put(key(name + "_sum", labels), s.sampleSum());
    out.put(key(name + "_count", labels), (double) s.sampleCount());
  }

  private static void addHistogram(
      Map<String, Double> out, String name, List<String> labels, Histogram h) {
    boolean infSeen = false;
    for (Bucket b : h.buckets()) {
      infSeen |= b.upperBound() == Double.POSITIVE_INFINITY;
      out.put(
          key(name + "_bucket", with(labels, "le", number(b.upperBound()))),
          (double) b.cumulativeCount());
    }
    if (!infSeen) {
      out.put(key(name + "_bucket", with(labels, "le", "+Inf")), (double) h.sampleCount());
    }
    out.put(key(name + "_sum", labels), h.sampleSum());
    out.put(key(name + "_count", labels), (double) h.sampleCount());
  }

  /** The samples of a text exposition (comment lines ignored). */
  static Map<String, Double> parse(String text) {
    Map<String, Double> out = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String series = line.substring(0, space);
      int brace = series.indexOf('{');
      String name = brace < 0 ? series : series.substring(0, brace);
      List<String> labels = brace < 0 ? List.of() : parseLabels(series.substring(brace + 1));
      out.put(key(name, labels), value(line.substring(space + 1)));
    }
    return out;
  }

  /** Alternating names and values from {@code a="x",b="y"}} (escapes resolved). */
  private static List<String> parseLabels(String s) {
    List<String> pairs = new ArrayList<>();
    int i = 0;
    while (s.charAt(i) != '}') {
      int eq = s.indexOf('=', i);
      String labelName = s.substring(i, eq);
      StringBuilder v = new StringBuilder();
      int j = eq + 2;
      for (; s.charAt(j) != '"'; j++) {
        char c = s.charAt(j);
        if (c == '\\') {
          c = s.charAt(++j) == 'n' ? '\n' : s.charAt(j);
        }
        v.append(c);
      }
      String labelValue = v.toString();
      if (labelName.equals("le") || labelName.equals("quantile")) {
        labelValue = number(value(labelValue));
      }
      pairs.add(labelName);
      pairs.add(labelValue);
      i = s.charAt(j + 1) == ',' ? j + 2 : j + 1;
    }
    return pairs;
  }

  private static double value(String s) {
    return switch (s) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }

  private static String number(double d) {
    return d == Double.POSITIVE_INFINITY ? "+Inf" : Double.toString(d);
  }

  private static List<String> pairs(Labels labels) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      out.add(labels.name(i));
      out.add(labels.value(i));
    }
    return out;
  }

  private static List<String> with(List<String> pairs, String name, String value) {
    List<String> out = new ArrayList<>(pairs);
    out.add(name);
    out.add(value);
    return out;
  }

  private static String key(String name, List<String> pairs) {
    Map<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < pairs.size(); i += 2) {
      @Nullable String previous = sorted.put(pairs.get(i), pairs.get(i + 1));
      if (previous != null) {
        throw new IllegalArgumentException("duplicate label " + pairs.get(i) + " in " + name);
      }
    }
    StringBuilder sb = new StringBuilder(name).append('{');
    sorted.forEach((n, v) -> sb.append(n).append("=\"").append(v).append("\","));
    return sb.append('}').toString();
  }
}
