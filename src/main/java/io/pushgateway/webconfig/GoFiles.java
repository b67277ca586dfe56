package io.pushgateway.webconfig;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** Reads whole files, with the error texts of Go's {@code os.ReadFile}. */
final class GoFiles {
  private GoFiles() {}

  /**
   * The file's bytes.
   *
   * @throws IOException whose message is Go's, e.g. {@code open web.yml: no such file or directory}
   */
  static byte[] read(String file) throws IOException {
    try {
      return Files.readAllBytes(Path.of(file));
    } catch (NoSuchFileException e) {
      throw new IOException("open " + file + ": no such file or directory", e);
    } catch (AccessDeniedException e) {
      throw new IOException("open " + file + ": permission denied", e);
    } catch (IOException e) {
      String reason = e.getMessage() == null ? "" : e.getMessage();
      if (Files.isDirectory(Path.of(file))) {
        throw new IOException("read " + file + ": is a directory", e);
      }
      throw new IOException("open " + file + ": " + reason.toLowerCase(Locale.ROOT), e);
    } catch (java.nio.file.InvalidPathException e) {
      throw new IOException("open " + file + ": invalid argument", e);
    }
  }
}
