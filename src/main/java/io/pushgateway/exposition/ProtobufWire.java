package io.pushgateway.exposition;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.UnsafeByteOperations;
import io.pushgateway.gocompat.GoQuote;
import io.pushgateway.model.SharedStrings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Wire-level reading of a push body on one {@link CodedInputStream}, with the error behaviour of
 * the Go Pushgateway 1.5.1 (golang/protobuf's table-driven decoder): an illegal tag or a wire type
 * that cannot be skipped is a {@code proto: ...} error, every kind of running out of data is {@code
 * unexpected EOF}, and a field whose wire type does not match its declaration is skipped like an
 * unknown field.
 *
 * <p>Varints follow Go's rules (at most ten bytes, the tenth 0 or 1); a malformed one is {@code
 * unexpected EOF}, as in Go. {@link IOException}s thrown by the stream (truncation) are left to the
 * caller, who reports them as {@code unexpected EOF} too.
 */
final class ProtobufWire {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LEN = 2;
  static final int START_GROUP = 3;
  static final int END_GROUP = 4;
  static final int FIXED32 = 5;

  static final String UNEXPECTED_EOF = "unexpected EOF";

  private final byte[] body;
  private final int offset;
  private final CodedInputStream in;

  private int lastStringStart;
  private int lastStringLength;
  private boolean lastStringValid;

  ProtobufWire(byte[] body, int offset, int length) throws IOException {
    this.body = body;
    this.offset = offset;
    this.in = CodedInputStream.newInstance(body, offset, length);
    // Limits make getBytesUntilLimit() meaningful at the top level too.
    this.in.pushLimit(length);
  }

  boolean atEnd() throws IOException {
    return in.isAtEnd();
  }

  byte readRawByte() throws IOException {
    return in.readRawByte();
  }

  /**
   * Reads a field tag (field number and wire type) inside a message of the given Go type name.
   *
   * @throws ParseException for field number 0, in Go's words
   */
  long readTag(String goTypeName) throws IOException {
    long tag = readRawVarint();
    if ((tag >>> 3) == 0) {
      throw new ParseException(
          "proto: " + goTypeName + ": illegal tag 0 (wire type " + wireType(tag) + ")");
    }
    return tag;
  }

  static int wireType(long tag) {
    return (int) tag & 7;
  }

  /** Whether {@code tag} is field {@code number} with wire type {@code wireType}. */
  static boolean is(long tag, int number, int wireType) {
    return tag == (((long) number << 3) | wireType);
  }

  /** Skips the value of a field that is unknown or has an unexpected wire type. */
  void skipField(long tag) throws IOException {
    int wireType = wireType(tag);
    switch (wireType) {
      case VARINT -> readRawVarint();
      case FIXED64 -> in.skipRawBytes(8);
      case LEN -> in.skipRawBytes(readLength());
      case START_GROUP -> skipGroup();
      case FIXED32 -> in.skipRawBytes(4);
      default -> throw new ParseException("proto: can't skip unknown wire type " + wireType);
    }
  }

  /**
   * Skips to the end-group tag that closes a group, counting nested groups but, like Go, not
   * checking field numbers; anything undecodable inside counts as running out of data.
   */
  private void skipGroup() throws IOException {
    int depth = 1;
    while (depth > 0) {
      if (in.isAtEnd()) {
        throw new ParseException(UNEXPECTED_EOF);
      }
      long tag = readRawVarint();
      switch (wireType(tag)) {
        case VARINT -> readRawVarint();
        case FIXED64 -> in.skipRawBytes(8);
        case LEN -> in.skipRawBytes(readLength());
        case START_GROUP -> depth++;
        case END_GROUP -> depth--;
        case FIXED32 -> in.skipRawBytes(4);
        default -> throw new ParseException(UNEXPECTED_EOF);
      }
    }
  }

  /** Reads a length prefix that must fit into the current message. */
  int readLength() throws IOException {
    long length = readRawVarint();
    if (length < 0 || length > in.getBytesUntilLimit()) {
      throw new ParseException(UNEXPECTED_EOF);
    }
    return (int) length;
  }

  /** Reads the length of an embedded message and makes it the current limit. */
  int enterMessage() throws IOException {
    return in.pushLimit(readLength());
  }

  /** Ends an embedded message entered with {@link #enterMessage()}. */
  void exitMessage(int oldLimit) {
    in.popLimit(oldLimit);
  }

  /** Enters a top-level message of the given length (the caller has checked it fits). */
  int enterMessage(int length) throws IOException {
    return in.pushLimit(length);
  }

  int bytesUntilLimit() {
    return in.getBytesUntilLimit();
  }

  double readDouble() throws IOException {
    return in.readDouble();
  }

  /** A uint64 kept in a long, or an int64. */
  long readVarint64() throws IOException {
    return readRawVarint();
  }

  /**
   * Reads a varint of at most ten bytes whose tenth byte is 0 or 1, as Go does; protobuf-java's own
   * reader accepts some longer encodings.
   */
  private long readRawVarint() throws IOException {
    byte b = in.readRawByte();
    if (b >= 0) {
      return b;
    }
    long x = b & 0x7F;
    for (int shift = 7; shift < 63; shift += 7) {
      b = in.readRawByte();
      x |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return x;
      }
    }
    b = in.readRawByte();
    if ((b & 0xFF) > 1) {
      throw new ParseException(UNEXPECTED_EOF);
    }
    return x | ((long) b << 63);
  }

  /** An int32, uint32 or enum: the low 32 bits of the varint, as Go converts it. */
  int readVarint32() throws IOException {
    return (int) readRawVarint();
  }

  int readSInt32() throws IOException {
    return CodedInputStream.decodeZigZag32(readVarint32());
  }

  long readSInt64() throws IOException {
    return CodedInputStream.decodeZigZag64(readRawVarint());
  }

  /**
   * Reads a string field. If its bytes are not valid UTF-8 the result contains replacement
   * characters and {@link #lastStringValid()} is false; {@link #quoteLastString()} then renders the
   * raw bytes for an error message.
   */
  String readString() throws IOException {
    int length = readLength();
    int start = offset + in.getTotalBytesRead();
    in.skipRawBytes(length);
    lastStringStart = start;
    lastStringLength = length;
    boolean ascii = isAscii(start, length);
    lastStringValid = ascii || bytes(start, length).isValidUtf8();
    return ascii
        ? SharedStrings.ascii(body, start, length)
        : new String(body, start, length, StandardCharsets.UTF_8);
  }

  /** The length in bytes of the last string read. */
  int lastStringLength() {
    return lastStringLength;
  }

  boolean lastStringValid() {
    return lastStringValid;
  }

  /** The raw bytes of the last string read, quoted like Go's {@code %q}. */
  String quoteLastString() {
    return GoQuote.quoteRange(body, lastStringStart, lastStringStart + lastStringLength);
  }

  private boolean isAscii(int start, int length) {
    for (int i = start, end = start + length; i < end; i++) {
      if (body[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private ByteString bytes(int start, int length) {
    return UnsafeByteOperations.unsafeWrap(body, start, length);
  }
}
