package io.pushgateway.fuzz;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.airlift.compress.snappy.SnappyFramedOutputStream;
import io.pushgateway.exposition.ExpositionFuzzTargets;
import io.pushgateway.exposition.ParseException;
import io.pushgateway.exposition.TextParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Seed inputs of every fuzz target, from the bodies, paths and requests of the public conformance
 * scenarios (copied to {@code src/test/resources/fuzz}), the protobuf tests' messages and generated
 * text bodies, each also compressed or encoded where the target wants that.
 *
 * <p>{@code main(dir)} writes them as {@code dir/<target>/seed-N}, the start corpus of {@code
 * bench/fuzz-long}.
 */
public final class FuzzSeeds {
  /** The fuzz target names, as {@code bench/fuzz-long} and the property tests use them. */
  public static final List<String> TARGETS =
      List.of(
          "text",
          "protobuf",
          "groupingKey",
          "pathHelpers",
          "gzip",
          "snappy",
          "bodyDecoding",
          "push");

  private static final String PROTOBUF_TYPE =
      "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;"
          + " encoding=delimited";

  private FuzzSeeds() {}

  /** The seeds of one target. */
  public static List<byte[]> of(String target) {
    return switch (target) {
      case "text" -> textBodies();
      case "protobuf" -> protobufBodies();
      case "groupingKey" -> groupingKeys();
      case "pathHelpers" -> paths().stream().map(p -> p.getBytes(ISO_8859_1)).toList();
      case "gzip" -> textBodies().stream().map(FuzzSeeds::gzip).toList();
      case "snappy" -> textBodies().stream().map(FuzzSeeds::snappy).toList();
      case "bodyDecoding" -> bodyDecoding();
      case "push" -> pushRequests();
      default -> throw new IllegalArgumentException("no fuzz target " + target);
    };
  }

  /** Text bodies: the conformance scenarios' and 100 generated ones. */
  static List<byte[]> textBodies() {
    List<byte[]> bodies = new ArrayList<>(resources("fuzz/text"));
    Random r = new Random(7);
    for (int i = 0; i < 100; i++) {
      bodies.add(TextBodies.generate(r));
    }
    return bodies;
  }

  /** Protobuf bodies: the text bodies that parse, re-encoded, and the protobuf tests' messages. */
  static List<byte[]> protobufBodies() {
    List<byte[]> bodies = new ArrayList<>(ExpositionFuzzTargets.protobufSamples(50));
    for (byte[] text : textBodies()) {
      try {
        bodies.add(ExpositionFuzzTargets.encodeProtobuf(TextParser.parse(text)));
      } catch (ParseException e) {
        // only valid bodies make protobuf seeds
      }
    }
    return bodies;
  }

  /** Flag byte (1: job@base64) + percent-decoded job segment and label path of push URLs. */
  static List<byte[]> groupingKeys() {
    List<byte[]> keys = new ArrayList<>();
    for (String path : paths()) {
      for (String prefix : new String[] {"/metrics/job/", "/metrics/job@base64/"}) {
        if (path.startsWith(prefix)) {
          String rest =
              URLDecoder.decode(path.substring(prefix.length()).replace("+", "%2B"), UTF_8);
          byte flag = (byte) (prefix.contains("@base64") ? 1 : 0);
          keys.add(Mutator.concat(new byte[] {flag}, rest.getBytes(UTF_8)));
        }
      }
    }
    return keys;
  }

  static List<String> paths() {
    return new String(resource("fuzz/paths.txt"), UTF_8).lines().toList();
  }

  /** Selector byte (0 gzip, 1 snappy, 2 identity) + body. */
  static List<byte[]> bodyDecoding() {
    List<byte[]> seeds = new ArrayList<>();
    for (byte[] text : textBodies().subList(0, 20)) {
      seeds.add(Mutator.concat(new byte[] {0}, gzip(text)));
      seeds.add(Mutator.concat(new byte[] {1}, snappy(text)));
      seeds.add(Mutator.concat(new byte[] {2}, text));
    }
    return seeds;
  }

  /** The conformance scenarios' requests, and their text bodies as protobuf, gzip and snappy. */
  static List<byte[]> pushRequests() {
    List<byte[]> requests = new ArrayList<>(resources("fuzz/push"));
    List<byte[]> texts = textBodies();
    for (int i = 0; i < texts.size(); i++) {
      byte[] text = texts.get(i);
      String path = "/metrics/job/j" + i % 3 + (i % 2 == 0 ? "/instance/x" : "");
      requests.add(request("PUT " + path + "\nContent-Encoding: gzip\n\n", gzip(text)));
      requests.add(request("POST " + path + "\nContent-Encoding: snappy\n\n", snappy(text)));
      try {
        byte[] proto = ExpositionFuzzTargets.encodeProtobuf(TextParser.parse(text));
        requests.add(request("PUT " + path + "\nContent-Type: " + PROTOBUF_TYPE + "\n\n", proto));
      } catch (ParseException e) {
        // only valid bodies make protobuf seeds
      }
    }
    return requests;
  }

  private static byte[] request(String head, byte[] body) {
    return Mutator.concat(head.getBytes(ISO_8859_1), body);
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] snappy(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SnappyFramedOutputStream s = new SnappyFramedOutputStream(out)) {
      s.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static List<byte[]> resources(String dir) {
    try (Stream<Path> files = Files.list(resourcePath(dir))) {
      Map<String, byte[]> sorted = new TreeMap<>();
      for (Path p : files.toList()) {
        sorted.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
      return List.copyOf(sorted.values());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resource(String name) {
    try {
      return Files.readAllBytes(resourcePath(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resourcePath(String name) {
    try {
      return Path.of(FuzzSeeds.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes every target's seeds to {@code args[0]/<target>/seed-N}. */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    for (String target : TARGETS) {
      Path dir = Files.createDirectories(root.resolve(target));
      List<byte[]> seeds = of(target);
      for (int i = 0; i < seeds.size(); i++) {
        Files.write(dir.resolve("seed-" + i), seeds.get(i));
      }
    }
  }
}
