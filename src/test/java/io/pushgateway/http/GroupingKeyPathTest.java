package io.pushgateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushgateway.gocompat.ByteStrings;
import io.pushgateway.model.GroupingKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Inputs are byte strings, as the router passes them; ASCII is its own byte string. */
class GroupingKeyPathTest {

  private static GroupingKey parse(String job, String labelsPath) {
    return GroupingKeyPath.parse(job, false, labelsPath);
  }

  private static void assertBadRequest(
      String job, boolean base64, String labelsPath, String message) {
    assertThatThrownBy(() -> GroupingKeyPath.parse(job, base64, labelsPath))
        .isInstanceOf(BadRequestException.class)
        .hasMessage(message);
  }

  // Upstream handler_test.go TestSplitLabels.

  @Test
  void splitLabels_regularLabels() {
    assertThat(parse("j", "/label_name1/label_value1/label_name2/label_value2"))
        .isEqualTo(
            GroupingKey.of(
                "job", "j", "label_name1", "label_value1", "label_name2", "label_value2"));
  }

  @Test
  void splitLabels_invalidLabelName() {
    assertBadRequest(
        "j", false, "/label_name1/label_value1/a=b/label_value2", "improper label name \"a=b\"");
  }

  @Test
  void splitLabels_reservedLabelName() {
    assertBadRequest(
        "j",
        false,
        "/label_name1/label_value1/__label_name2/label_value2",
        "improper label name \"__label_name2\"");
  }

  @Test
  void splitLabels_unencodedSlashInLabelValue() {
    String path = "/label_name1/label_value1/label_name2/label/value2";
    assertBadRequest("j", false, path, "odd number of components in label string \"" + path + "\"");
  }

  @Test
  void splitLabels_encodedSlashInFirstValue() {
    assertThat(parse("j", "/label_name1@base64/bGFiZWwvdmFsdWUx/label_name2/label_value2"))
        .isEqualTo(
            GroupingKey.of(
                "job", "j", "label_name1", "label/value1", "label_name2", "label_value2"));
  }

  @Test
  void splitLabels_encodedSlashInLastValue() {
    assertThat(parse("j", "/label_name1/label_value1/label_name2@base64/bGFiZWwvdmFsdWUy"))
        .isEqualTo(
            GroupingKey.of(
                "job", "j", "label_name1", "label_value1", "label_name2", "label/value2"));
  }

  @Test
  void splitLabels_encodedSlashInLastValueWithPadding() {
    assertThat(parse("j", "/label_name1/label_value1/label_name2@base64/bGFiZWwvdmFsdWUy=="))
        .isEqualTo(
            GroupingKey.of(
                "job", "j", "label_name1", "label_value1", "label_name2", "label/value2"));
  }

  @Test
  void splitLabels_invalidBase64() {
    assertBadRequest(
        "j",
        false,
        "/label_name1@base64/foo.bar/label_name2/label_value2",
        "invalid base64 encoding for label label_name1=\"foo.bar\":"
            + " illegal base64 data at input byte 3");
  }

  // Observed 1.5.1 behaviour (spec §4).

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {"null", "''", "/"})
  void parse_withoutLabelPartHasOnlyTheJob(String labelsPath) {
    assertThat(GroupingKeyPath.parse("foo", false, labelsPath))
        .isEqualTo(GroupingKey.of("job", "foo"));
  }

  @Test
  void parse_trailingEmptyValueIsAnEmptyLabel() {
    assertThat(parse("foo", "/a/")).isEqualTo(GroupingKey.of("job", "foo", "a", ""));
  }

  @ParameterizedTest
  @CsvSource({"/a", "/a/b/", "/a/b/c", "/a/x/y", "/o"})
  void parse_rejectsOddComponents(String labelsPath) {
    assertBadRequest(
        "foo",
        false,
        labelsPath,
        "odd number of components in label string \"" + labelsPath + "\"");
  }

  @Test
  void parse_quotesOddComponentsTheGoWay() {
    assertBadRequest(
        "foo", false, "/a/b\u00ff/c", "odd number of components in label string \"/a/b\\xff/c\"");
    assertBadRequest(
        "foo",
        false,
        ByteStrings.fromUtf8("/a/Πρ/x"),
        "odd number of components in label string \"/a/Πρ/x\"");
  }

  @ParameterizedTest
  @CsvSource({"a-b, a-b", "__a, __a", "1a, 1a", "@base64, ''", "a@base64@base64, a@base64"})
  void parse_rejectsImproperLabelNames(String name, String reported) {
    assertBadRequest("j", false, "/" + name + "/1", "improper label name \"" + reported + "\"");
  }

  @Test
  void parse_quotesImproperNamesTheGoWay() {
    assertBadRequest("j", false, "/\n/1", "improper label name \"\\n\"");
    assertBadRequest("j", false, "/a\u00ff/1", "improper label name \"a\\xff\"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a | illegal base64 data at input byte 0",
        "Zm9=v | illegal base64 data at input byte 3",
        "a+b | illegal base64 data at input byte 1",
        "Zm9vY | illegal base64 data at input byte 4",
      })
  void parse_rejectsInvalidBase64LabelValues(String value, String error) {
    assertBadRequest(
        "j",
        false,
        "/x@base64/" + value,
        "invalid base64 encoding for label x=\"" + value + "\": " + error);
  }

  @Test
  void parse_quotesTheRawBase64LabelValue() {
    assertBadRequest(
        "foo",
        false,
        "/x@base64/Zm9vY\n",
        "invalid base64 encoding for label x=\"Zm9vY\\n\": illegal base64 data at input byte 5");
    assertBadRequest(
        "foo",
        false,
        "/x@base64/\u00ff",
        "invalid base64 encoding for label x=\"\\xff\": illegal base64 data at input byte 0");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Zm9vY | invalid base64 encoding in job name \"foo\": illegal base64 data at input byte 4",
        "Zm9vZm+v | invalid base64 encoding in job name \"foo\": illegal base64 data at input byte 6",
        "a+b | invalid base64 encoding in job name \"\": illegal base64 data at input byte 1",
        "Zm9=v | invalid base64 encoding in job name \"\": illegal base64 data at input byte 3",
        "Zm9vYmFyYmF6Y | invalid base64 encoding in job name \"foobarbaz\":"
            + " illegal base64 data at input byte 12",
      })
  void parse_rejectsInvalidBase64JobQuotingThePartialResult(String job, String message) {
    assertBadRequest(job, true, "/x/1", message);
  }

  @ParameterizedTest
  @CsvSource({"Zm9vL2Jhcg, foo/bar", "dGVzdC9qb2I=, test/job", "Zm9v===, foo", "Zm8, fo"})
  void parse_decodesBase64Job(String encoded, String job) {
    assertThat(GroupingKeyPath.parse(encoded, true, null)).isEqualTo(GroupingKey.of("job", job));
  }

  @Test
  void parse_decodesBase64JobAndLabel() {
    assertThat(GroupingKeyPath.parse("dGVzdC9qb2I=", true, "/instance@base64/dGVzdGluc3RhbmNl"))
        .isEqualTo(GroupingKey.of("job", "test/job", "instance", "testinstance"));
  }

  @ParameterizedTest
  @CsvSource({"=", "===", "''"})
  void parse_base64EmptyJobIsRequired(String job) {
    assertBadRequest(job, true, "/x/1", "job name is required");
  }

  @Test
  void parse_reportsLabelErrorsBeforeTheMissingJob() {
    assertBadRequest("=", true, "/1x/1", "improper label name \"1x\"");
    assertBadRequest("=", true, "/x", "odd number of components in label string \"/x\"");
  }

  @Test
  void parse_reportsBadBase64JobBeforeLabelErrors() {
    assertBadRequest(
        "a",
        true,
        "/x",
        "invalid base64 encoding in job name \"\": illegal base64 data at input byte 0");
  }

  @ParameterizedTest
  @CsvSource({"e@base64/=", "e@base64/===", "e@base64/", "e/"})
  void parse_acceptsEmptyLabelValues(String labels) {
    assertThat(parse("j", "/" + labels)).isEqualTo(GroupingKey.of("job", "j", "e", ""));
  }

  @Test
  void parse_lastRepeatedLabelWins() {
    assertThat(parse("foo", "/a/1/a/2")).isEqualTo(GroupingKey.of("job", "foo", "a", "2"));
    assertThat(parse("foo", "/a/1/a@base64/Mw")).isEqualTo(GroupingKey.of("job", "foo", "a", "3"));
  }

  @Test
  void parse_jobSegmentOverridesJobLabel() {
    assertThat(parse("foo", "/job/bar")).isEqualTo(GroupingKey.of("job", "foo"));
    assertThat(parse("foo", "/job@base64/YmFy/x/1"))
        .isEqualTo(GroupingKey.of("job", "foo", "x", "1"));
  }

  @Test
  void parse_keepsValuesVerbatim() {
    assertThat(parse("f o", ByteStrings.fromUtf8("/path/Πρ/p/a+b")))
        .isEqualTo(GroupingKey.of("job", "f o", "path", "Πρ", "p", "a+b"));
  }

  @Test
  void parse_groupingKeyIdentityIsTheFinalLabelSet() {
    assertThat(parse("j", "/b/2/a/1")).isEqualTo(parse("j", "/a/1/b/2"));
    assertThat(parse("j", "/instance/")).isNotEqualTo(parse("j", "/"));
  }

  // Deliberate deviation: invalid UTF-8 in the key is rejected instead of poisoning the store.

  @Test
  void parse_rejectsInvalidUtf8LabelValue() {
    String ff = "\u00ff";
    assertBadRequest("bad", false, "/x/" + ff, "invalid UTF-8 in value of label x: \"\\xff\"");
  }

  @Test
  void parse_rejectsInvalidUtf8Base64LabelValue() {
    assertBadRequest("bad", false, "/x@base64/_w", "invalid UTF-8 in value of label x: \"\\xff\"");
  }

  @Test
  void parse_rejectsInvalidUtf8Job() {
    String job = "a\u00ce";
    assertBadRequest(job, false, null, "invalid UTF-8 in value of label job: \"a\\xce\"");
    assertBadRequest("_-8", true, "/", "invalid UTF-8 in value of label job: \"\\xff\\xef\"");
  }

  @Test
  void parse_ignoresInvalidUtf8ThatDoesNotEndUpInTheKey() {
    String ff = "\u00ff";
    assertThat(parse("foo", "/job/" + ff + "/a/" + ff + "/a/1"))
        .isEqualTo(GroupingKey.of("job", "foo", "a", "1"));
  }

  @Test
  void parse_reportsOtherErrorsBeforeInvalidUtf8() {
    String ff = "\u00ff";
    assertBadRequest("foo", false, "/x/" + ff + "/1y/2", "improper label name \"1y\"");
    assertBadRequest("=", true, "/x/" + ff, "job name is required");
  }

  @Test
  void parse_acceptsValidUtf8FromBase64() {
    assertThat(parse("j", "/x@base64/8J-YgA")).isEqualTo(GroupingKey.of("job", "j", "x", "😀"));
  }
}
