package io.pushgateway.persistence;

/** The persistence file cannot be used, so the gateway must not start. */
public class PersistenceException extends Exception {
  private static final long serialVersionUID = 1L;

  PersistenceException(String message, Throwable cause) {
    super(message, cause);
  }

  PersistenceException(String message) {
    super(message);
  }
}
