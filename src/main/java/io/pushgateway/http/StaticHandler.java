package io.pushgateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET P/static/*filepath}: the UI's own scripts, styles and icon, read from the classpath
 * once at startup. Content-Type by extension as Go's file server picks it, {@code Last-Modified}
 * (the gateway's start) with {@code If-Modified-Since}; anything else, directories included, is
 * Go's 404.
 */
final class StaticHandler implements Handler {
  /** The assets, by the path below {@code static/}. */
  static final String[] ASSETS = {"pushgateway.css", "pushgateway.js", "favicon.svg"};

  private static final String RESOURCE_DIR = "/io/pushgateway/http/static/";
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private record Asset(byte[] body, String contentType, String hash) {}

  private final Map<String, Asset> assets;
  private final Instant lastModified;

  private StaticHandler(Map<String, Asset> assets, Instant lastModified) {
    this.assets = assets;
    this.lastModified = lastModified.truncatedTo(ChronoUnit.SECONDS);
  }

  /** Loads every asset; {@code lastModified} is what {@code Last-Modified} says. */
  static StaticHandler load(Instant lastModified) {
    Map<String, Asset> assets = new LinkedHashMap<>();
    for (String name : ASSETS) {
      byte[] body = read(name);
      assets.put(name, new Asset(body, contentType(name), hash(body)));
    }
    return new StaticHandler(assets, lastModified);
  }

  private static byte[] read(String name) {
    try (@Nullable InputStream in = StaticHandler.class.getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing UI resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A short content hash for cache-busting {@code ?v=} parameters. */
  private static String hash(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The content hash of an asset (for the page's links), or "" for an unknown name. */
  String version(String name) {
    Asset asset = assets.get(name);
    return asset == null ? "" : asset.hash();
  }

  /** Go's {@code mime.TypeByExtension} choices for the extensions the spec lists (§14.3). */
  static String contentType(String name) {
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "js", "cjs" -> "application/javascript";
      case "css" -> "text/css; charset=utf-8";
      case "ico" -> "image/x-icon";
      case "svg" -> "image/svg+xml";
      case "png" -> "image/png";
      case "ttf" -> "font/ttf";
      case "woff" -> "font/woff";
      case "woff2" -> "font/woff2";
      case "map", "json" -> "application/json";
      case "txt", "less" -> "text/plain; charset=utf-8";
      default -> "application/octet-stream";
    };
  }

  @Override
  public void handle(Exchange exchange, PathParams params) throws IOException {
    String path = params.get("filepath");
    Asset asset = path == null || !path.startsWith("/") ? null : assets.get(path.substring(1));
    if (asset == null) {
      HttpErrors.notFound(exchange);
      return;
    }
    exchange.setHeader("Accept-Ranges", "bytes");
    exchange.setHeader("Last-Modified", HTTP_DATE.format(lastModified));
    if (notModified(exchange.requestHeader("If-Modified-Since"))) {
      exchange.respond(304, new byte[0]);
      return;
    }
    exchange.setHeader("Content-Type", asset.contentType());
    exchange.respond(200, asset.body());
  }

  private boolean notModified(@Nullable String ifModifiedSince) {
    if (ifModifiedSince == null) {
      return false;
    }
    try {
      Instant since = ZonedDateTime.parse(ifModifiedSince, HTTP_DATE).toInstant();
      return !lastModified.isAfter(since);
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
