package io.pushgateway.fuzz;

import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The short fuzz run of {@code ./test}: every fuzz target (see {@link FuzzTargets}) on a bounded
 * number of near-valid inputs (the seeds of {@link FuzzSeeds}, four in five with one to four {@link
 * Mutator} edits, and for the text parser also generated bodies), from a fixed random seed so that
 * CI is repeatable. A failure names the input in base64; decoded into a file, {@code
 * bench/fuzz-long --reproduce TARGET FILE} runs it alone. The long, coverage-guided run is {@code
 * bench/fuzz-long}.
 */
class FuzzPropertiesTest {
  private static final long SEED = 20261203L;

  @ParameterizedTest(name = "{0}: {1} inputs")
  @CsvSource({
    "text, 4000",
    "protobuf, 4000",
    "groupingKey, 4000",
    "pathHelpers, 4000",
    "gzip, 1500",
    "snappy, 1500",
    "bodyDecoding, 1500",
    "push, 600"
  })
  void targetSurvivesNearValidInputs(String target, int tries) {
    Consumer<byte[]> fuzzTarget = FuzzTargets.named(target);
    List<byte[]> seeds = FuzzSeeds.of(target);
    Random random = new Random(SEED ^ target.hashCode());
    for (int i = 0; i < tries; i++) {
      byte[] input = nextInput(target, seeds, random);
      try {
        fuzzTarget.accept(input);
      } catch (RuntimeException | AssertionError e) {
        fail(failure(target, i, input, e), e);
      }
    }
  }

  private static byte[] nextInput(String target, List<byte[]> seeds, Random random) {
    byte[] base =
        target.equals("text") && random.nextBoolean()
            ? TextBodies.generate(random)
            : seeds.get(random.nextInt(seeds.size()));
    return random.nextInt(5) == 0 ? base : Mutator.mutate(base, seeds, random);
  }

  private static String failure(String target, int index, byte[] input, Throwable e) {
    List<String> lines = new ArrayList<>();
    lines.add(target + " input " + index + " failed: " + e);
    lines.add("input (base64): " + Base64.getEncoder().encodeToString(input));
    lines.add("input (text): " + new String(input, StandardCharsets.ISO_8859_1));
    return String.join("\n", lines);
  }
}
