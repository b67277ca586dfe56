package io.pushgateway.persistence;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pushgateway.exposition.ParseException;
import io.pushgateway.exposition.ProtobufParser;
import io.pushgateway.exposition.ProtobufWriter;
import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.Labels;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import io.pushgateway.persistence.proto.Records;
import io.pushgateway.storage.Group;
import io.pushgateway.storage.StoredFamily;
import io.pushgateway.storage.WriteLog;
import io.pushgateway.storage.WriteRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Encodes groups and write requests as persistence records, and decodes them back exactly. */
final class RecordCodec {
  private RecordCodec() {}

  /**
   * What a record is: a group of the snapshot, the snapshot's end, or, after it, a write or a probe
   * (which changes nothing).
   */
  enum Kind {
    SNAPSHOT_GROUP,
    SNAPSHOT_END,
    WRITE,
    PROBE
  }

  /** A decoded record: its kind and, unless it ends the snapshot, the write to apply. */
  record Decoded(Kind kind, @Nullable WriteRequest request, boolean accepted) {}

  static byte[] group(Group group) {
    Records.Group.Builder b = Records.Group.newBuilder();
    addLabels(group.key().labels(), b::addGroupingLabels);
    for (StoredFamily f : group.families()) {
      b.addFamilies(storedFamily(f));
    }
    return Records.Record.newBuilder().setGroup(b).build().toByteArray();
  }

  static byte[] snapshotEnd(long groups) {
    return Records.Record.newBuilder()
        .setSnapshotEnd(Records.SnapshotEnd.newBuilder().setGroups(groups))
        .build()
        .toByteArray();
  }

  static byte[] probe() {
    return Records.Record.newBuilder()
        .setProbe(Records.Probe.getDefaultInstance())
        .build()
        .toByteArray();
  }

  static byte[] write(WriteLog.Entry entry) {
    Records.Record.Builder record = Records.Record.newBuilder();
    switch (entry.request()) {
      case WriteRequest.Push push -> {
        Records.Push.Builder b =
            Records.Push.newBuilder()
                .setReplace(push.replace())
                .setAccepted(entry.accepted())
                .setTimeSeconds(push.time().getEpochSecond())
                .setTimeNanos(push.time().getNano());
        addLabels(push.key().labels(), b::addGroupingLabels);
        if (entry.accepted()) {
          for (StoredFamily f : push.families()) {
            b.addFamilies(ByteString.copyFrom(ProtobufWriter.toDelimitedBytes(f.family())));
          }
        }
        record.setPush(b);
      }
      case WriteRequest.Delete delete -> {
        Records.Delete.Builder b =
            Records.Delete.newBuilder()
                .setTimeSeconds(delete.time().getEpochSecond())
                .setTimeNanos(delete.time().getNano());
        addLabels(delete.key().labels(), b::addGroupingLabels);
        record.setDelete(b);
      }
      case WriteRequest.Wipe wipe ->
          record.setWipe(
              Records.Wipe.newBuilder()
                  .setTimeSeconds(wipe.time().getEpochSecond())
                  .setTimeNanos(wipe.time().getNano()));
      case WriteRequest.Restore restore -> {
        Records.Group.Builder b = Records.Group.newBuilder();
        addLabels(restore.key().labels(), b::addGroupingLabels);
        for (StoredFamily f : restore.families()) {
          b.addFamilies(storedFamily(f));
        }
        record.setRestore(b);
      }
    }
    return record.build().toByteArray();
  }

  private static Records.StoredFamily storedFamily(StoredFamily f) {
    return Records.StoredFamily.newBuilder()
        .setFamily(ByteString.copyFrom(ProtobufWriter.toDelimitedBytes(f.family())))
        .setLastPushedSeconds(f.lastPushed().getEpochSecond())
        .setLastPushedNanos(f.lastPushed().getNano())
        .build();
  }

  /**
   * Decodes a record.
   *
   * @throws IllegalArgumentException if the record is not one this gateway writes
   */
  static Decoded decode(byte[] bytes, Strings strings) {
    Records.Record r;
    try {
      r = Records.Record.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("undecodable record: " + e.getMessage(), e);
    }
    return switch (r.getKindCase()) {
      case GROUP -> new Decoded(Kind.SNAPSHOT_GROUP, restore(r.getGroup(), strings), true);
      case RESTORE -> new Decoded(Kind.WRITE, restore(r.getRestore(), strings), true);
      case SNAPSHOT_END -> new Decoded(Kind.SNAPSHOT_END, null, true);
      case PROBE -> new Decoded(Kind.PROBE, null, true);
      case PUSH -> push(r.getPush(), strings);
      case DELETE -> {
        Records.Delete d = r.getDelete();
        yield new Decoded(
            Kind.WRITE,
            new WriteRequest.Delete(
                key(d.getGroupingLabelsList(), strings),
                instant(d.getTimeSeconds(), d.getTimeNanos())),
            true);
      }
      case WIPE ->
          new Decoded(
              Kind.WRITE,
              new WriteRequest.Wipe(
                  instant(r.getWipe().getTimeSeconds(), r.getWipe().getTimeNanos())),
              true);
      case KIND_NOT_SET -> throw new IllegalArgumentException("record of an unknown kind");
    };
  }

  private static WriteRequest.Restore restore(Records.Group g, Strings strings) {
    List<StoredFamily> families = new ArrayList<>(g.getFamiliesCount());
    Instant newest = Instant.EPOCH;
    for (Records.StoredFamily f : g.getFamiliesList()) {
      Instant t = instant(f.getLastPushedSeconds(), f.getLastPushedNanos());
      families.add(StoredFamily.of(family(f.getFamily(), strings), t));
      newest = t.isAfter(newest) ? t : newest;
    }
    return new WriteRequest.Restore(key(g.getGroupingLabelsList(), strings), families, newest);
  }

  private static Decoded push(Records.Push p, Strings strings) {
    Instant time = instant(p.getTimeSeconds(), p.getTimeNanos());
    List<StoredFamily> families = new ArrayList<>(p.getFamiliesCount());
    for (ByteString f : p.getFamiliesList()) {
      families.add(StoredFamily.of(family(f, strings), time));
    }
    WriteRequest.Push push =
        new WriteRequest.Push(
            key(p.getGroupingLabelsList(), strings), families, p.getReplace(), false, time);
    return new Decoded(Kind.WRITE, push, p.getAccepted());
  }

  private static MetricFamily family(ByteString delimited, Strings strings) {
    List<MetricFamily> parsed;
    try {
      parsed = ProtobufParser.parse(delimited.toByteArray());
    } catch (ParseException e) {
      throw new IllegalArgumentException("undecodable metric family: " + e.getMessage(), e);
    }
    if (parsed.size() != 1) {
      throw new IllegalArgumentException("expected one metric family, found " + parsed.size());
    }
    return canonical(parsed.get(0), strings);
  }

  /**
   * One instance of each string seen while reading a file, so that a restored store keeps one copy
   * of each label name and value, family name and help text instead of one per series: less memory,
   * and much less for the garbage collector to copy while a large store is read.
   */
  static final class Strings {
    private final Map<String, String> seen = new HashMap<>();

    String of(String s) {
      String known = seen.putIfAbsent(s, s);
      return known == null ? s : known;
    }

    @Nullable String ofNullable(@Nullable String s) {
      return s == null ? null : of(s);
    }
  }

  /** The family with its strings replaced by their canonical instances. */
  private static MetricFamily canonical(MetricFamily f, Strings strings) {
    List<Metric> metrics = new ArrayList<>(f.metrics().size());
    for (Metric m : f.metrics()) {
      metrics.add(m.withLabels(canonical(m.labels(), strings)));
    }
    return new MetricFamily(
        strings.of(f.name()),
        strings.ofNullable(f.help()),
        f.type(),
        strings.ofNullable(f.unit()),
        metrics);
  }

  private static Labels canonical(Labels labels, Strings strings) {
    String[] namesAndValues = new String[labels.size() * 2];
    for (int i = 0; i < labels.size(); i++) {
      namesAndValues[2 * i] = strings.of(labels.name(i));
      namesAndValues[2 * i + 1] = strings.of(labels.value(i));
    }
    return Labels.ofOwned(namesAndValues);
  }

  private static GroupingKey key(List<Records.LabelPair> pairs, Strings strings) {
    String[] namesAndValues = new String[pairs.size() * 2];
    int i = 0;
    for (Records.LabelPair p : pairs) {
      namesAndValues[i++] = strings.of(p.getName());
      namesAndValues[i++] = strings.of(p.getValue());
    }
    return GroupingKey.of(Labels.ofOwned(namesAndValues));
  }

  private interface LabelSink {
    void add(Records.LabelPair pair);
  }

  private static void addLabels(Labels labels, LabelSink sink) {
    for (int i = 0; i < labels.size(); i++) {
      sink.add(
          Records.LabelPair.newBuilder().setName(labels.name(i)).setValue(labels.value(i)).build());
    }
  }

  private static Instant instant(long seconds, int nanos) {
    return Instant.ofEpochSecond(seconds, nanos);
  }
}
