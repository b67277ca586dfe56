package io.pushgateway.e2e;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Views of a text exposition (format 0.0.4) that keep expected texts short: only some jobs, without
 * the gateway's own families, with push times masked; and the promtool-style rules a scrape must
 * follow.
 */
final class ScrapeText {
  private static final List<String> OWN_PREFIXES = List.of("jvm_", "process_", "pushgateway_");
  private static final Set<String> PUSH_TIMES =
      Set.of("push_time_seconds", "push_failure_time_seconds");

  private ScrapeText() {}

  /** One family's lines: its name, HELP/TYPE comment lines and samples. */
  record Family(String name, List<String> comments, List<Sample> samples) {
    String render() {
      StringBuilder out = new StringBuilder();
      comments.forEach(c -> out.append(c).append('\n'));
      samples.forEach(s -> out.append(s.line()).append('\n'));
      return out.toString();
    }
  }

  /** A sample line with its metric name, labels (in written order) and value. */
  record Sample(String line, String name, Map<String, String> labels, String value) {
    /** Name and labels: what must be unique in a scrape. */
    String series() {
      return line.substring(0, line.length() - value.length() - 1);
    }
  }

  /**
   * Splits an exposition into families as Go writes them (optional HELP, TYPE, samples). A HELP
   * line always starts a family; a TYPE line too unless it follows the same family's HELP.
   */
  static List<Family> families(String text) {
    List<Family> families = new ArrayList<>();
    Family current = null;
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        String name = line.substring(7).split(" ", 2)[0];
        boolean sameFamily =
            current != null
                && current.name().equals(name)
                && current.samples().isEmpty()
                && line.startsWith("# TYPE ");
        if (!sameFamily) {
          current = new Family(name, new ArrayList<>(), new ArrayList<>());
          families.add(current);
        }
        current.comments().add(line);
      } else if (line.startsWith("#")) {
        throw new IllegalArgumentException("unexpected comment line: " + line);
      } else {
        Sample sample = parseSample(line);
        if (current == null || !belongsTo(sample.name(), current.name())) {
          current = new Family(sample.name(), new ArrayList<>(), new ArrayList<>());
          families.add(current);
        }
        current.samples().add(sample);
      }
    }
    return families;
  }

  private static boolean belongsTo(String sampleName, String family) {
    return sampleName.equals(family)
        || sampleName.equals(family + "_sum")
        || sampleName.equals(family + "_count")
        || sampleName.equals(family + "_bucket");
  }

  static Sample parseSample(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    String name = line.substring(0, i);
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i++;
      while (line.charAt(i) != '}') {
        int eq = line.indexOf('=', i);
        String label = line.substring(i, eq);
        StringBuilder value = new StringBuilder();
        int j = eq + 2; // skip ="
        while (line.charAt(j) != '"') {
          char c = line.charAt(j++);
          if (c == '\\') {
            char e = line.charAt(j++);
            value.append(e == 'n' ? '\n' : e);
          } else {
            value.append(c);
          }
        }
        labels.put(label, value.toString());
        i = j + 1;
        if (line.charAt(i) == ',') {
          i++;
        }
      }
      i++;
    }
    if (i >= line.length() || line.charAt(i) != ' ') {
      throw new IllegalArgumentException("not a sample line: " + line);
    }
    return new Sample(line, name, labels, line.substring(i + 1));
  }

  static String render(List<Family> families) {
    StringBuilder out = new StringBuilder();
    families.forEach(f -> out.append(f.render()));
    return out.toString();
  }

  /** Drops the gateway's own families ({@code jvm_*}, {@code process_*}, {@code pushgateway_*}). */
  static String withoutOwnFamilies(String text) {
    return render(
        families(text).stream()
            .filter(f -> OWN_PREFIXES.stream().noneMatch(p -> f.name().startsWith(p)))
            .toList());
  }

  /** Keeps only series with one of the given {@code job} labels (and their families). */
  static String onlyJobs(String text, String... jobs) {
    Set<String> wanted = new HashSet<>(Arrays.asList(jobs));
    List<Family> kept = new ArrayList<>();
    for (Family family : families(text)) {
      List<Sample> samples =
          family.samples().stream().filter(s -> wanted.contains(s.labels().get("job"))).toList();
      if (!samples.isEmpty()) {
        kept.add(new Family(family.name(), family.comments(), samples));
      }
    }
    return render(kept);
  }

  /** Drops the {@code push_time_seconds} and {@code push_failure_time_seconds} families. */
  static String withoutPushTimes(String text) {
    return render(families(text).stream().filter(f -> !PUSH_TIMES.contains(f.name())).toList());
  }

  /**
   * Shows push times as {@code <time>} when they lie between {@code since} and now (zero stays
   * {@code 0}; anything else is left as is, so that an assertion shows it).
   */
  static String maskPushTimes(String text, Instant since) {
    double from = since.getEpochSecond() - 1;
    double to = Instant.now().getEpochSecond() + 1;
    List<Family> masked = new ArrayList<>();
    for (Family family : families(text)) {
      if (!PUSH_TIMES.contains(family.name())) {
        masked.add(family);
        continue;
      }
      List<Sample> samples = new ArrayList<>();
      for (Sample s : family.samples()) {
        double value = Double.parseDouble(s.value());
        String shown = value >= from && value <= to ? "<time>" : s.value();
        samples.add(new Sample(s.series() + " " + shown, s.name(), s.labels(), shown));
      }
      masked.add(new Family(family.name(), family.comments(), samples));
    }
    return render(masked);
  }

  /** The value of the sample written exactly as {@code series} (name and labels). */
  static double value(String text, String series) {
    for (Family family : families(text)) {
      for (Sample sample : family.samples()) {
        if (sample.series().equals(series)) {
          return Double.parseDouble(sample.value());
        }
      }
    }
    throw new AssertionError("no sample " + series + " in:\n" + text);
  }

  /**
   * What {@code promtool check metrics} would reject as unparsable: a family split into several
   * blocks, a second HELP or TYPE line, a series written twice, families out of order, a sample
   * that does not belong to its TYPE. Returns one message per problem.
   */
  static List<String> promtoolProblems(String text) {
    List<String> problems = new ArrayList<>();
    Set<String> seenFamilies = new HashSet<>();
    Set<String> seenSeries = new HashSet<>();
    String previous = "";
    for (Family family : families(text)) {
      if (!seenFamilies.add(family.name())) {
        problems.add("family " + family.name() + " is not contiguous");
      }
      if (family.name().compareTo(previous) < 0) {
        problems.add("family " + family.name() + " sorts before " + previous);
      }
      previous = family.name();
      long helps = family.comments().stream().filter(c -> c.startsWith("# HELP")).count();
      long types = family.comments().stream().filter(c -> c.startsWith("# TYPE")).count();
      if (helps > 1 || types > 1) {
        problems.add("family " + family.name() + " has several HELP or TYPE lines");
      }
      for (Sample sample : family.samples()) {
        if (!seenSeries.add(sample.series())) {
          problems.add("duplicate series " + sample.series());
        }
      }
    }
    return problems;
  }
}
