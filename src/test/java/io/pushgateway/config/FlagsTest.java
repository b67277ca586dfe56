package io.pushgateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushgateway.log.Level;
import io.pushgateway.log.LogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected texts were produced by kingpin v2.4.0 with the Go Pushgateway's flag definitions (the
 * versions Pushgateway 1.11.3 uses), run with the same arguments.
 */
class FlagsTest {
  private static final VersionInfo VERSION =
      new VersionInfo(
          "1.11.3", "abc", "HEAD", "u@h", "20260527-10:00:00", "21.0.1", "linux/amd64", "unknown");
  private static final String VERSION_BLOCK =
      """
      pushgateway, version 1.11.3 (branch: HEAD, revision: abc)
        build user:       u@h
        build date:       20260527-10:00:00
        java version:     21.0.1
        platform:         linux/amd64
        tags:             unknown
      """;

  private static ParseOutcome parse(String... args) {
    return Flags.parse("pushgateway", List.of(args), 80, VERSION);
  }

  private static Config config(String... args) {
    ParseOutcome outcome = parse(args);
    assertThat(outcome).isInstanceOf(ParseOutcome.Run.class);
    return ((ParseOutcome.Run) outcome).config();
  }

  private static ParseOutcome.Exit exit(String... args) {
    ParseOutcome outcome = parse(args);
    assertThat(outcome).isInstanceOf(ParseOutcome.Exit.class);
    return (ParseOutcome.Exit) outcome;
  }

  /** The help text up to this gateway's extension flags: the Go gateway's text. */
  private static String goPart(String help) {
    int extensions = help.indexOf(HelpText.EXTENSION_HEADING);
    assertThat(extensions).as("the extension flags section").isPositive();
    return help.substring(0, extensions);
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = FlagsTest.class.getResourceAsStream(name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void parse_withoutArguments_givesUpstreamDefaults() {
    Config config = config();

    assertThat(config.listenAddresses()).containsExactly(":9091");
    assertThat(config.systemdSocket()).isFalse();
    assertThat(config.webConfigFile()).isEmpty();
    assertThat(config.telemetryPath()).isEqualTo("/metrics");
    assertThat(config.externalUrl()).isEmpty();
    assertThat(config.externalUri()).isNull();
    assertThat(config.routePrefix()).isEmpty();
    assertThat(config.externalPathPrefix()).isEmpty();
    assertThat(config.uiPathPrefix()).isEqualTo(".");
    assertThat(config.enableLifecycle()).isFalse();
    assertThat(config.enableAdminApi()).isFalse();
    assertThat(config.persistenceFile()).isEmpty();
    assertThat(config.persistenceInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.disableConsistencyCheck()).isFalse();
    assertThat(config.enableUtf8Names()).isFalse();
    assertThat(config.logLevel()).isEqualTo(Level.INFO);
    assertThat(config.logFormat()).isEqualTo(LogFormat.LOGFMT);
    assertThat(config).isEqualTo(Config.defaults());
  }

  @Test
  void flagValuesForStatus_withoutArguments_listsEveryFlagSortedAsGoShowsIt() {
    assertThat(config().flagValuesForStatus())
        .containsExactly(
            Map.entry("log.format", "logfmt"),
            Map.entry("log.level", "info"),
            Map.entry("persistence.file", ""),
            Map.entry("persistence.interval", "5m0s"),
            Map.entry("push.disable-consistency-check", "false"),
            Map.entry("push.enable-utf8-names", "false"),
            Map.entry("web.config.file", ""),
            Map.entry("web.enable-admin-api", "false"),
            Map.entry("web.enable-lifecycle", "false"),
            Map.entry("web.external-url", ""),
            Map.entry("web.listen-address", ":9091"),
            Map.entry("web.route-prefix", ""),
            Map.entry("web.systemd-socket", "false"),
            Map.entry("web.telemetry-path", "/metrics"));
  }

  @Test
  void flagValuesForStatus_showsGivenValuesInFlagLibraryForm() {
    Config config =
        config(
            "--web.listen-address=127.0.0.1:19509",
            "--web.listen-address",
            "127.0.0.1:19510",
            "--persistence.interval=1d",
            "--log.level=DEBUG",
            "--log.format",
            "json",
            "--web.external-url=http://x/a%20b/",
            "--web.route-prefix=pg/",
            "--web.enable-lifecycle",
            "--no-web.enable-admin-api",
            "--web.systemd-socket",
            "--push.disable-consistency-check",
            "--push.enable-utf8-names",
            "--persistence.file=/tmp/p.data",
            "--web.config.file",
            "web.yml",
            "--web.telemetry-path=/prom/");

    assertThat(config.flagValuesForStatus())
        .containsExactly(
            Map.entry("log.format", "json"),
            Map.entry("log.level", "debug"),
            Map.entry("persistence.file", "/tmp/p.data"),
            Map.entry("persistence.interval", "24h0m0s"),
            Map.entry("push.disable-consistency-check", "true"),
            Map.entry("push.enable-utf8-names", "true"),
            Map.entry("web.config.file", "web.yml"),
            Map.entry("web.enable-admin-api", "false"),
            Map.entry("web.enable-lifecycle", "true"),
            Map.entry("web.external-url", "http://x/a%20b/"),
            Map.entry("web.listen-address", "127.0.0.1:19509,127.0.0.1:19510"),
            Map.entry("web.route-prefix", "/pg"),
            Map.entry("web.systemd-socket", "true"),
            Map.entry("web.telemetry-path", "/prom/"));
  }

  @Test
  void parse_everyFlagWithEqualsSyntax() {
    Config config =
        config(
            "--web.listen-address=:1",
            "--web.config.file=c.yml",
            "--web.telemetry-path=/m",
            "--web.external-url=http://example.com/ext/",
            "--web.route-prefix=/r",
            "--persistence.file=f",
            "--persistence.interval=1h30m",
            "--log.level=warn",
            "--log.format=json");

    assertThat(config.listenAddresses()).containsExactly(":1");
    assertThat(config.webConfigFile()).isEqualTo("c.yml");
    assertThat(config.telemetryPath()).isEqualTo("/m");
    assertThat(config.externalUrl()).isEqualTo("http://example.com/ext/");
    assertThat(config.externalUri()).hasToString("http://example.com/ext/");
    assertThat(config.routePrefix()).isEqualTo("/r");
    assertThat(config.externalPathPrefix()).isEqualTo("/ext");
    assertThat(config.uiPathPrefix()).isEqualTo("/ext");
    assertThat(config.persistenceFile()).isEqualTo("f");
    assertThat(config.persistenceInterval()).isEqualTo(Duration.ofMinutes(90));
    assertThat(config.logLevel()).isEqualTo(Level.WARN);
    assertThat(config.logFormat()).isEqualTo(LogFormat.JSON);
  }

  @Test
  void parse_everyFlagWithSeparateValue() {
    Config config =
        config(
            "--web.listen-address", ":1",
            "--web.config.file", "c.yml",
            "--web.telemetry-path", "/m",
            "--web.external-url", "http://example.com/ext/",
            "--web.route-prefix", "/r",
            "--persistence.file", "f",
            "--persistence.interval", "1h30m",
            "--log.level", "error",
            "--log.format", "json");

    assertThat(config)
        .isEqualTo(
            config(
                "--web.listen-address=:1",
                "--web.config.file=c.yml",
                "--web.telemetry-path=/m",
                "--web.external-url=http://example.com/ext/",
                "--web.route-prefix=/r",
                "--persistence.file=f",
                "--persistence.interval=1h30m",
                "--log.level=error",
                "--log.format=json"));
  }

  @Test
  void parse_booleanFlagsAreSetByPresenceAndClearedByNoPrefix() {
    Config on =
        config(
            "--web.systemd-socket",
            "--web.enable-lifecycle",
            "--web.enable-admin-api",
            "--push.disable-consistency-check",
            "--push.enable-utf8-names");
    Config off =
        config(
            "--no-web.systemd-socket",
            "--no-web.enable-lifecycle",
            "--no-web.enable-admin-api",
            "--no-push.disable-consistency-check",
            "--no-push.enable-utf8-names");

    assertThat(
            List.of(
                on.systemdSocket(),
                on.enableLifecycle(),
                on.enableAdminApi(),
                on.disableConsistencyCheck(),
                on.enableUtf8Names()))
        .containsOnly(true);
    assertThat(
            List.of(
                off.systemdSocket(),
                off.enableLifecycle(),
                off.enableAdminApi(),
                off.disableConsistencyCheck(),
                off.enableUtf8Names()))
        .containsOnly(false);
  }

  @Test
  void parse_listenAddressIsRepeatableAndReplacesTheDefault() {
    assertThat(config("--web.listen-address=a", "--web.listen-address", "b").listenAddresses())
        .containsExactly("a", "b");
    assertThat(config("--web.listen-address=", "--web.listen-address=x").listenAddresses())
        .containsExactly("", "x");
  }

  @Test
  void parse_quirksOfTheLexer() {
    // A lone "-" is an empty argument, "--" ends the flags, "=" splits once.
    assertThat(config("--web.listen-address", "-").listenAddresses()).containsExactly("");
    assertThat(config("--web.enable-lifecycle", "--").enableLifecycle()).isTrue();
    assertThat(config("--web.config.file=--").webConfigFile()).isEqualTo("--");
    assertThat(config("--web.config.file=a=b").webConfigFile()).isEqualTo("a=b");
    assertThat(config("--web.config.file=@x").webConfigFile()).isEqualTo("@x");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | '' | '' | ''",
        "/ | '' | '' | ''",
        "'' | http://x/ | '' | ''",
        "pg/ | '' | /pg | ''",
        "/pg/ | '' | /pg | ''",
        "pg// | '' | /pg/ | ''",
        "// | '' | / | ''",
        "'' | http://x/a/b/ | /a/b | /a/b",
        "'' | http://x/a | /a | /a",
        "pg/ | http://example.com/ext/ | /pg | /ext",
        "/ | http://example.com/ext/ | '' | /ext",
      })
  void parse_normalisesRoutePrefixLikeHead(
      String routePrefix, String externalUrl, String expectedPrefix, String expectedExternal) {
    Config config =
        config("--web.route-prefix=" + routePrefix, "--web.external-url=" + externalUrl);

    assertThat(config.routePrefix()).isEqualTo(expectedPrefix);
    assertThat(config.externalPathPrefix()).isEqualTo(expectedExternal);
    assertThat(config.flagValuesForStatus()).containsEntry("web.route-prefix", expectedPrefix);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--bogus | unknown long flag '--bogus'",
        "foo | unexpected foo",
        "-x | unknown short flag '-x'",
        "- | 'unexpected '",
        "-hx | unknown short flag '-x'",
        "-h=x | unknown short flag '-='",
        "-xh | unknown short flag '-x'",
        "-\u00e9 | unknown short flag '-\u00e9'",
        "--=x | unknown long flag '--'",
        "---x | unknown long flag '---x'",
        "--no-bogus | unknown long flag '--no-bogus'",
        "--no-no-web.enable-lifecycle | unknown long flag '--no-no-web.enable-lifecycle'",
        "--no-web.listen-address=x | unknown long flag '--no-web.listen-address'",
        "--web.local-assets=/x | unknown long flag '--web.local-assets'",
        "--completion-bash | unknown long flag '--completion-bash'",
        "--web.listen-address | expected argument for flag '--web.listen-address'",
        "--persistence.interval | expected argument for flag '--persistence.interval'",
        "--web.enable-lifecycle=true | unexpected true",
        "--web.enable-lifecycle=false | unexpected false",
        "--web.enable-lifecycle= | 'unexpected '",
        "--persistence.interval=abc | time: invalid duration \"abc\"",
        "--persistence.interval=5 | time: missing unit in duration \"5\"",
        "--persistence.interval= | time: invalid duration \"\"",
        "--persistence.interval=5x | time: unknown unit \"x\" in duration \"5x\"",
        "--log.level=verbose | unrecognized log level verbose",
        "--log.level= | 'unrecognized log level '",
        "--log.format=xml | unrecognized log format xml",
        "--log.format=JSON | unrecognized log format JSON",
        "--web.external-url=:bad | invalid URL: parse \":bad\": missing protocol scheme",
        "--web.external-url=http://[::1 | invalid URL: parse \"http://[::1\": missing ']' in host",
        "--web.external-url=%zz | invalid URL: parse \"%zz\": invalid URL escape \"%zz\"",
        "@ | expected @ file to expand arguments from",
      })
  void parse_singleBadArgument_failsWithKingpinMessage(String arg, String message) {
    ParseOutcome.Exit exit = exit(arg);

    assertThat(exit.status()).isEqualTo(1);
    assertThat(exit.stdout()).isEmpty();
    assertThat(exit.stderr()).isEqualTo("pushgateway: error: " + message + ", try --help\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--web.listen-address --web.enable-lifecycle | expected argument for flag '--web.listen-address'",
        "--web.config.file -x | expected argument for flag '--web.config.file'",
        "--web.config.file -- | expected argument for flag '--web.config.file'",
        "--web.enable-lifecycle true | unexpected true",
        "-- foo | unexpected foo",
        "-- --web.enable-lifecycle | unexpected --web.enable-lifecycle",
        "-hh -- x | unexpected --",
        "--web.enable-lifecycle --web.enable-lifecycle | flag 'web.enable-lifecycle' cannot be repeated",
        "--web.enable-lifecycle --no-web.enable-lifecycle | flag 'web.enable-lifecycle' cannot be repeated",
        "--web.config.file=a --web.config.file=b | flag 'web.config.file' cannot be repeated",
        "--log.level=debug --log.level=info | flag 'log.level' cannot be repeated",
        "--log.level=verbose --log.level=debug | unrecognized log level verbose",
        "--log.level=debug --log.level=verbose | flag 'log.level' cannot be repeated",
        "--persistence.interval=abc --log.level=verbose | time: invalid duration \"abc\"",
        "--bogus --version | unknown long flag '--bogus'",
        "--help --bogus | unknown long flag '--bogus'",
        "-h --bogus | unknown long flag '--bogus'",
        "--no-help --bogus | unknown long flag '--bogus'",
        "--help foo | unexpected foo",
        "foo --help | unexpected foo",
      })
  void parse_severalArguments_failsWithKingpinsFirstError(String args, String message) {
    ParseOutcome.Exit exit = exit(args.split(" "));

    assertThat(exit.status()).isEqualTo(1);
    assertThat(exit.stdout()).isEmpty();
    assertThat(exit.stderr()).isEqualTo("pushgateway: error: " + message + ", try --help\n");
  }

  @Test
  void limits_haveDefaultsForA1GiBHeap() {
    assertThat(config().guardrails())
        .isEqualTo(
            new Guardrails(
                16L << 20,
                128L << 20,
                100_000,
                64,
                1024,
                4096,
                100_000,
                100_000,
                1_000_000,
                1024,
                200,
                16384,
                Duration.ofMinutes(1),
                Duration.ofMinutes(2),
                Duration.ofSeconds(30)));
  }

  @Test
  void limits_zeroMeansNoLimitAndEveryValueIsShownWithTheOtherExtensions() {
    Config config =
        config("--store.max-series=0", "--push.max-body-bytes=1000", "--web.read-timeout=0s");

    assertThat(config.guardrails().maxSeries()).isEqualTo(Long.MAX_VALUE);
    assertThat(config.guardrails().maxBodyBytes()).isEqualTo(1000);
    assertThat(config.guardrails().readTimeout()).isEqualTo(Duration.ZERO);
    assertThat(config.allFlagValues())
        .containsEntry("store.max-series", "0")
        .containsEntry("push.max-body-bytes", "1000")
        .containsEntry("web.read-timeout", "0s")
        .containsEntry("web.idle-timeout", "30s");
    assertThat(config.flagValuesForStatus()).doesNotContainKey("store.max-series");
    assertThat(Guardrails.pushLimitNames())
        .containsExactly(
            "push.max-body-bytes",
            "push.max-bytes-in-flight",
            "push.max-series-per-push",
            "push.max-labels-per-series",
            "push.max-label-name-length",
            "push.max-label-value-length",
            "store.max-series-per-group",
            "store.max-groups",
            "store.max-series");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--store.max-groups=abc | invalid value \"abc\" for --store.max-groups, expected a whole"
            + " number (0 for no limit)",
        "--push.max-body-bytes=-1 | invalid value \"-1\" for --push.max-body-bytes, expected a"
            + " whole number (0 for no limit)",
        "--web.read-timeout=5 | time: missing unit in duration \"5\"",
      })
  void limits_badValuesAreRefused(String arg, String message) {
    assertThat(exit(arg).stderr()).isEqualTo("pushgateway: error: " + message + ", try --help\n");
  }

  @Test
  void parse_errorLineUsesTheProgramName() {
    ParseOutcome outcome = Flags.parse("prometheus-pushgateway", List.of("--bogus"), 80, VERSION);

    assertThat(((ParseOutcome.Exit) outcome).stderr())
        .isEqualTo("prometheus-pushgateway: error: unknown long flag '--bogus', try --help\n");
  }

  @Test
  void help_printsKingpinUsageOnStdout() throws IOException {
    ParseOutcome.Exit exit = exit("--help");

    assertThat(exit.status()).isZero();
    assertThat(exit.stderr()).isEmpty();
    assertThat(goPart(exit.stdout())).isEqualTo(golden("help-80.txt"));
  }

  @Test
  void help_listsEveryExtensionFlagAfterTheGoFlags() {
    String help = exit("--help").stdout();
    String extensions = help.substring(help.indexOf(HelpText.EXTENSION_HEADING));

    for (FlagSpec flag : FlagSpec.values()) {
      if (flag.isExtension()) {
        assertThat(extensions).contains("--" + (flag.isBool() ? "[no-]" : "") + flag.flagName());
      }
    }
    assertThat(extensions)
        .contains("--[no-]persistence.fsync", "--[no-]persistence.move-damaged-aside");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-h", "--no-help", "-h -h", "--log.level=verbose --help"})
  void help_isShownForEveryHelpSpelling(String args) throws IOException {
    ParseOutcome.Exit exit = exit(args.split(" "));

    assertThat(exit.status()).isZero();
    assertThat(goPart(exit.stdout())).isEqualTo(golden("help-80.txt"));
  }

  @ParameterizedTest
  @ValueSource(ints = {65, 47, 33, 20})
  void help_isWrappedToTheTerminalWidthAsGoWrapsIt(int width) throws IOException {
    ParseOutcome outcome = Flags.parse("pushgateway", List.of("--help"), width, VERSION);

    assertThat(goPart(((ParseOutcome.Exit) outcome).stdout()))
        .isEqualTo(golden("help-" + width + ".txt"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help-long", "--help-long --bogus", "--help --help-long"})
  void helpLong_printsLongUsage(String args) throws IOException {
    ParseOutcome.Exit exit = exit(args.split(" "));

    assertThat(exit.status()).isZero();
    assertThat(exit.stderr()).isEmpty();
    assertThat(goPart(exit.stdout())).isEqualTo(golden("help-long-80.txt"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help-man", "--help-man --version", "--help-man --bogus"})
  void helpMan_printsManPage(String args) throws IOException {
    ParseOutcome.Exit exit = exit(args.split(" "));

    assertThat(exit.status()).isZero();
    assertThat(exit.stdout()).startsWith(golden("help-man.txt"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--version",
        "--no-version",
        "--version --version",
        "--version --bogus",
        "--persistence.interval=abc --version",
        "--help --version",
        "--version --help",
        "--version --help-man",
      })
  void version_printsVersionBlockOnStdout(String args) {
    ParseOutcome.Exit exit = exit(args.split(" "));

    assertThat(exit.status()).isZero();
    assertThat(exit.stderr()).isEmpty();
    assertThat(exit.stdout()).isEqualTo(VERSION_BLOCK);
  }

  @Test
  void argumentsFile_isExpandedInPlace(@TempDir Path dir) throws IOException {
    Path inner = dir.resolve("inner.txt");
    Files.writeString(inner, "--web.listen-address=fromfile\n# comment\n\n--log.level=debug\n");
    Path outer = dir.resolve("outer.txt");
    Files.writeString(outer, "@" + inner + "\r\n--web.config.file=x\r\n");

    Config config = config("@" + outer, "--web.enable-lifecycle");

    assertThat(config.listenAddresses()).containsExactly("fromfile");
    assertThat(config.logLevel()).isEqualTo(Level.DEBUG);
    assertThat(config.webConfigFile()).isEqualTo("x");
    assertThat(config.enableLifecycle()).isTrue();
  }

  @Test
  void argumentsFile_isReadEvenWhereAFlagValueIsExpected(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("args.txt");
    Files.writeString(file, "--log.level=debug\n");

    assertThat(exit("--web.config.file", "@" + file).stderr())
        .isEqualTo(
            "pushgateway: error: expected argument for flag '--web.config.file', try --help\n");
    assertThat(exit("--", "@" + file).stderr())
        .isEqualTo("pushgateway: error: unexpected @" + file + ", try --help\n");
  }

  @Test
  void argumentsFile_doubleDashInsideFileDoesNotEndFlags(@TempDir Path dir) throws IOException {
    // kingpin checks for "--" by position in the original arguments, which a file shifts.
    Path file = dir.resolve("args.txt");
    Files.writeString(file, "--\n--web.enable-lifecycle\n");

    assertThat(config("@" + file).enableLifecycle()).isTrue();
  }

  @Test
  void argumentsFile_missingOrDirectory_failsWithGoMessage(@TempDir Path dir) {
    Path missing = dir.resolve("missing");

    assertThat(exit("@" + missing).stderr())
        .isEqualTo(
            "pushgateway: error: failed to open arguments file \""
                + missing
                + "\": open "
                + missing
                + ": no such file or directory, try --help\n");
    assertThat(exit("@" + dir).stderr())
        .isEqualTo(
            "pushgateway: error: failed to read arguments from \""
                + dir
                + "\": read "
                + dir
                + ": is a directory, try --help\n");
  }

  @Test
  void parse_acceptsStringArray() {
    ParseOutcome outcome = Flags.parse("pushgateway", new String[] {"--web.enable-admin-api"});

    assertThat(((ParseOutcome.Run) outcome).config().enableAdminApi()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      value = {"'', 80", "100, 100", "abc, 80", "-3, -3", "+70, 70"},
      nullValues = "null")
  void terminalWidth_readsColumnsLikeGo(String columns, int width) {
    assertThat(Flags.terminalWidth(columns)).isEqualTo(width);
  }

  @Test
  void terminalWidth_withoutColumns_is80() {
    assertThat(Flags.terminalWidth(null)).isEqualTo(80);
  }

  @Test
  void config_externalUriIsNullWhenJavaCannotRepresentIt() {
    Config config = config("--web.external-url=http://x/a[b]");

    assertThat(config.externalUrl()).isEqualTo("http://x/a[b]");
    assertThat(config.externalUri()).isNull();
    assertThat(Arrays.asList(config.routePrefix(), config.externalPathPrefix()))
        .containsExactly("/a[b]", "/a[b]");
  }
}
