package dev.feedserver.imageproxy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses the image proxy may connect to: only public unicast ones. A signed URL is one an
 * article named, and articles are untrusted: without this rule {@code <img
 * src="http://169.254.169.254/latest/meta-data/">} would make the server fetch its cloud
 * credentials, or scan the network it sits in (server-side request forgery).
 *
 * <p>Refused: unspecified ({@code 0.0.0.0/8}, {@code ::}), loopback ({@code 127.0.0.0/8}, {@code
 * ::1}), private ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}, site-local {@code
 * fec0::/10}), shared address space ({@code 100.64/10}), link-local ({@code 169.254/16}, which holds
 * the cloud metadata services, {@code fe80::/10}), IETF protocol and documentation blocks ({@code
 * 192.0.0/24}, {@code 192.0.2/24}, {@code 198.18/15}, {@code 198.51.100/24}, {@code 203.0.113/24}),
 * reserved and broadcast ({@code 240/4}), multicast ({@code 224/4}, {@code ff00::/8}), unique-local
 * IPv6 ({@code fc00::/7}), and an IPv6 address that carries an IPv4 one (IPv4-compatible {@code
 * ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) whose IPv4 address is refused.
 * ({@code ::ffff:a.b.c.d} is read as the IPv4 address by the JDK.)
 */
public final class AddressPolicy {
  private final boolean allowLoopback;

  /** @param allowLoopback tests only: loopback addresses may be fetched; nothing else is relaxed */
  public AddressPolicy(boolean allowLoopback) {
    this.allowLoopback = allowLoopback;
  }

  /** Why {@code address} may not be connected to; empty when it may. */
  public Optional<String> refusal(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return allowLoopback ? Optional.empty() : Optional.of("loopback address");
    }
    if (address.isAnyLocalAddress()) {
      return Optional.of("unspecified address");
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("link-local address");
    }
    if (address.isSiteLocalAddress()) {
      return Optional.of("private address");
    }
    if (address.isMulticastAddress()) {
      return Optional.of("multicast address");
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return ipv4(b);
    }
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return Optional.of("unique-local address");
      }
      Optional<byte[]> embedded = embeddedIpv4(b);
      if (embedded.isPresent()) {
        try {
          return refusal(InetAddress.getByAddress(embedded.get())).map(r -> r + " inside an IPv6 address");
        } catch (UnknownHostException e) {
          return Optional.of("unreadable address"); // four bytes are always an address
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> ipv4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    if (a0 == 0) {
      return Optional.of("unspecified address");
    }
    if (a0 == 100 && (a1 & 0xc0) == 64) {
      return Optional.of("shared (carrier-grade NAT) address");
    }
    if (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) {
      return Optional.of("reserved address");
    }
    if (a0 == 198 && (a1 == 18 || a1 == 19 || (a1 == 51 && a2 == 100))) {
      return Optional.of("reserved address");
    }
    if (a0 == 203 && a1 == 0 && a2 == 113) {
      return Optional.of("reserved address");
    }
    if (a0 >= 240) {
      return Optional.of("reserved or broadcast address");
    }
    return Optional.empty();
  }

  /** The IPv4 address an IPv6 one carries: IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16). */
  private static Optional<byte[]> embeddedIpv4(byte[] b) {
    boolean zeros = true;
    for (int i = 0; i < 12; i++) {
      zeros &= b[i] == 0;
    }
    boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
    for (int i = 4; nat64 && i < 12; i++) {
      nat64 = b[i] == 0;
    }
    if (zeros || nat64) {
      return Optional.of(new byte[] {b[12], b[13], b[14], b[15]});
    }
    if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
      return Optional.of(new byte[] {b[2], b[3], b[4], b[5]});
    }
    return Optional.empty();
  }
}
