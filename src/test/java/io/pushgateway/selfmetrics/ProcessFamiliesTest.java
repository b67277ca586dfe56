package io.pushgateway.selfmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ProcessFamiliesTest {
  private static final String STATUS =
      "Name:\tjava\nVmPeak:\t 9001234 kB\nVmSize:\t 8981344 kB\nVmRSS:\t   64761 kB\nThreads:\t14\n";

  @Test
  void families_areClientJavasProcessFamilies() {
    assertThat(OwnFamilyShapes.of(ProcessFamilies::register))
        .isEqualTo(OwnFamilyShapes.of(r -> ProcessMetrics.builder().register(r)));
  }

  @Test
  void kiloBytesField_readsTheNamedLineInBytes() {
    assertThat(ProcessFamilies.kiloBytesField(STATUS, "VmRSS:")).hasValue(64761 * 1024.0);
    assertThat(ProcessFamilies.kiloBytesField(STATUS, "VmSize:")).hasValue(8981344 * 1024.0);
    assertThat(ProcessFamilies.kiloBytesField("VmRSS: 12 kB\n", "VmRSS:")).hasValue(12 * 1024.0);
  }

  @Test
  void kiloBytesField_isEmptyForAMissingLineOrNumber() {
    assertThat(ProcessFamilies.kiloBytesField(STATUS, "VmSwap:")).isEmpty();
    assertThat(ProcessFamilies.kiloBytesField("VmRSS:\t kB\n", "VmRSS:")).isEmpty();
    assertThat(ProcessFamilies.kiloBytesField("XVmRSS:\t5 kB\n", "VmRSS:")).isEmpty();
    assertThat(ProcessFamilies.kiloBytesField("", "VmRSS:")).isEqualTo(OptionalDouble.empty());
  }
}
