package io.pushgateway.e2e;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests that must reach the server byte for byte ({@code //}
 * and {@code %2F} in paths, chunked bodies, odd headers). Each request uses its own connection
 * ({@code Connection: close}).
 */
final class RawHttp {
  private RawHttp() {}

  /**
   * Sends {@code method target} with the given header lines ({@code Name: value}), adding {@code
   * Host} and {@code Connection: close}, and {@code Content-Length} unless a {@code
   * Transfer-Encoding} header is given (then {@code body} must already be encoded).
   */
  static Response send(int port, String method, String target, byte[] body, String... headers) {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    head.append("Connection: close\r\n");
    boolean chunked = false;
    for (String header : headers) {
      head.append(header).append("\r\n");
      chunked |= header.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:");
    }
    if (!chunked && (body.length > 0 || method.equals("PUT") || method.equals("POST"))) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(head.toString().getBytes(ISO_8859_1));
    request.writeBytes(body);
    return exchange(port, request.toByteArray(), !method.equals("HEAD"));
  }

  /**
   * Sends {@code request} exactly as given (request line, headers and body) and reads the answer.
   */
  static Response exchangeBytes(int port, byte[] request) {
    return exchange(port, request, true);
  }

  /** Encodes {@code body} with chunked transfer coding, in chunks of at most {@code size} bytes. */
  static byte[] chunked(byte[] body, int size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < body.length; i += size) {
      int n = Math.min(size, body.length - i);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(ISO_8859_1));
      out.write(body, i, n);
      out.writeBytes("\r\n".getBytes(ISO_8859_1));
    }
    out.writeBytes("0\r\n\r\n".getBytes(ISO_8859_1));
    return out.toByteArray();
  }

  private static Response exchange(int port, byte[] request, boolean expectBody) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      return read(socket.getInputStream(), expectBody);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Response read(InputStream in, boolean expectBody) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers
          .computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>())
          .add(line.substring(colon + 1).strip());
    }
    Response head = new Response(status, headers, new byte[0]);
    byte[] body;
    if (!expectBody || status == 204 || status == 304 || status / 100 == 1) {
      body = new byte[0];
    } else if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
      body = dechunk(in);
    } else if (head.header("Content-Length") != null) {
      body = in.readNBytes(Integer.parseInt(head.header("Content-Length")));
    } else {
      body = in.readAllBytes();
    }
    return new Response(status, headers, body);
  }

  private static byte[] dechunk(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      String size = line(in);
      int semicolon = size.indexOf(';');
      int n = Integer.parseInt(semicolon < 0 ? size : size.substring(0, semicolon), 16);
      if (n == 0) {
        while (!line(in).isEmpty()) {
          // trailers
        }
        return out.toByteArray();
      }
      out.writeBytes(in.readNBytes(n));
      line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.write(b);
      }
    }
    if (b < 0 && line.size() == 0) {
      throw new IOException("connection closed before a complete response");
    }
    return line.toString(ISO_8859_1);
  }
}
