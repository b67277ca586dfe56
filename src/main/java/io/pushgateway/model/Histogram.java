package io.pushgateway.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A histogram value as in client_model's {@code Histogram} message: classic buckets and the native
 * (sparse) representation, kept field for field. Unsigned 64-bit fields are held in {@code long}.
 * {@link #has(Field)} tells which optional scalar fields were present in the push.
 */
public final class Histogram {
  /** The optional scalar fields whose presence is tracked. */
  public enum Field {
    SAMPLE_COUNT,
    SAMPLE_COUNT_FLOAT,
    SAMPLE_SUM,
    SCHEMA,
    ZERO_THRESHOLD,
    ZERO_COUNT,
    ZERO_COUNT_FLOAT
  }

  private static final long[] NO_LONGS = new long[0];
  private static final double[] NO_DOUBLES = new double[0];

  private final int present;
  private final long sampleCount;
  private final double sampleCountFloat;
  private final double sampleSum;
  private final List<Bucket> buckets;
  private final @Nullable Timestamp createdTimestamp;
  private final int schema;
  private final double zeroThreshold;
  private final long zeroCount;
  private final double zeroCountFloat;
  private final List<BucketSpan> negativeSpans;
  private final long[] negativeDeltas;
  private final double[] negativeCounts;
  private final List<BucketSpan> positiveSpans;
  private final long[] positiveDeltas;
  private final double[] positiveCounts;
  private final List<Exemplar> exemplars;

  private Histogram(Builder b) {
    present = b.present;
    sampleCount = b.sampleCount;
    sampleCountFloat = b.sampleCountFloat;
    sampleSum = b.sampleSum;
    buckets = PlainBuckets.of(b.buckets);
    createdTimestamp = b.createdTimestamp;
    schema = b.schema;
    zeroThreshold = b.zeroThreshold;
    zeroCount = b.zeroCount;
    zeroCountFloat = b.zeroCountFloat;
    negativeSpans = List.copyOf(b.negativeSpans);
    negativeDeltas = b.negativeDeltas.length == 0 ? NO_LONGS : b.negativeDeltas.clone();
    negativeCounts = b.negativeCounts.length == 0 ? NO_DOUBLES : b.negativeCounts.clone();
    positiveSpans = List.copyOf(b.positiveSpans);
    positiveDeltas = b.positiveDeltas.length == 0 ? NO_LONGS : b.positiveDeltas.clone();
    positiveCounts = b.positiveCounts.length == 0 ? NO_DOUBLES : b.positiveCounts.clone();
    exemplars = List.copyOf(b.exemplars);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether this optional field was present. */
  public boolean has(Field field) {
    return (present & (1 << field.ordinal())) != 0;
  }

  public long sampleCount() {
    return sampleCount;
  }

  public double sampleCountFloat() {
    return sampleCountFloat;
  }

  public double sampleSum() {
    return sampleSum;
  }

  public List<Bucket> buckets() {
    return buckets;
  }

  public @Nullable Timestamp createdTimestamp() {
    return createdTimestamp;
  }

  public int schema() {
    return schema;
  }

  public double zeroThreshold() {
    return zeroThreshold;
  }

  public long zeroCount() {
    return zeroCount;
  }

  public double zeroCountFloat() {
    return zeroCountFloat;
  }

  public List<BucketSpan> negativeSpans() {
    return negativeSpans;
  }

  /** Delta-encoded negative bucket counts (integer histograms); a copy. */
  public long[] negativeDeltas() {
    return negativeDeltas.clone();
  }

  /** Absolute negative bucket counts (float histograms); a copy. */
  public double[] negativeCounts() {
    return negativeCounts.clone();
  }

  public List<BucketSpan> positiveSpans() {
    return positiveSpans;
  }

  /** Delta-encoded positive bucket counts (integer histograms); a copy. */
  public long[] positiveDeltas() {
    return positiveDeltas.clone();
  }

  /** Absolute positive bucket counts (float histograms); a copy. */
  public double[] positiveCounts() {
    return positiveCounts.clone();
  }

  public int negativeDeltaCount() {
    return negativeDeltas.length;
  }

  public long negativeDelta(int i) {
    return negativeDeltas[i];
  }

  public int negativeCountCount() {
    return negativeCounts.length;
  }

  public double negativeCount(int i) {
    return negativeCounts[i];
  }

  public int positiveDeltaCount() {
    return positiveDeltas.length;
  }

  public long positiveDelta(int i) {
    return positiveDeltas[i];
  }

  public int positiveCountCount() {
    return positiveCounts.length;
  }

  public double positiveCount(int i) {
    return positiveCounts[i];
  }

  public List<Exemplar> exemplars() {
    return exemplars;
  }

  /** Whether native buckets are present (any positive or negative span). */
  public boolean isNative() {
    return !negativeSpans.isEmpty() || !positiveSpans.isEmpty();
  }

  /**
   * Whether this is a float histogram, i.e. its counts are in the {@code *_float} fields (a
   * positive float count or float zero count).
   */
  public boolean isFloat() {
    return sampleCountFloat > 0 || zeroCountFloat > 0;
  }

  /** Equal when every field is (doubles by their bits, so -0 and 0 differ as they print). */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Histogram h
        && present == h.present
        && sampleCount == h.sampleCount
        && sameBits(sampleCountFloat, h.sampleCountFloat)
        && sameBits(sampleSum, h.sampleSum)
        && buckets.equals(h.buckets)
        && Objects.equals(createdTimestamp, h.createdTimestamp)
        && schema == h.schema
        && sameBits(zeroThreshold, h.zeroThreshold)
        && zeroCount == h.zeroCount
        && sameBits(zeroCountFloat, h.zeroCountFloat)
        && negativeSpans.equals(h.negativeSpans)
        && Arrays.equals(negativeDeltas, h.negativeDeltas)
        && Arrays.equals(negativeCounts, h.negativeCounts)
        && positiveSpans.equals(h.positiveSpans)
        && Arrays.equals(positiveDeltas, h.positiveDeltas)
        && Arrays.equals(positiveCounts, h.positiveCounts)
        && exemplars.equals(h.exemplars);
  }

  private static boolean sameBits(double a, double b) {
    return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sampleCount, Double.hashCode(sampleSum), buckets, schema);
  }

  /** A builder; every setter marks its field present. */
  public static final class Builder {
    private int present;
    private long sampleCount;
    private double sampleCountFloat;
    private double sampleSum;
    private List<Bucket> buckets = new ArrayList<>();
    private @Nullable Timestamp createdTimestamp;
    private int schema;
    private double zeroThreshold;
    private long zeroCount;
    private double zeroCountFloat;
    private List<BucketSpan> negativeSpans = new ArrayList<>();
    private long[] negativeDeltas = NO_LONGS;
    private double[] negativeCounts = NO_DOUBLES;
    private List<BucketSpan> positiveSpans = new ArrayList<>();
    private long[] positiveDeltas = NO_LONGS;
    private double[] positiveCounts = NO_DOUBLES;
    private List<Exemplar> exemplars = new ArrayList<>();

    private Builder() {}

    private Builder mark(Field f) {
      present |= 1 << f.ordinal();
      return this;
    }

    public Builder sampleCount(long v) {
      sampleCount = v;
      return mark(Field.SAMPLE_COUNT);
    }

    public Builder sampleCountFloat(double v) {
      sampleCountFloat = v;
      return mark(Field.SAMPLE_COUNT_FLOAT);
    }

    public Builder sampleSum(double v) {
      sampleSum = v;
      return mark(Field.SAMPLE_SUM);
    }

    public Builder buckets(List<Bucket> v) {
      buckets = new ArrayList<>(v);
      return this;
    }

    public Builder addBucket(Bucket v) {
      buckets.add(v);
      return this;
    }

    public Builder createdTimestamp(@Nullable Timestamp v) {
      createdTimestamp = v;
      return this;
    }

    public Builder schema(int v) {
      schema = v;
      return mark(Field.SCHEMA);
    }

    public Builder zeroThreshold(double v) {
      zeroThreshold = v;
      return mark(Field.ZERO_THRESHOLD);
    }

    public Builder zeroCount(long v) {
      zeroCount = v;
      return mark(Field.ZERO_COUNT);
    }

    public Builder zeroCountFloat(double v) {
      zeroCountFloat = v;
      return mark(Field.ZERO_COUNT_FLOAT);
    }

    public Builder negativeSpans(List<BucketSpan> v) {
      negativeSpans = new ArrayList<>(v);
      return this;
    }

    public Builder negativeDeltas(long[] v) {
      negativeDeltas = v.clone();
      return this;
    }

    public Builder negativeCounts(double[] v) {
      negativeCounts = v.clone();
      return this;
    }

    public Builder positiveSpans(List<BucketSpan> v) {
      positiveSpans = new ArrayList<>(v);
      return this;
    }

    public Builder positiveDeltas(long[] v) {
      positiveDeltas = v.clone();
      return this;
    }

    public Builder positiveCounts(double[] v) {
      positiveCounts = v.clone();
      return this;
    }

    public Builder exemplars(List<Exemplar> v) {
      exemplars = new ArrayList<>(v);
      return this;
    }

    public Histogram build() {
      return new Histogram(this);
    }
  }
}
