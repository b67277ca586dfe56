package io.pushgateway.http;

import io.pushgateway.model.GroupingKey;

/** The grouping key of a push or delete route's parameters. */
final class GroupingKeys {
  private GroupingKeys() {}

  /**
   * Parses {@code :job} and {@code *labels} with Go's rules; the exact bytes of the decoded path
   * are passed on, so invalid UTF-8 is detected (and refused) by {@link GroupingKeyPath}.
   *
   * @throws BadRequestException with Go's 400 text
   */
  static GroupingKey fromParams(PathParams params) {
    byte[] job = params.bytes("job");
    byte[] labels = params.bytes("labels");
    return GroupingKeyPath.parse(
        job == null ? "" : GoString.fromBytes(job),
        params.jobBase64(),
        labels == null ? null : GoString.fromBytes(labels));
  }
}
