package io.arrakis.bot.profile;

import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.profile.PictureType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The onboarding wizard's state ({@code sess:onboarding:{communityId}:{userId}}, spec §20): step,
 * nym, picture choice, bio, started and last interaction. The member id is chosen when the session
 * starts so a generated picture (a function of member id and seed) can be previewed before the
 * profile exists.
 *
 * @param step {@link #NYM}, {@link #PICTURE}, {@link #BIO} or {@link #RETRY_NYM} (all chosen, the
 *     nym was taken at completion: a valid nym completes at once)
 */
record OnboardingSession(
    String step,
    MemberId memberId,
    Optional<String> nym,
    PictureType pictureType,
    Optional<String> pictureUrl,
    Optional<String> pictureSeed,
    Optional<String> bio,
    Instant startedAt,
    Instant lastAt) {
  static final String NYM = "nym";
  static final String PICTURE = "picture";
  static final String BIO = "bio";
  static final String RETRY_NYM = "retry_nym";

  static OnboardingSession start(Instant now) {
    return new OnboardingSession(
        NYM,
        MemberId.random(),
        Optional.empty(),
        PictureType.NONE,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        now,
        now);
  }

  OnboardingSession withNym(String newNym, String nextStep, Instant now) {
    return new OnboardingSession(
        nextStep,
        memberId,
        Optional.of(newNym),
        pictureType,
        pictureUrl,
        pictureSeed,
        bio,
        startedAt,
        now);
  }

  OnboardingSession withPicture(
      PictureType type, Optional<String> url, Optional<String> seed, Instant now) {
    return new OnboardingSession(BIO, memberId, nym, type, url, seed, bio, startedAt, now);
  }

  OnboardingSession withBio(Optional<String> newBio, Instant now) {
    return new OnboardingSession(
        step, memberId, nym, pictureType, pictureUrl, pictureSeed, newBio, startedAt, now);
  }

  OnboardingSession awaitingNewNym(Instant now) {
    return new OnboardingSession(
        RETRY_NYM,
        memberId,
        Optional.empty(),
        pictureType,
        pictureUrl,
        pictureSeed,
        bio,
        startedAt,
        now);
  }

  String encode() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("step", step);
    m.put("member", memberId.toString());
    nym.ifPresent(v -> m.put("nym", v));
    m.put("pfp", pictureType.name().toLowerCase(Locale.ROOT));
    pictureUrl.ifPresent(v -> m.put("pfp_url", v));
    pictureSeed.ifPresent(v -> m.put("pfp_seed", v));
    bio.ifPresent(v -> m.put("bio", v));
    m.put("started", startedAt.toString());
    m.put("last", lastAt.toString());
    return SessionCodec.encode(m);
  }

  /** Empty when the value is not a readable session (treated as expired). */
  static Optional<OnboardingSession> decode(String raw) {
    Map<String, String> m = SessionCodec.decode(raw);
    try {
      return Optional.of(
          new OnboardingSession(
              m.getOrDefault("step", NYM),
              new MemberId(UUID.fromString(m.get("member"))),
              Optional.ofNullable(m.get("nym")),
              PictureType.valueOf(m.getOrDefault("pfp", "none").toUpperCase(Locale.ROOT)),
              Optional.ofNullable(m.get("pfp_url")),
              Optional.ofNullable(m.get("pfp_seed")),
              Optional.ofNullable(m.get("bio")),
              Instant.parse(m.get("started")),
              Instant.parse(m.get("last"))));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }
}
