# Container image of the Java Pushgateway, used like the Go gateway's prom/pushgateway:
#   docker run -d -p 9091:9091 pushgateway [flags]
# Same port (EXPOSE 9091), same flags (the arguments go to the gateway), same entry point
# (/bin/pushgateway), runs as nobody (65534), /pushgateway is a volume and the working directory
# (e.g. --persistence.file=/pushgateway/metrics.store with -v pushgateway-data:/pushgateway).
#
# The image is made from the release archive, which holds its own Java runtime, like the Go image
# is made from the binary `promu` builds:
#   release/build-archive                  # -> target/release/pushgateway-<version>.linux-amd64.tar.gz
#   docker build -t pushgateway .          # or: podman build -t pushgateway .
# BASE is any glibc-based image with /bin/sh and readlink (release/test-container builds one
# from debootstrap where no registry is reachable). VERSION picks the archive.
ARG BASE=debian:bookworm-slim

FROM ${BASE} AS unpack
ARG VERSION=0.1.0
COPY target/release/pushgateway-${VERSION}.linux-amd64.tar.gz /tmp/pushgateway.tar.gz
RUN mkdir /opt/pushgateway \
 && tar -xzf /tmp/pushgateway.tar.gz -C /opt/pushgateway --strip-components=1 --no-same-owner \
 && /opt/pushgateway/pushgateway --version

FROM ${BASE}
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="pushgateway" \
      org.opencontainers.image.description="A drop-in Java replacement for the Prometheus Pushgateway" \
      org.opencontainers.image.version="${VERSION}"
# Only the unpacked directory reaches this stage, not the archive.
COPY --from=unpack /opt/pushgateway /opt/pushgateway
# The entry point is a symlink, as the archive is meant to be installed; the launcher finds its
# runtime through it. /pushgateway must be owned by nobody before it is declared a volume.
RUN ln -s /opt/pushgateway/pushgateway /bin/pushgateway \
 && mkdir -p /pushgateway \
 && chown 65534:65534 /pushgateway

EXPOSE 9091
VOLUME ["/pushgateway"]
WORKDIR /pushgateway
USER 65534
ENTRYPOINT ["/bin/pushgateway"]
