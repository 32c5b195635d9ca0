package dev.feedserver.imageproxy;

import dev.feedserver.render.ImageUrls;
import dev.feedserver.site.Links;
import dev.feedserver.site.Route;

/**
 * Image URLs for a site with the image proxy on: another host's image becomes the server's signed
 * {@code /img/} URL ({@link Route.Image}); the server's own files (a Hexo site's {@code /images/…},
 * a post's {@code /entry/{id}/x.png}: anything under the base URL) are served as they are, and a URL
 * the proxy could not fetch (not http(s)) is left alone.
 */
public final class SignedImageUrls implements ImageUrls {
  private final Links links;
  private final ImageSigner signer;
  private final String own;

  public SignedImageUrls(Links links, ImageSigner signer) {
    this.links = links;
    this.signer = signer;
    this.own = links.absolute("/");
  }

  @Override
  public String image(String url) {
    if (url.startsWith(own) || !Route.Image.isHttpUrl(url)) {
      return url;
    }
    return links.url(signer.route(url));
  }
}
