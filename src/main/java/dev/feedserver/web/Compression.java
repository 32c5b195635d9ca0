package dev.feedserver.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compresses a representation once, when it is published; never per request. Brotli comes from
 * brotli4j's native library, shipped in its Maven artifact; where none fits the platform, only
 * gzip is offered.
 */
final class Compression {
  private static final Logger LOG = LoggerFactory.getLogger(Compression.class);
  /** Brotli quality: 11 is the smallest output but ~50x slower; 9 is close and cheap enough for every page. */
  private static final int BROTLI_QUALITY = 9;

  private final boolean brotli;

  Compression() {
    boolean available;
    try {
      Brotli4jLoader.ensureAvailability();
      available = true;
    } catch (Throwable e) { // UnsatisfiedLinkError on a platform without a native artifact
      LOG.info("brotli unavailable on this platform, serving gzip only: {}", e.toString());
      available = false;
    }
    this.brotli = available;
  }

  /** gzip at the best compression, since it is done once. */
  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
    try (GZIPOutputStream gzip =
        new GZIPOutputStream(out) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        }) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Brotli, when this platform has it. */
  Optional<byte[]> brotli(byte[] bytes) {
    if (!brotli) {
      return Optional.empty();
    }
    try {
      return Optional.of(Encoder.compress(bytes, new Encoder.Parameters().setQuality(BROTLI_QUALITY)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
