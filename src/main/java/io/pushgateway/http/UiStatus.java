package io.pushgateway.http;

import io.pushgateway.model.Utf8Order;
import io.pushgateway.storage.StoreState;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

/**
 * The UI's status tab ({@code view=status}): the startup flags and build information as in {@code
 * /api/v1/status}, the start time, the Java runtime, and the store's figures.
 */
final class UiStatus {
  private final Map<String, String> flags;
  private final Map<String, String> buildInfo;
  private final Instant startTime;
  private final ZoneId zone;

  UiStatus(
      Map<String, String> flags, Map<String, String> buildInfo, Instant startTime, ZoneId zone) {
    this.flags = flags;
    this.buildInfo = buildInfo;
    this.startTime = startTime;
    this.zone = zone;
  }

  String render(StoreState state, Instant now) {
    GoJson json = new GoJson(2048);
    json.beginObject().key("now").raw(Long.toString(now.toEpochMilli()));
    json.key("startTime").value(GoTime.rfc3339Nano(startTime, zone));
    json.key("startMs").raw(Long.toString(startTime.toEpochMilli()));
    json.key("flags");
    sortedMap(json, flags);
    json.key("build");
    sortedMap(json, buildInfo);
    json.key("runtime");
    sortedMap(json, runtime());
    json.key("store")
        .beginObject()
        .key("groups")
        .raw(Integer.toString(state.groupCount()))
        .key("series")
        .raw(Long.toString(state.seriesCount()))
        .key("families")
        .raw(Integer.toString(state.familyCount()))
        .key("consistent")
        .value(state.isConsistent())
        .endObject();
    return json.endObject().toString();
  }

  /** What an operator asks about the JVM: which one, where, and how much memory it uses. */
  private static Map<String, String> runtime() {
    Map<String, String> info = new TreeMap<>(Utf8Order.COMPARATOR);
    Runtime rt = Runtime.getRuntime();
    RuntimeMXBean mx = ManagementFactory.getRuntimeMXBean();
    info.put("Java version", System.getProperty("java.version", ""));
    info.put("Java vendor", System.getProperty("java.vendor", ""));
    info.put("JVM", mx.getVmName() + " " + mx.getVmVersion());
    info.put("OS", System.getProperty("os.name", "") + " " + System.getProperty("os.arch", ""));
    info.put("Processors", Integer.toString(rt.availableProcessors()));
    info.put("Heap used", mib(rt.totalMemory() - rt.freeMemory()));
    info.put("Heap max", mib(rt.maxMemory()));
    info.put("Process id", Long.toString(ProcessHandle.current().pid()));
    info.put("JVM arguments", String.join(" ", mx.getInputArguments()));
    return info;
  }

  private static String mib(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  private static void sortedMap(GoJson json, Map<String, String> map) {
    json.beginObject();
    Map<String, String> sorted = new TreeMap<>(Utf8Order.COMPARATOR);
    sorted.putAll(map);
    sorted.forEach((k, v) -> json.key(k).value(v));
    json.endObject();
  }
}
