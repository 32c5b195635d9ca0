package dev.feedserver.web;

import dev.feedserver.render.Representation;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One representation ready to serve: its bytes in every encoding worth offering, each with its own
 * strong ETag, and the time these exact bytes were first published. Built once; handlers only pick
 * a variant and write it.
 *
 * <p>The bytes are kept outside the Java heap, in read-only direct buffers: a socket write from a
 * heap array goes through a temporary direct buffer the JDK fills on every write (a copy of the
 * whole body per request, 12% of the CPU of serving a 240 KB feed); from a direct buffer the kernel
 * copies straight from it.
 */
final class HttpResource {
  /**
   * One encoding of the representation. {@code encoding} is null for identity; {@code body} is
   * read-only and shared: write a {@link ByteBuffer#slice()} of it.
   */
  record Variant(String encoding, ByteBuffer body, String etag, Fields fields) {
    static Variant of(String encoding, byte[] bytes, String etag) {
      ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
      return new Variant(encoding, direct.asReadOnlyBuffer(), etag, null);
    }

    /** A copy of the bytes, for what cannot write a buffer (the servlet path, export, tests). */
    byte[] bytes() {
      return copyOf(body);
    }

    int length() {
      return body.remaining();
    }
  }

  /** A copy of a buffer's remaining bytes, leaving the buffer as it is. */
  static byte[] copyOf(ByteBuffer buffer) {
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return copy;
  }

  /**
   * A variant's header fields, encoded once when the resource is built rather than on every
   * request (Jetty copies a {@link PreEncodedHttpField}'s bytes as they are): {@code validators}
   * go on its 200s and 304s alike (ETag, Last-Modified, its own Cache-Control if it has one), {@code
   * representation} too (Content-Type, nosniff, the headers of its bytes), {@code content} on 200s
   * only (Content-Encoding, Content-Length).
   */
  record Fields(List<HttpField> validators, List<HttpField> representation, List<HttpField> content) {}

  private final String contentType;
  private final boolean crossOrigin;
  private final List<Representation.Header> headers;
  private final Variant identity;
  private final Optional<Variant> gzip;
  private final Optional<Variant> brotli;
  private final Instant lastModified;
  /** {@link #lastModified} as an HTTP date, formatted once. */
  private final String lastModifiedHeader;
  private final String hash;
  /** Its own {@code Cache-Control}, or null for the server's ({@code cacheMaxAge}). */
  private final String cacheControl;

  private HttpResource(Representation representation, Variant identity, Optional<Variant> gzip,
      Optional<Variant> brotli, Instant lastModified, String hash) {
    this(representation.contentType(), representation.crossOrigin(), representation.headers(), identity, gzip, brotli,
        lastModified, hash, null);
  }

  private HttpResource(String contentType, boolean crossOrigin, List<Representation.Header> headers, Variant identity,
      Optional<Variant> gzip, Optional<Variant> brotli, Instant lastModified, String hash, String cacheControl) {
    this.contentType = contentType;
    this.crossOrigin = crossOrigin;
    this.headers = headers;
    this.lastModified = lastModified;
    this.lastModifiedHeader = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
        .withZone(java.time.ZoneOffset.UTC).format(lastModified);
    this.hash = hash;
    this.cacheControl = cacheControl;
    List<HttpField> representation = new ArrayList<>();
    representation.add(new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, contentType));
    representation.add(NOSNIFF);
    for (Representation.Header header : headers) {
      representation.add(new PreEncodedHttpField(header.name(), header.value()));
    }
    List<HttpField> shared = List.copyOf(representation);
    HttpField lastModifiedField = new PreEncodedHttpField(HttpHeader.LAST_MODIFIED, lastModifiedHeader);
    HttpField cacheControlField =
        cacheControl == null ? null : new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, cacheControl);
    this.identity = withFields(identity, lastModifiedField, cacheControlField, shared);
    this.gzip = gzip.map(v -> withFields(v, lastModifiedField, cacheControlField, shared));
    this.brotli = brotli.map(v -> withFields(v, lastModifiedField, cacheControlField, shared));
  }

  private static final HttpField NOSNIFF = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");

  private static Variant withFields(Variant variant, HttpField lastModified, HttpField cacheControl,
      List<HttpField> representation) {
    List<HttpField> validators = new ArrayList<>(3);
    validators.add(new PreEncodedHttpField(HttpHeader.ETAG, variant.etag()));
    validators.add(lastModified);
    if (cacheControl != null) {
      validators.add(cacheControl);
    }
    List<HttpField> content = new ArrayList<>(2);
    if (variant.encoding() != null) {
      content.add(new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, variant.encoding()));
    }
    content.add(new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, Integer.toString(variant.length())));
    return new Variant(variant.encoding(), variant.body(), variant.etag(),
        new Fields(List.copyOf(validators), representation, List.copyOf(content)));
  }

  /**
   * The same resource kept for {@code seconds} by readers and caches, whatever the server's {@code
   * cacheMaxAge} says: a proxied image changes far less often than a feed.
   */
  HttpResource withMaxAge(int seconds) {
    return new HttpResource(contentType, crossOrigin, headers, identity, gzip, brotli, lastModified, hash,
        "public, max-age=" + seconds);
  }

  /** Its own {@code Cache-Control} value, when it has one. */
  Optional<String> cacheControl() {
    return Optional.ofNullable(cacheControl);
  }

  /**
   * Prepares a representation: hashes it, compresses it (keeping a compressed variant only when it
   * is smaller), and stamps it with {@code publishedAt}; if {@code previous} holds the same bytes
   * (with the same type and headers) it is returned instead, so validators change exactly when the
   * bytes do.
   */
  static HttpResource of(Representation representation, Instant publishedAt, Optional<HttpResource> previous,
      Compression compression) {
    byte[] body = representation.body();
    String hash = sha256(body);
    Optional<HttpResource> same =
        previous.filter(p -> p.hash.equals(hash) && p.contentType.equals(representation.contentType())
            && p.crossOrigin == representation.crossOrigin() && p.headers.equals(representation.headers()));
    if (same.isPresent()) {
      return same.get(); // same bytes: same validators, and no need to compress again
    }
    Instant lastModified = publishedAt.truncatedTo(ChronoUnit.SECONDS);
    boolean compressible = compressible(representation.contentType());
    Optional<Variant> gzip = compressible
        ? smaller(body, Compression.gzip(body)).map(b -> Variant.of("gzip", b, tag(hash, "gz")))
        : Optional.empty();
    Optional<Variant> brotli = compressible
        ? compression.brotli(body).flatMap(b -> smaller(body, b)).map(b -> Variant.of("br", b, tag(hash, "br")))
        : Optional.empty();
    return new HttpResource(
        representation, Variant.of(null, body, tag(hash, null)), gzip, brotli, lastModified, hash);
  }

  /**
   * Whether compressing bytes of this type can pay: text, XML, JSON, script and SVG; not images,
   * audio, video or PDF, which are compressed already.
   */
  private static boolean compressible(String contentType) {
    String type = contentType.toLowerCase(java.util.Locale.ROOT);
    return type.startsWith("text/") || type.contains("xml") || type.contains("json") || type.contains("javascript")
        || type.contains("opml");
  }

  private static Optional<byte[]> smaller(byte[] original, byte[] compressed) {
    return compressed.length < original.length ? Optional.of(compressed) : Optional.empty();
  }

  String contentType() {
    return contentType;
  }

  /** Whether other origins may read this resource (CORS). */
  boolean crossOrigin() {
    return crossOrigin;
  }

  /** The headers that belong to these bytes (Content-Security-Policy, Link, ...). */
  List<Representation.Header> headers() {
    return headers;
  }

  Instant lastModified() {
    return lastModified;
  }

  /** The Last-Modified header value. */
  String lastModifiedHeader() {
    return lastModifiedHeader;
  }

  /** The variant to send for a request's Accept-Encoding. */
  Variant select(AcceptEncoding accept) {
    if (brotli.isPresent() && accept.accepts("br")) {
      return brotli.get();
    }
    if (gzip.isPresent() && accept.accepts("gzip")) {
      return gzip.get();
    }
    return identity;
  }

  /** Whether any variant carries this ETag: they all stand for the same bytes. */
  boolean hasEtag(String etag) {
    return identity.etag().equals(etag)
        || gzip.map(v -> v.etag().equals(etag)).orElse(false)
        || brotli.map(v -> v.etag().equals(etag)).orElse(false);
  }

  /** The uncompressed bytes (a copy). */
  byte[] body() {
    return identity.bytes();
  }

  /**
   * The gzip bytes, for static export: the precompressed variant, or compressed now when gzip did
   * not make it smaller (a static host still wants a .gz beside the file).
   */
  byte[] gzipBody() {
    return gzip.map(Variant::bytes).orElseGet(() -> Compression.gzip(identity.bytes()));
  }

  /**
   * The brotli bytes, for static export: exactly the variant the server sends for {@code
   * Accept-Encoding: br}; empty when it keeps none (brotli4j unavailable, or no smaller).
   */
  Optional<byte[]> brotliBody() {
    return brotli.map(Variant::bytes);
  }

  /** Bytes held, all encodings counted. */
  int size() {
    return identity.length() + gzip.map(Variant::length).orElse(0) + brotli.map(Variant::length).orElse(0);
  }

  /** Every variant, for tests and tools. */
  List<Variant> variants() {
    return java.util.stream.Stream.of(Optional.of(identity), gzip, brotli).flatMap(Optional::stream).toList();
  }

  private static String tag(String hash, String suffix) {
    return "\"" + hash + (suffix == null ? "" : "-" + suffix) + "\"";
  }

  private static String sha256(byte[] body) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(dev.feedserver.Sha256.of(body)).substring(0, 27);
  }

  @Override
  public String toString() {
    return contentType + " " + identity.etag() + " " + identity.length() + "B";
  }
}
