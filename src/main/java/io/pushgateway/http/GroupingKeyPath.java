package io.pushgateway.http;

import io.pushgateway.gocompat.ByteStrings;
import io.pushgateway.gocompat.GoQuote;
import io.pushgateway.model.GroupingKey;
import io.pushgateway.model.LabelNames;
import io.pushgateway.model.Labels;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns the job segment and the label part of a push or delete URL ({@code
 * /metrics/job[@base64]/<job>{/<name>[@base64]/<value>}}) into a grouping key, with the Go
 * Pushgateway's rules, order of checks and 400 texts.
 *
 * <p>Works on {@link ByteStrings byte strings}, as Go does on bytes: a percent-decoded or base64
 * decoded value may be any bytes, and only the finished key is turned into text. Deliberate
 * deviation: a job or label value that ends up in the key but is not valid UTF-8 is rejected (Go
 * stores it and thereby breaks every later push and scrape).
 */
public final class GroupingKeyPath {
  private static final String BASE64_SUFFIX = "@base64";

  private GroupingKeyPath() {}

  /**
   * The grouping key of a push or delete route's {@code :job} and {@code *labels} parameters.
   *
   * @throws BadRequestException with Go's 400 text
   */
  static GroupingKey fromParams(PathParams params) {
    String job = params.byteString("job");
    return parse(job == null ? "" : job, params.jobBase64(), params.byteString("labels"));
  }

  /**
   * Parses a grouping key.
   *
   * @param job the percent-decoded {@code :job} segment, as a byte string
   * @param jobIsBase64 whether the route was {@code /metrics/job@base64/...}
   * @param labelsPath the percent-decoded catch-all after the job segment including its leading
   *     slash (e.g. {@code /a/1/b/2} or {@code /}), as a byte string; null if absent
   * @throws BadRequestException with Go's message for any invalid part
   */
  public static GroupingKey parse(String job, boolean jobIsBase64, @Nullable String labelsPath) {
    String jobValue = jobIsBase64 ? decodeJob(job) : job;
    Map<String, String> labels = splitLabels(labelsPath == null ? "" : labelsPath);
    if (jobValue.isEmpty()) {
      throw new BadRequestException("job name is required");
    }
    labels.put(GroupingKey.JOB, jobValue);
    return GroupingKey.of(toText(Labels.of(labels)));
  }

  private static String decodeJob(String job) {
    Base64Url.Result result = Base64Url.decode(ByteStrings.bytes(job));
    if (result.failed()) {
      // Go quotes what it decoded before the error, not the input.
      throw new BadRequestException(
          "invalid base64 encoding in job name "
              + GoQuote.quote(result.decoded())
              + ": "
              + result.errorText());
    }
    return ByteStrings.of(result.decoded());
  }

  /** Go's splitLabels: pairs in URL order, the last of repeated names wins. */
  private static Map<String, String> splitLabels(String labelsPath) {
    Map<String, String> result = new HashMap<>();
    if (labelsPath.length() <= 1) {
      return result;
    }
    String[] components = labelsPath.substring(1).split("/", -1);
    if (components.length % 2 != 0) {
      throw new BadRequestException(
          "odd number of components in label string " + ByteStrings.quote(labelsPath));
    }
    for (int i = 0; i < components.length; i += 2) {
      String name = components[i];
      String value = components[i + 1];
      boolean base64 = name.endsWith(BASE64_SUFFIX);
      String trimmed = base64 ? name.substring(0, name.length() - BASE64_SUFFIX.length()) : name;
      if (!LabelNames.isValid(trimmed)) {
        throw new BadRequestException("improper label name " + ByteStrings.quote(trimmed));
      }
      result.put(trimmed, base64 ? decodeLabelValue(trimmed, value) : value);
    }
    return result;
  }

  private static String decodeLabelValue(String name, String value) {
    Base64Url.Result result = Base64Url.decode(ByteStrings.bytes(value));
    if (result.failed()) {
      throw new BadRequestException(
          "invalid base64 encoding for label "
              + name
              + "="
              + ByteStrings.quote(value)
              + ": "
              + result.errorText());
    }
    return ByteStrings.of(result.decoded());
  }

  /** The labels as text; the first value (in label order) that is not UTF-8 is refused. */
  private static Labels toText(Labels byteStrings) {
    Map<String, String> text = new HashMap<>();
    for (int i = 0; i < byteStrings.size(); i++) {
      String name = byteStrings.name(i);
      String value = byteStrings.value(i);
      if (!ByteStrings.isValidUtf8(value)) {
        throw new BadRequestException(
            "invalid UTF-8 in value of label " + name + ": " + ByteStrings.quote(value));
      }
      text.put(name, ByteStrings.toUtf8(value));
    }
    return Labels.of(text);
  }
}
