package io.arrakis.domain.profile;

import java.util.regex.Pattern;

/**
 * Bio sanitising (spec §8.1): trimmed, URLs ({@code http(s)://…}, {@code www.…}) replaced with
 * {@code [link removed]}, then cut to the community's limit (160).
 */
public final class BioSanitizer {
  public static final String LINK_REMOVED = "[link removed]";
  private static final Pattern URL = Pattern.compile("(?i)(?:https?://|www\\.)\\S+");

  private BioSanitizer() {}

  public static String sanitize(String raw, int maxLength) {
    String withoutLinks = URL.matcher(raw.strip()).replaceAll(LINK_REMOVED);
    return withoutLinks.length() <= maxLength ? withoutLinks : withoutLinks.substring(0, maxLength);
  }
}
