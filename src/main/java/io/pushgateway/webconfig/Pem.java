package io.pushgateway.webconfig;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * PEM blocks found the way Go's {@code encoding/pem.Decode} finds them: text around and between
 * blocks is ignored, and so is a block whose end line, type or base64 is broken.
 */
final class Pem {
  /**
   * One block.
   *
   * @param type the type, e.g. {@code CERTIFICATE} or {@code EC PRIVATE KEY}
   * @param hasHeaders whether it carries {@code Key: value} headers (e.g. an encrypted key's)
   * @param bytes the decoded body
   */
  record Block(String type, boolean hasHeaders, byte[] bytes) {}

  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";

  private Pem() {}

  /** Every well-formed block, in order. */
  static List<Block> decode(byte[] data) {
    // Latin-1 keeps one char per byte, so indices are byte offsets.
    String text = new String(data, ISO_8859_1);
    List<Block> blocks = new ArrayList<>();
    int from = 0;
    while (true) {
      int begin = text.startsWith(BEGIN, from) ? from : text.indexOf("\n" + BEGIN, from);
      if (begin < 0) {
        return blocks;
      }
      int typeStart = begin + (text.charAt(begin) == '\n' ? 1 : 0) + BEGIN.length();
      from = typeStart;
      int typeEnd = lineEnd(text, typeStart);
      String typeLine = trimRight(text.substring(typeStart, typeEnd));
      if (!typeLine.endsWith(DASHES)) {
        continue;
      }
      String type = typeLine.substring(0, typeLine.length() - DASHES.length());
      int pos = Math.min(text.length(), typeEnd + 1);
      boolean headers = false;
      while (pos < text.length()) {
        int end = lineEnd(text, pos);
        if (text.substring(pos, end).indexOf(':') < 0) {
          break;
        }
        headers = true;
        pos = Math.min(text.length(), end + 1);
      }
      int endIndex;
      int trailer;
      if (!headers && text.startsWith(END, pos)) {
        endIndex = pos;
        trailer = pos + END.length();
      } else {
        endIndex = text.indexOf("\n" + END, pos);
        trailer = endIndex + 1 + END.length();
      }
      if (endIndex < 0) {
        continue;
      }
      int trailerEnd = lineEnd(text, trailer);
      if (!trimRight(text.substring(trailer, trailerEnd)).equals(type + DASHES)) {
        continue;
      }
      byte[] body;
      try {
        body =
            Base64.getDecoder().decode(text.substring(pos, endIndex).replaceAll("[ \t\r\n]", ""));
      } catch (IllegalArgumentException e) {
        continue;
      }
      blocks.add(new Block(type, headers, body));
      from = trailerEnd;
    }
  }

  private static int lineEnd(String text, int from) {
    int nl = text.indexOf('\n', from);
    return nl < 0 ? text.length() : nl;
  }

  private static String trimRight(String s) {
    int end = s.length();
    while (end > 0 && " \t\r".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(0, end);
  }
}
