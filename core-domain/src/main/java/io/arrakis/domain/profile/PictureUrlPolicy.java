package io.arrakis.domain.profile;

import io.arrakis.domain.common.Decision;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Custom picture URLs (spec §8.1): {@code https} on {@code cdn.discordapp.com}, {@code
 * media.discordapp.net} or {@code i.imgur.com}, or a subdomain of one of them.
 */
public final class PictureUrlPolicy {
  public static final String INVALID_PICTURE_URL = "INVALID_PICTURE_URL";
  static final List<String> HOSTS =
      List.of("cdn.discordapp.com", "media.discordapp.net", "i.imgur.com");

  private PictureUrlPolicy() {}

  public static Decision validate(String url) {
    try {
      URI uri = new URI(url.strip());
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      boolean https = "https".equalsIgnoreCase(uri.getScheme());
      boolean allowedHost = HOSTS.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
      if (https && allowedHost) {
        return Decision.allowed();
      }
    } catch (URISyntaxException e) {
      // falls through to the rejection: a malformed URL is just an invalid picture
    }
    return Decision.rejected(
        INVALID_PICTURE_URL,
        "Pictures must be https links from cdn.discordapp.com, media.discordapp.net or i.imgur.com.");
  }
}
