package io.arrakis.domain.profile;

import io.arrakis.domain.common.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Nym rules (spec §8.1): 3–20 characters of letters, digits, {@code _} and {@code -}, first and
 * last alphanumeric; not a reserved word; unique per community case-insensitively (including
 * inactive profiles); changeable once per cooldown (30 days).
 */
public final class NymPolicy {
  public static final String INVALID_FORMAT = "NYM_INVALID_FORMAT";
  public static final String RESERVED = "NYM_RESERVED";
  public static final String TAKEN = "NYM_TAKEN";
  public static final String COOLDOWN = "NYM_COOLDOWN";

  private static final Pattern FORMAT =
      Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{1,18}[A-Za-z0-9]$");

  public static final Set<String> RESERVED_WORDS =
      Set.of(
          "admin",
          "administrator",
          "mod",
          "moderator",
          "system",
          "sietch",
          "naib",
          "fedaykin",
          "fremen",
          "muaddib",
          "bot",
          "official",
          "support",
          "help",
          "staff");

  private NymPolicy() {}

  /** Format and reserved words; uniqueness needs the repository, see {@link #validate}. */
  public static Decision validateFormat(String nym) {
    if (!FORMAT.matcher(nym).matches()) {
      return Decision.rejected(
          INVALID_FORMAT,
          "A nym has 3–20 letters, digits, _ or -, and starts and ends with a letter or digit.");
    }
    if (RESERVED_WORDS.contains(nym.toLowerCase(Locale.ROOT))) {
      return Decision.rejected(RESERVED, "That nym is reserved.");
    }
    return Decision.allowed();
  }

  /**
   * @param takenByAnother whether another profile of the community (active or not) already uses
   *     this nym, compared case-insensitively
   */
  public static Decision validate(String nym, boolean takenByAnother) {
    Decision format = validateFormat(nym);
    if (!format.isAllowed()) {
      return format;
    }
    if (takenByAnother) {
      return Decision.rejected(TAKEN, "That nym is already taken.");
    }
    return Decision.allowed();
  }

  /** Lower-cased key for case-insensitive uniqueness. */
  public static String uniquenessKey(String nym) {
    return nym.toLowerCase(Locale.ROOT);
  }

  /** A nym may change when it never changed or the last change is at least the cooldown ago. */
  public static Decision canChange(Optional<Instant> lastChangedAt, Instant now, int cooldownDays) {
    Optional<Instant> next = nextChangeAllowedAt(lastChangedAt, cooldownDays);
    if (next.isPresent() && now.isBefore(next.get())) {
      return Decision.rejected(
          COOLDOWN, "You can change your nym again <t:" + next.get().getEpochSecond() + ":R>.");
    }
    return Decision.allowed();
  }

  public static Optional<Instant> nextChangeAllowedAt(
      Optional<Instant> lastChangedAt, int cooldownDays) {
    return lastChangedAt.map(t -> t.plus(Duration.ofDays(cooldownDays)));
  }
}
