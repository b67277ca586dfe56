package io.pushgateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.pushgateway.exposition.ProtobufParser;
import io.pushgateway.model.Metric;
import io.pushgateway.model.MetricFamily;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the gateway (a separate JVM) with SIGKILL at random moments under a concurrent push load,
 * restarts it and checks that every write that got its answer survived with its values, and that
 * nothing else changed: a write still waiting for its answer at the kill may or may not be there.
 *
 * <p>Each pusher owns its groups and sends one request at a time, so per group the acknowledged
 * writes are ordered and at most one write is in flight at the kill. Cycles vary the flags: {@code
 * --persistence.fsync} in every third, a 0s or 200ms {@code --persistence.interval} in most (so
 * that kills land in the middle of snapshots), and some kills hit the gateway while it starts. Run
 * alone with {@code mvn test -Dtest=CrashTest} ({@code -Dcrash.cycles=N} for more cycles).
 */
@Tag("slow")
@Tag("crash")
class CrashTest {
  private static final int CYCLES = Integer.getInteger("crash.cycles", 50);
  private static final int PUSHERS = 8;
  private static final int GROUPS_PER_PUSHER = 25;
  private static final int SERIES = 10;
  private static final List<String> FAMILIES = List.of("crash_a", "crash_b", "crash_c");
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final Pattern LISTENING =
      Pattern.compile("msg=\"Listening on\" address=127\\.0\\.0\\.1:(\\d+)");
  private static final String PROTOBUF =
      "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited";

  @TempDir Path dir;

  /** What a group holds: family name to the values of its series (by series index), failed. */
  private record GroupState(Map<String, List<Double>> families, boolean failed) {}

  private enum Op {
    PUT,
    POST,
    DELETE,
    FAIL
  }

  /** One request: its target group, what it sends and the effect it has when applied. */
  private record Write(int pusher, int group, Op op, List<String> families, long seq) {
    String path() {
      return "/metrics/job/crash/pusher/" + pusher + "/g/" + group;
    }

    String body() {
      StringBuilder b = new StringBuilder();
      for (String f : families) {
        b.append("# TYPE ").append(f).append(" gauge\n");
        for (int s = 0; s < SERIES; s++) {
          b.append(f).append("{series=\"").append(s).append("\"} ").append(value(f, s));
          b.append(op == Op.FAIL ? " 1700000000000\n" : "\n");
        }
      }
      return b.toString();
    }

    double value(String family, int series) {
      return (double) seq * 100 + FAMILIES.indexOf(family) * SERIES + series;
    }

    int expectedStatus() {
      return switch (op) {
        case PUT, POST -> 200;
        case DELETE -> 202;
        case FAIL -> 400;
      };
    }

    @Nullable GroupState applyTo(@Nullable GroupState before) {
      if (op == Op.DELETE) {
        return null;
      }
      Map<String, List<Double>> families =
          new TreeMap<>(before == null ? Map.of() : before.families());
      boolean failed = before != null && before.failed();
      switch (op) {
        case FAIL -> failed = true;
        case PUT -> families.clear();
        default -> {}
      }
      if (op != Op.FAIL) {
        for (String f : this.families) {
          List<Double> values = new ArrayList<>();
          for (int s = 0; s < SERIES; s++) {
            values.add(value(f, s));
          }
          families.put(f, values);
        }
      }
      return new GroupState(families, failed);
    }
  }

  private record GroupId(int pusher, int group) {}

  /** What the test knows: each group's acknowledged state and the writes still in flight. */
  private final Map<GroupId, GroupState> model = new HashMap<>();

  private final Map<GroupId, Write> inFlight = new HashMap<>();
  private long acknowledged;
  private long inFlightApplied;
  private long inFlightNotApplied;
  private long lost;
  private long seq;
  private int logs;

  /** A modification time no snapshot the gateway writes can have. */
  private static final FileTime LEFT_OVER_MARK = FileTime.fromMillis(1_000_000L);

  /**
   * Marks the unfinished snapshot a kill left, if any, with an old modification time, so that
   * {@link #verify} can tell it from one the restarted gateway is writing.
   */
  private FileTime markLeftOverSnapshot() throws IOException {
    Path unfinished = dir.resolve("pushgateway.data.in_progress");
    try {
      Files.setLastModifiedTime(unfinished, LEFT_OVER_MARK);
    } catch (NoSuchFileException e) {
      // nothing was left over
    }
    return LEFT_OVER_MARK;
  }

  /** Every gateway process started, so that none outlives a failed test. */
  private static final List<Process> STARTED = new CopyOnWriteArrayList<>();

  @AfterEach
  void killLeftOverGateways() {
    STARTED.forEach(Process::destroyForcibly);
    STARTED.clear();
  }

  @Test
  void killedGateway_keepsEveryAcknowledgedWrite() throws Exception {
    Path file = dir.resolve("pushgateway.data");
    Random random = new Random(Long.getLong("crash.seed", System.nanoTime()));
    int startupKills = 0;
    for (int cycle = 0; cycle < CYCLES; cycle++) {
      List<String> flags = flags(file, cycle);
      if (cycle % 10 == 9) {
        killDuringStartup(flags, random);
        startupKills++;
      }
      FileTime leftOver = markLeftOverSnapshot();
      Gateway gateway = Gateway.start(flags, nextLog());
      verify(gateway, cycle, leftOver);
      if (cycle % 10 == 4) {
        assertThat(gateway.send("PUT", "/api/v1/admin/wipe", "")).isEqualTo(202);
        model.clear();
      }
      pushAndKill(gateway, random);
    }
    FileTime leftOver = markLeftOverSnapshot();
    Gateway gateway = Gateway.start(flags(file, 0), nextLog());
    verify(gateway, CYCLES, leftOver);
    gateway.process.destroy(); // SIGTERM: a graceful stop writes a final snapshot
    assertThat(gateway.process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(gateway.process.exitValue()).isZero();
    assertThat(PersistenceFixtures.list(dir).stream().filter(p -> !p.toString().endsWith(".log")))
        .containsExactly(file);
    Gateway last = Gateway.start(flags(file, 0), nextLog());
    verify(last, CYCLES + 1, LEFT_OVER_MARK);
    assertThat(inFlight).isEmpty();
    assertThat(last.send("PUT", "/-/quit", "")).isEqualTo(200);
    assertThat(last.process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

    long snapshotKills = countInLogs("removed an unfinished snapshot left by a crash");
    long tornTails = countInLogs("dropped a torn last record");
    long snapshots = countInLogs("metrics persisted");
    System.out.printf(
        "CrashTest: %d SIGKILLs under load (+%d during start-up), %d acknowledged writes, lost %d;"
            + " in flight at a kill: %d applied, %d not applied; %d snapshots, %d kills left an"
            + " unfinished snapshot, %d left a torn last record%n",
        CYCLES,
        startupKills,
        acknowledged,
        lost,
        inFlightApplied,
        inFlightNotApplied,
        snapshots,
        snapshotKills,
        tornTails);
    assertThat(lost).isZero();
    assertThat(acknowledged).isGreaterThan(CYCLES * 10L);
  }

  private static List<String> flags(Path file, int cycle) {
    List<String> flags = new ArrayList<>();
    flags.add("--persistence.file=" + file);
    flags.add("--persistence.interval=" + List.of("200ms", "0s", "200ms", "5m").get(cycle % 4));
    if (cycle % 3 == 1) {
      flags.add("--persistence.fsync");
    }
    return flags;
  }

  private Path nextLog() {
    return dir.resolve("gateway-" + logs++ + ".log");
  }

  private long countInLogs(String fragment) throws IOException {
    long n = 0;
    for (int i = 0; i < logs; i++) {
      n +=
          Files.readAllLines(dir.resolve("gateway-" + i + ".log")).stream()
              .filter(l -> l.contains(fragment))
              .count();
    }
    return n;
  }

  private void killDuringStartup(List<String> flags, Random random) throws Exception {
    Process p = Gateway.launch(flags, nextLog());
    Thread.sleep(random.nextInt(400));
    p.destroyForcibly();
    p.waitFor();
  }

  /** Pushers write until the gateway is killed at a random moment; records what was answered. */
  private void pushAndKill(Gateway gateway, Random random) throws Exception {
    AtomicBoolean killed = new AtomicBoolean();
    List<Future<?>> pushers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(PUSHERS)) {
      for (int p = 0; p < PUSHERS; p++) {
        Random own = new Random(random.nextLong());
        int pusher = p;
        pushers.add(pool.submit(() -> push(gateway, pusher, own, killed)));
      }
      Thread.sleep(50 + random.nextInt(750));
      killed.set(true);
      gateway.process.destroyForcibly();
      gateway.process.waitFor();
      for (Future<?> f : pushers) {
        f.get();
      }
    }
  }

  private Void push(Gateway gateway, int pusher, Random random, AtomicBoolean killed)
      throws InterruptedException {
    while (true) {
      Write w = nextWrite(pusher, random);
      GroupId id = new GroupId(pusher, w.group());
      synchronized (this) {
        inFlight.put(id, w);
      }
      int status;
      try {
        status = gateway.send(w.op() == Op.FAIL ? "PUT" : w.op().name(), w.path(), w.body());
      } catch (IOException e) {
        if (!killed.get()) {
          throw new IllegalStateException("request failed before the kill", e);
        }
        return null; // the outcome of this write is unknown
      }
      if (status != w.expectedStatus()) {
        throw new IllegalStateException(w + " answered " + status);
      }
      synchronized (this) {
        inFlight.remove(id);
        model.compute(id, (k, before) -> w.applyTo(before));
        acknowledged++;
      }
    }
  }

  private synchronized Write nextWrite(int pusher, Random random) {
    int group = random.nextInt(GROUPS_PER_PUSHER);
    int dice = random.nextInt(100);
    Op op = dice < 45 ? Op.PUT : dice < 75 ? Op.POST : dice < 85 ? Op.DELETE : Op.FAIL;
    List<String> families = new ArrayList<>();
    switch (op) {
      case PUT -> {
        for (String f : FAMILIES) {
          if (families.isEmpty() || random.nextBoolean()) {
            families.add(f);
          }
        }
      }
      case POST, FAIL -> families.add(FAMILIES.get(random.nextInt(FAMILIES.size())));
      case DELETE -> {}
    }
    return new Write(pusher, group, op, families, ++seq);
  }

  /**
   * Compares the restarted gateway with the model: each group must be as its acknowledged writes
   * left it, or as the write in flight at the kill would leave it. The model then follows what the
   * gateway shows.
   */
  private synchronized void verify(Gateway gateway, int cycle, FileTime leftOver) throws Exception {
    Map<GroupId, GroupState> observed = gateway.groups();
    // The restarted gateway may already be writing a snapshot of its own (they come every 0-200
    // ms here), so an unfinished snapshot may exist; it must not be the one the kill left.
    Path unfinished = dir.resolve("pushgateway.data.in_progress");
    if (Files.exists(unfinished)) {
      assertThat(Files.getLastModifiedTime(unfinished))
          .as("the unfinished snapshot left by the kill is removed at start")
          .isNotEqualTo(leftOver);
    }
    List<String> problems = new ArrayList<>();
    java.util.Set<GroupId> ids = new java.util.HashSet<>(model.keySet());
    ids.addAll(observed.keySet());
    ids.addAll(inFlight.keySet());
    for (GroupId id : ids) {
      GroupState expected = model.get(id);
      GroupState actual = observed.get(id);
      Write w = inFlight.get(id);
      if (Objects.equals(actual, expected)) {
        if (w != null && !Objects.equals(w.applyTo(expected), expected)) {
          inFlightNotApplied++;
        }
        continue;
      }
      if (w != null && Objects.equals(actual, w.applyTo(expected))) {
        inFlightApplied++;
        continue;
      }
      problems.add(
          id + ": expected " + expected + (w == null ? "" : " or " + w) + ", found " + actual);
    }
    lost += problems.size();
    if (!problems.isEmpty()) {
      fail(
          "cycle "
              + cycle
              + ": "
              + problems.size()
              + " groups differ:\n"
              + String.join("\n", problems));
    }
    inFlight.clear();
    model.clear();
    model.putAll(observed);
  }

  /** A gateway process on a free port of the loopback interface. */
  private record Gateway(Process process, HttpClient client, String base) {
    static Process launch(List<String> flags, Path log) throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> command =
          new ArrayList<>(
              List.of(
                  java,
                  "-XX:TieredStopAtLevel=1",
                  "-XX:+UseSerialGC",
                  "-Xshare:auto",
                  "-cp",
                  System.getProperty("java.class.path"),
                  "io.pushgateway.Main",
                  "--web.listen-address=127.0.0.1:0",
                  "--web.enable-admin-api",
                  "--web.enable-lifecycle"));
      command.addAll(flags);
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      STARTED.add(process);
      return process;
    }

    static Gateway start(List<String> flags, Path log) throws Exception {
      Process process = launch(flags, log);
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          fail("the gateway exited with " + process.exitValue() + ":\n" + Files.readString(log));
        }
        Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (m.find()) {
          Gateway g = new Gateway(process, client, "http://127.0.0.1:" + m.group(1));
          if (g.send("GET", "/-/ready", "") == 200) {
            return g;
          }
        }
        Thread.sleep(20);
      }
      process.destroyForcibly();
      return fail("the gateway did not get ready:\n" + Files.readString(log));
    }

    int send(String method, String path, String body) throws IOException, InterruptedException {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(PATIENCE)
              .method(method, HttpRequest.BodyPublishers.ofString(body))
              .build();
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The gateway's thread dump (jcmd), to say where a request that got no answer is stuck. */
    String threads() {
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      try {
        Process p =
            new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
      } catch (IOException | InterruptedException e) {
        return "(no thread dump: " + e + ")";
      }
    }

    /** Every crash group as the gateway shows it in a protobuf scrape. */
    Map<GroupId, GroupState> groups() throws IOException, InterruptedException {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + "/metrics"))
              .timeout(PATIENCE)
              .header("Accept", PROTOBUF)
              .build();
      byte[] body;
      try {
        body = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
      } catch (HttpTimeoutException e) {
        throw new AssertionError(
            "the scrape got no answer; the gateway's threads:\n" + threads(), e);
      }
      Map<GroupId, Map<String, List<Double>>> families = new HashMap<>();
      Map<GroupId, Boolean> failed = new HashMap<>();
      for (MetricFamily f : ProtobufParser.parse(body)) {
        for (Metric m : f.metrics()) {
          if (!"crash".equals(m.labels().get("job"))) {
            continue;
          }
          GroupId id =
              new GroupId(
                  Integer.parseInt(Objects.requireNonNull(m.labels().get("pusher"))),
                  Integer.parseInt(Objects.requireNonNull(m.labels().get("g"))));
          double value = Objects.requireNonNull(m.gauge()).value();
          switch (f.name()) {
            case "push_time_seconds" -> families.computeIfAbsent(id, k -> new TreeMap<>());
            case "push_failure_time_seconds" -> failed.put(id, value > 0);
            default -> {
              int series = Integer.parseInt(Objects.requireNonNull(m.labels().get("series")));
              List<Double> values =
                  families
                      .computeIfAbsent(id, k -> new TreeMap<>())
                      .computeIfAbsent(f.name(), k -> new ArrayList<>());
              assertThat(values.size()).isEqualTo(series);
              values.add(value);
            }
          }
        }
      }
      Map<GroupId, GroupState> groups = new HashMap<>();
      families.forEach(
          (id, f) -> groups.put(id, new GroupState(f, failed.getOrDefault(id, false))));
      return groups;
    }
  }
}
