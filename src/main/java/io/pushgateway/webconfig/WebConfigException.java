package io.pushgateway.webconfig;

import org.jspecify.annotations.Nullable;

/**
 * A web configuration file that cannot be used. The message is worded as exporter-toolkit words it
 * (e.g. {@code unknown cipher: TLS_FOO}, {@code yaml: unmarshal errors: ...}); {@link #key()} names
 * the setting, for messages whose text does not.
 */
public final class WebConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String key;

  /**
   * @param message the toolkit's wording of the problem
   * @param key the setting, as a dotted YAML path ({@code basic_auth_users.alice}); "" if unknown
   */
  public WebConfigException(@Nullable String message, String key) {
    super(message == null ? "" : message);
    this.key = key;
  }

  /** The setting at fault as a dotted YAML path, or "" when the message already locates it. */
  public String key() {
    return key;
  }

  @Override
  public String getMessage() {
    String message = super.getMessage();
    return message == null ? "" : message;
  }
}
