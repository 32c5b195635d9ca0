package dev.feedserver.imageproxy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.feedserver.config.ImageProxySettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Fetches one image as a careful client does, for the image proxy: a plain {@code GET} over HTTP/1.1
 * with a browser's {@code Accept}, no {@code Referer} (or the image's own origin), no cookies, at
 * most {@link #MAX_REDIRECTS} redirects, a connect and a total time limit, a size cap, and only
 * image bytes (their signature checked, {@link ImageType}) answered.
 *
 * <p><b>Where it connects.</b> Every host name is resolved here, every address it resolves to is
 * checked against {@link AddressPolicy} (one refused address refuses the host: a name that mixes a
 * public and a private address is an attack, not an accident), and the socket is then connected to
 * a checked address, so that the address connected to is the address checked: a DNS answer that
 * changes between a check and a connect (DNS rebinding) cannot reach past it. Redirects go through
 * the same steps. That is why this is not the JDK's {@code HttpClient}: in Java 17 it resolves names
 * itself, with no hook to check or pin the address it connects to, and refuses a {@code Host}
 * header of our choosing, so any check made before {@code send} would leave the rebinding window
 * open. Over https the TLS layer is given the host name (SNI) and checks the certificate against it
 * (endpoint identification {@code HTTPS}), exactly as if the name had been connected to.
 *
 * <p>Upstream answers are read strictly: a {@code Content-Length} over the cap, or more bytes than
 * the cap, refuses the image before or while reading; chunked bodies are decoded; a response that
 * runs past the time limit is cut. Nothing here throws: every outcome is a {@link Result}.
 */
public final class ImageFetcher {
  /** Redirects followed, each checked as the first request is. */
  public static final int MAX_REDIRECTS = 3;
  /** What Chromium asks for when it loads an image. */
  static final String ACCEPT = "image/avif,image/webp,image/apng,image/*,*/*;q=0.8";
  private static final String USER_AGENT = "Mozilla/5.0 (compatible; feedserver-image-proxy)";
  private static final int MAX_HEADER_BYTES = 64 * 1024;

  /** Resolves a host name to its addresses (the system resolver; tests give a table). */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** What a fetch gave. */
  public sealed interface Result {}

  /** An image: its bytes and the media type their signature names. */
  public record Image(String mediaType, byte[] bytes) implements Result {}

  /**
   * No image, and why.
   *
   * @param timedOut whether a time limit ran out (a gateway timeout) rather than the upstream
   *     answering something we refuse, or being refused itself (a bad gateway)
   */
  public record Failed(boolean timedOut, String reason) implements Result {}

  private final ImageProxySettings settings;
  private final AddressPolicy policy;
  private final Resolver resolver;
  /** One permit pool per upstream host; a pool idle for a while goes (hosts are unbounded). */
  private final Cache<String, Semaphore> hosts =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterAccess(java.time.Duration.ofMinutes(10)).build();
  private final SSLContext tls;

  public ImageFetcher(ImageProxySettings settings) {
    this(settings, InetAddress::getAllByName);
  }

  public ImageFetcher(ImageProxySettings settings, Resolver resolver) {
    this.settings = settings;
    this.policy = new AddressPolicy(settings.allowLoopback());
    this.resolver = resolver;
    try {
      this.tls = SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no TLS in this JDK", e);
    }
  }

  /** Fetches {@code url} (absolute http(s)), following redirects; never throws. */
  public Result fetch(String url) {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    URI current;
    try {
      current = ascii(new URI(url));
    } catch (URISyntaxException e) {
      return new Failed(false, "not a URL");
    }
    for (int hop = 0; ; hop++) {
      Response response;
      try {
        response = get(current, deadline);
      } catch (Refused e) {
        return new Failed(false, e.getMessage());
      } catch (SocketTimeoutException e) {
        return new Failed(true, "no answer from " + current.getHost() + " in time");
      } catch (IOException e) {
        return new Failed(false, "cannot fetch from " + current.getHost() + ": " + e);
      }
      if (response.isRedirect()) {
        if (hop == MAX_REDIRECTS) {
          return new Failed(false, "more than " + MAX_REDIRECTS + " redirects");
        }
        URI from = current;
        Optional<URI> next = response.header("location").flatMap(location -> redirect(from, location));
        if (next.isEmpty()) {
          return new Failed(false, "redirect without a usable http(s) Location");
        }
        current = next.get();
        continue;
      }
      if (response.status() != 200) {
        return new Failed(false, "upstream answered " + response.status());
      }
      String type = response.header("content-type").orElse("").toLowerCase(Locale.ROOT).strip();
      if (!type.startsWith("image/") || type.startsWith("image/svg")) {
        return new Failed(false, "upstream sent " + (type.isEmpty() ? "no type" : type) + ", not a raster image");
      }
      Optional<String> sniffed = ImageType.of(response.body());
      if (sniffed.isEmpty()) {
        return new Failed(false, "upstream said " + type + " but the bytes are not a PNG, JPEG, GIF, WebP, AVIF or ICO");
      }
      return new Image(sniffed.get(), response.body());
    }
  }

  /** A Location resolved against the URL it came from: absolute http(s), or empty. */
  private static Optional<URI> redirect(URI from, String location) {
    try {
      URI next = ascii(from.resolve(new URI(location.strip())));
      String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && next.getHost() != null
          ? Optional.of(next) : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The same URI with non-ASCII characters escaped, so its raw parts can go on the wire. */
  private static URI ascii(URI uri) throws URISyntaxException {
    return new URI(uri.toASCIIString());
  }

  /** A refusal of ours (an address, a size), as opposed to a failure of the network. */
  private static final class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }

  private record Response(int status, Map<String, String> headers, byte[] body) {
    boolean isRedirect() {
      return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name));
    }
  }

  /** One GET, to a checked address: resolve, check every address, connect to a checked one. */
  private Response get(URI uri, long deadline) throws IOException {
    boolean https = uri.getScheme().equalsIgnoreCase("https");
    String host = uri.getHost();
    String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(name);
    } catch (UnknownHostException e) {
      throw new Refused("unknown host " + name);
    }
    if (addresses.length == 0) {
      throw new Refused("unknown host " + name);
    }
    for (InetAddress address : addresses) {
      Optional<String> refusal = policy.refusal(address);
      if (refusal.isPresent()) {
        throw new Refused(name + " is a " + refusal.get() + " (" + address.getHostAddress() + "): not fetched");
      }
    }
    Semaphore slot = hosts.get(name.toLowerCase(Locale.ROOT), h -> new Semaphore(settings.perHost()));
    try {
      if (!slot.tryAcquire(remaining(deadline), TimeUnit.MILLISECONDS)) {
        throw new SocketTimeoutException("waited for a turn at " + name);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SocketTimeoutException("interrupted");
    }
    try (Socket socket = connect(addresses, port, deadline)) {
      Socket channel = https ? tls(socket, name, port) : socket;
      socket.setSoTimeout(remaining(deadline));
      if (channel instanceof SSLSocket ssl) {
        ssl.startHandshake();
      }
      OutputStream out = channel.getOutputStream();
      out.write(request(uri).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return read(new java.io.BufferedInputStream(channel.getInputStream()), socket, deadline);
    } finally {
      slot.release();
    }
  }

  /** Connects to the first checked address that answers. */
  private Socket connect(InetAddress[] addresses, int port, long deadline) throws IOException {
    IOException last = null;
    for (InetAddress address : addresses) {
      Socket socket = new Socket();
      try {
        int limit = (int) Math.min(settings.connectTimeout().toMillis(), remaining(deadline));
        socket.connect(new InetSocketAddress(address, port), limit);
        return socket;
      } catch (IOException e) {
        socket.close();
        last = e;
      }
    }
    throw last;
  }

  /** TLS over the connected socket, for the host name: SNI and the certificate checked against it. */
  private SSLSocket tls(Socket socket, String host, int port) throws IOException {
    SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, host, port, true);
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (!host.contains(":") && !host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
      parameters.setServerNames(java.util.List.of(new SNIHostName(host)));
    }
    ssl.setSSLParameters(parameters);
    return ssl;
  }

  private String request(URI uri) {
    String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String authority = uri.getRawAuthority();
    int at = authority.lastIndexOf('@');
    String hostHeader = at < 0 ? authority : authority.substring(at + 1); // never send credentials
    StringBuilder request = new StringBuilder()
        .append("GET ").append(path).append(" HTTP/1.1\r\n")
        .append("Host: ").append(hostHeader).append("\r\n")
        .append("User-Agent: ").append(USER_AGENT).append("\r\n")
        .append("Accept: ").append(ACCEPT).append("\r\n")
        .append("Accept-Encoding: identity\r\n")
        .append("Connection: close\r\n");
    if (settings.referer() == ImageProxySettings.Referer.ORIGIN) {
      request.append("Referer: ").append(uri.getScheme().toLowerCase(Locale.ROOT)).append("://").append(hostHeader)
          .append("/\r\n");
    }
    return request.append("\r\n").toString();
  }

  private Response read(InputStream in, Socket socket, long deadline) throws IOException {
    String statusLine = line(in, socket, deadline);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new Refused("not an HTTP/1.x answer");
    }
    int status;
    try {
      status = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new Refused("not an HTTP status: " + parts[1]);
    }
    Map<String, String> headers = new HashMap<>();
    int headerBytes = 0;
    for (String line = line(in, socket, deadline); !line.isEmpty(); line = line(in, socket, deadline)) {
      headerBytes += line.length();
      if (headerBytes > MAX_HEADER_BYTES) {
        throw new Refused("headers too long");
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
      }
    }
    Response head = new Response(status, headers, new byte[0]);
    if (head.isRedirect() || status != 200) {
      return head; // its body is not needed
    }
    long cap = settings.maxBytes();
    String length = headers.get("content-length");
    if (length != null) {
      long n;
      try {
        n = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        throw new Refused("bad Content-Length");
      }
      if (n > cap) {
        throw new Refused("image of " + n + " bytes is over the limit of " + cap);
      }
      return new Response(status, headers, bytes(in, socket, deadline, n, true));
    }
    if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", "").strip())) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      while (true) {
        String size = line(in, socket, deadline);
        int semicolon = size.indexOf(';');
        long n;
        try {
          n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
        } catch (NumberFormatException e) {
          throw new Refused("bad chunk size");
        }
        if (n == 0) {
          break;
        }
        if (body.size() + n > cap) {
          throw new Refused("image over the limit of " + cap + " bytes");
        }
        body.write(bytes(in, socket, deadline, n, true));
        line(in, socket, deadline); // the CRLF after the chunk
      }
      return new Response(status, headers, body.toByteArray());
    }
    return new Response(status, headers, bytes(in, socket, deadline, cap + 1, false)); // until the close
  }

  /** Exactly {@code n} bytes ({@code exact}), or up to the end of the stream, within the deadline and the cap. */
  private byte[] bytes(InputStream in, Socket socket, long deadline, long n, boolean exact) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(n, 1 << 16));
    byte[] buffer = new byte[16 * 1024];
    while (out.size() < n) {
      socket.setSoTimeout(remaining(deadline));
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, n - out.size()));
      if (read < 0) {
        if (exact) {
          throw new Refused("answer cut short");
        }
        break;
      }
      out.write(buffer, 0, read);
    }
    if (out.size() > settings.maxBytes()) {
      throw new Refused("image over the limit of " + settings.maxBytes() + " bytes");
    }
    return out.toByteArray();
  }

  /** One header line (CRLF or LF ended), ISO-8859-1, within the deadline. */
  private static String line(InputStream in, Socket socket, long deadline) throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      socket.setSoTimeout(remaining(deadline));
      int c = in.read();
      if (c < 0) {
        throw new Refused("answer cut short");
      }
      if (c == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
      }
      if (line.length() >= MAX_HEADER_BYTES) {
        throw new Refused("header line too long");
      }
      line.append((char) c);
    }
  }

  /** Milliseconds left before {@code deadline}, at least 1 (0 would mean no limit to a socket); past it, a timeout. */
  private static int remaining(long deadline) throws SocketTimeoutException {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    if (left <= 0) {
      throw new SocketTimeoutException("time limit reached");
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }
}
