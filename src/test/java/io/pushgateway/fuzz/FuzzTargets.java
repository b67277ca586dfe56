package io.pushgateway.fuzz;

import io.pushgateway.exposition.ExpositionFuzzTargets;
import io.pushgateway.http.HttpFuzzTargets;
import io.pushgateway.http.PushFuzzTarget;
import java.util.function.Consumer;

/** The fuzz targets by name: what the property tests and the Jazzer entry points run. */
public final class FuzzTargets {
  private static PushFuzzTarget push;

  private FuzzTargets() {}

  /** The target of that name (see {@link FuzzSeeds#TARGETS}). */
  public static Consumer<byte[]> named(String name) {
    return switch (name) {
      case "text" -> ExpositionFuzzTargets::textParser;
      case "protobuf" -> ExpositionFuzzTargets::protobufParser;
      case "groupingKey" -> HttpFuzzTargets::groupingKey;
      case "pathHelpers" -> HttpFuzzTargets::pathHelpers;
      case "gzip" -> HttpFuzzTargets::gzip;
      case "snappy" -> HttpFuzzTargets::snappy;
      case "bodyDecoding" -> HttpFuzzTargets::bodyDecoding;
      case "push" -> pushTarget()::run;
      default -> throw new IllegalArgumentException("no fuzz target " + name);
    };
  }

  /** One in-process gateway for the whole run; its store is wiped before every input. */
  static synchronized PushFuzzTarget pushTarget() {
    if (push == null) {
      push = new PushFuzzTarget(true);
      Runtime.getRuntime().addShutdownHook(new Thread(push::close));
    }
    return push;
  }
}
