package dev.feedserver.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** A request's Accept-Encoding header (RFC 9110 §12.5.3), with q-values; {@code q=0} refuses. */
final class AcceptEncoding {
  private final Map<String, Double> weights;

  private AcceptEncoding(Map<String, Double> weights) {
    this.weights = weights;
  }

  static AcceptEncoding parse(String header) {
    Map<String, Double> weights = new HashMap<>();
    if (header != null) {
      for (String part : header.split(",")) {
        String[] pieces = part.split(";");
        String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
        if (coding.isEmpty()) {
          continue;
        }
        double q = 1.0;
        for (int i = 1; i < pieces.length; i++) {
          String param = pieces[i].strip();
          if (param.regionMatches(true, 0, "q=", 0, 2)) {
            try {
              q = Double.parseDouble(param.substring(2).strip());
            } catch (NumberFormatException e) {
              q = 0;
            }
          }
        }
        weights.put(coding, q);
      }
    }
    return new AcceptEncoding(weights);
  }

  /**
   * Parsed headers by their text: clients send a handful of distinct values, so each is parsed
   * once. Bounded: past {@link #MAX} distinct values, new ones are parsed every time.
   */
  static final class Cache {
    private static final int MAX = 256;
    private final java.util.concurrent.ConcurrentHashMap<String, AcceptEncoding> parsed =
        new java.util.concurrent.ConcurrentHashMap<>();
    private static final AcceptEncoding NONE = new AcceptEncoding(Map.of());

    AcceptEncoding parse(String header) {
      if (header == null) {
        return NONE;
      }
      AcceptEncoding known = parsed.get(header);
      if (known != null) {
        return known;
      }
      AcceptEncoding fresh = AcceptEncoding.parse(header);
      if (parsed.size() < MAX) {
        parsed.put(header, fresh);
      }
      return fresh;
    }
  }

  /** Whether the coding is acceptable: named with q > 0, or covered by {@code *} with q > 0. */
  boolean accepts(String coding) {
    Double q = weights.get(coding);
    if (q == null) {
      q = weights.get("*");
    }
    return q != null && q > 0;
  }
}
