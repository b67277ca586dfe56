package io.pushgateway.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;

/**
 * Channels on a disk that can be made to fail writes like a full one (tests run as root, for whom
 * permissions do not stop writes). With {@code partial}, a failing write first writes half of its
 * bytes, as a disk filling up in the middle of a write does.
 */
final class FailingDisk implements DurableLog.Channels {
  static final String NO_SPACE = "No space left on device";

  volatile boolean full;
  volatile boolean partial;

  @Override
  public FileChannel open(
      Path path, Set<? extends OpenOption> options, FileAttribute<?>... attributes)
      throws IOException {
    return new Channel(FileChannel.open(path, options, attributes));
  }

  private final class Channel extends FileChannel {
    private final FileChannel delegate;

    Channel(FileChannel delegate) {
      this.delegate = delegate;
    }

    /** Throws if the disk is full, after writing half of {@code src} when {@code partial}. */
    private void check(ByteBuffer src, long position) throws IOException {
      if (!full) {
        return;
      }
      if (partial && src.remaining() > 1) {
        ByteBuffer half = src.duplicate();
        half.limit(half.position() + src.remaining() / 2);
        delegate.write(half, position < 0 ? delegate.position() : position);
      }
      throw new IOException(NO_SPACE);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      check(src, position);
      return delegate.write(src, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      check(src, -1);
      return delegate.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      if (full) {
        throw new IOException(NO_SPACE);
      }
      return delegate.write(srcs, offset, length);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return delegate.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return delegate.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return delegate.read(dst, position);
    }

    @Override
    public long position() throws IOException {
      return delegate.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      delegate.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return delegate.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      delegate.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      delegate.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target)
        throws IOException {
      return delegate.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count)
        throws IOException {
      if (full) {
        throw new IOException(NO_SPACE);
      }
      return delegate.transferFrom(src, position, count);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
      throw new UnsupportedOperationException("not used by the log");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
      return delegate.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return delegate.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      delegate.close();
    }
  }
}
