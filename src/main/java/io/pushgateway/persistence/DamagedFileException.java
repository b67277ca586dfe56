package io.pushgateway.persistence;

import java.nio.file.Path;

/** The persistence file is damaged somewhere other than a torn last record. */
public final class DamagedFileException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  DamagedFileException(Path file, long position, String reason, int groupsRead) {
    super(
        "persistence file "
            + file
            + " is damaged at byte "
            + position
            + ": "
            + reason
            + "; start with --persistence.move-damaged-aside to move it aside and "
            + (groupsRead == 0
                ? "start empty"
                : "keep the " + groupsRead + " groups read before the damage"));
  }
}
