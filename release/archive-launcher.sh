#!/bin/sh
# The `pushgateway` executable of the release archive: pushgateway [Go Pushgateway flags]
#
# Runs the Java Pushgateway on the Java runtime bundled next to it (runtime/, made by jlink), so the
# machine needs no JDK. It may be reached through symlinks (e.g. /usr/local/bin/pushgateway ->
# /opt/pushgateway-<version>.linux-amd64/pushgateway): it resolves its real location first. It
# replaces itself with the JVM (exec), so signals reach the gateway and the exit code is the JVM's.
#
# Environment:
#   PUSHGATEWAY_JAVA_OPTS  JVM options; when set (even empty) they replace the defaults below,
#                          the AOT cache included. Split on whitespace (no quoting).
#   JDK_JAVA_OPTIONS       read by the JVM itself: options added to the defaults (e.g. -Xmx256m),
#                          which keeps the AOT cache.
# JAVA_HOME and any java on PATH are ignored.
set -eu

# Follow the symlinks from $0 to the real file. POSIX sh has no `readlink -f`; plain `readlink`
# is in coreutils, busybox and the BSDs.
self=$0
case $self in
*/*) ;;
*) self=./$self ;; # started as `sh pushgateway`
esac
while [ -L "$self" ]; do
  target=$(readlink -- "$self")
  case $target in
  /*) self=$target ;;
  *) self=${self%/*}/$target ;;
  esac
done
dir=${self%/*}
home=$(CDPATH='' cd -P -- "${dir:-/}" && pwd)

java=$home/runtime/bin/java
jar=$home/lib/pushgateway.jar
if [ ! -x "$java" ] || [ ! -f "$jar" ]; then
  echo "pushgateway: the bundled Java runtime or jar is missing next to $self" >&2
  echo "  (expected $java and $jar). Keep the unpacked archive together and link to its" >&2
  echo "  pushgateway instead of copying it, e.g." >&2
  echo "  ln -s /opt/pushgateway/pushgateway /usr/local/bin/pushgateway" >&2
  exit 1
fi

# The defaults are those of the repository's ./pushgateway on JDK 25 (see the comment there and
# README, "JVM options"): the serial collector with a small, fixed young generation and a heap that
# grows with the store only, compact object headers, native memory trimmed; plus the ahead-of-time
# class cache made at build time (JEP 483: the classes a training run loaded and linked, and the
# profiles of its hot methods), for a faster start. -Xshare:auto is the JVM's default and may not be
# given with an AOT cache. The cache only fits these options; a JVM that cannot use it starts
# without it.
if [ -n "${PUSHGATEWAY_JAVA_OPTS+set}" ]; then
  set -f # split on whitespace, no globbing
  # shellcheck disable=SC2086
  exec "$java" $PUSHGATEWAY_JAVA_OPTS -jar "$jar" "$@"
fi
set -f
defaults="-XX:+UseSerialGC -Xms24m -Xmn16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30"
defaults="$defaults -XX:TrimNativeHeapInterval=5000 -XX:+UseCompactObjectHeaders"
aot=$home/lib/pushgateway.aot
if [ -f "$aot" ]; then
  # shellcheck disable=SC2086
  exec "$java" $defaults "-XX:AOTCache=$aot" -jar "$jar" "$@"
fi
# shellcheck disable=SC2086
exec "$java" $defaults -jar "$jar" "$@"
