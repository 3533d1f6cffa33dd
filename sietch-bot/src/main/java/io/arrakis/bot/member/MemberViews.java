package io.arrakis.bot.member;

import io.arrakis.domain.badges.BadgeCategory;
import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.TenureCategory;
import io.arrakis.domain.tiers.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the member commands share: the caller's profile, tiers, tenure, badges, pictures. */
final class MemberViews {
  private MemberViews() {}

  /** The caller's active profile; empty means NOT_MEMBER. */
  static Optional<Profile> activeProfile(
      Repositories repos, CommunityId community, io.arrakis.domain.common.UserId user) {
    return repos.profiles().byUser(community, user).filter(Profile::active);
  }

  /** The linked wallet's entry in the current ranking, if the member has one. */
  static Optional<RankingEntry> rankingEntry(
      Repositories repos, CommunityId community, Profile profile) {
    return repos
        .walletLinks()
        .byUser(community, profile.userId())
        .flatMap(
            link ->
                repos
                    .eligibility()
                    .current(community)
                    .flatMap(s -> s.ranking().entry(link.wallet())));
  }

  /**
   * The member's tier: the current ranking's for a ranked linked wallet (so it agrees with the
   * balance shown next to it), otherwise the tier stored on the profile at the last sync.
   */
  static Optional<Tier> tier(Profile profile, Optional<RankingEntry> entry) {
    return entry.flatMap(RankingEntry::tier).or(profile::tier);
  }

  /** {@code 👑 } or {@code ""} when the member has no tier. */
  static String tierEmojiPrefix(Optional<Tier> tier) {
    return tier.map(t -> t.emoji() + " ").orElse("");
  }

  static TenureCategory tenure(Profile profile, CommunityConfig community, Instant now) {
    return TenureCategory.of(
        profile.createdAt(),
        community.members().launchDate(),
        community.members().ogWindowDays(),
        now);
  }

  /** A custom picture's URL for the embed thumbnail (generated pictures are not rendered yet). */
  static Optional<String> thumbnail(Profile profile) {
    return profile.pictureType() == PictureType.CUSTOM ? profile.pictureUrl() : Optional.empty();
  }

  /** Active badges, most recent first. */
  static List<MemberBadge> activeBadges(Repositories repos, CommunityId community, Profile p) {
    return repos.badges().ofMember(community, p.memberId()).stream()
        .filter(MemberBadge::active)
        .sorted(Comparator.comparing(MemberBadge::awardedAt).reversed())
        .toList();
  }

  static Map<String, BadgeDefinition> catalogue(Repositories repos, CommunityId community) {
    return repos.badges().catalogue(community).stream()
        .collect(Collectors.toMap(BadgeDefinition::id, Function.identity(), (a, b) -> a));
  }

  /**
   * The catalogue row of a held badge; a badge missing from the catalogue (a definition removed
   * later) is shown by its id.
   */
  static BadgeDefinition definition(Map<String, BadgeDefinition> catalogue, String badgeId) {
    BadgeDefinition d = catalogue.get(badgeId);
    return d != null
        ? d
        : new BadgeDefinition(
            badgeId,
            badgeId,
            "",
            BadgeCategory.SPECIAL,
            "🏅",
            Optional.empty(),
            Optional.empty(),
            Integer.MAX_VALUE);
  }

  /** {@code 🔥 Consistent}. */
  static String badgeLabel(BadgeDefinition d) {
    return d.emoji() + " " + d.name();
  }

  /** {@code <t:1700000000:D>}: a date in the reader's locale. */
  static String date(Instant at) {
    return "<t:" + at.getEpochSecond() + ":D>";
  }

  /** {@code 1 day}, {@code 12 days}. */
  static String days(long n) {
    return n == 1 ? "1 day" : n + " days";
  }

  static long wholeDays(Duration d) {
    return Math.max(0, d.toDays());
  }

  /** {@code 1 badge}, {@code 3 badges}. */
  static String badges(long n) {
    return n == 1 ? "1 badge" : n + " badges";
  }

  static String categoryTitle(BadgeCategory c) {
    String name = c.name().toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
