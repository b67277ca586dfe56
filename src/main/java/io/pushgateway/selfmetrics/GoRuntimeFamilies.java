package io.pushgateway.selfmetrics;

import io.pushgateway.model.MetricType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Go gateway's runtime families, read once from {@code go-runtime-families.tsv}. */
final class GoRuntimeFamilies {
  static final Map<String, OwnFamily> ALL = load();

  private GoRuntimeFamilies() {}

  private static Map<String, OwnFamily> load() {
    Map<String, OwnFamily> out = new LinkedHashMap<>();
    try (InputStream in = GoRuntimeFamilies.class.getResourceAsStream("go-runtime-families.tsv")) {
      if (in == null) {
        throw new IllegalStateException("go-runtime-families.tsv missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", 3);
        out.put(f[0], new OwnFamily(f[0], MetricType.valueOf(f[1]), f[2], true));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(out);
  }
}
