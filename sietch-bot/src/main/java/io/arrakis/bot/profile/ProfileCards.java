package io.arrakis.bot.profile;

import io.arrakis.discord.Embed;
import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.TenureCategory;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The profile embeds of spec §15.8: the caller's own (private) card and the public one. */
final class ProfileCards {
  static final String OWN_FOOTER = "Edit with /profile edit";
  static final String PUBLIC_FOOTER = "Wallets and Discord identities are never shown.";
  static final int COLOR = 0xC2913A;
  static final int RECENT_BADGES = 5;

  private ProfileCards() {}

  static String title(Profile p) {
    return p.tier().map(t -> t.emoji() + " ").orElse("") + p.nym();
  }

  static String tier(Profile p) {
    return p.tier().map(t -> t.emoji() + " " + t.displayName()).orElse("None");
  }

  static String tenure(Profile p, CommunityConfig c, Instant now) {
    return TenureCategory.of(
            p.createdAt(), c.members().launchDate(), c.members().ogWindowDays(), now)
        .label();
  }

  static List<MemberBadge> activeBadges(Repositories repos, CommunityConfig c, Profile p) {
    return repos.badges().ofMember(c.id(), p.memberId()).stream()
        .filter(MemberBadge::active)
        .sorted(Comparator.comparing(MemberBadge::awardedAt).reversed())
        .toList();
  }

  /** Title, picture and bio shared by both cards. */
  private static Embed.Builder base(Profile p) {
    Embed.Builder embed = Embed.builder().title(title(p)).color(COLOR);
    p.bio().filter(b -> !b.isBlank()).ifPresent(embed::description);
    switch (p.pictureType()) {
      case CUSTOM -> p.pictureUrl().ifPresent(embed::thumbnailUrl);
      case GENERATED -> {
        // the PNG attachment needs attachment support in MessagePayload: the art as text instead
      }
      case NONE -> {}
    }
    return embed;
  }

  private static void generated(Embed.Builder embed, Profile p) {
    if (p.pictureType() == io.arrakis.domain.profile.PictureType.GENERATED) {
      p.pictureSeed()
          .ifPresent(
              seed -> embed.field("Picture", GeneratedPicture.codeBlock(p.memberId(), seed)));
    }
  }

  static Embed own(Repositories repos, CommunityConfig c, Profile p, Instant now) {
    Embed.Builder embed =
        base(p)
            .field("Tier", tier(p), true)
            .field("Member since", "<t:" + p.createdAt().getEpochSecond() + ":D>", true)
            .field("Tenure", tenure(p, c, now), true);
    p.nymLastChangedAt()
        .ifPresent(t -> embed.field("Last nym change", "<t:" + t.getEpochSecond() + ":R>", true));
    embed.field("Badges", Integer.toString(activeBadges(repos, c, p).size()), true);
    generated(embed, p);
    return embed.footer(OWN_FOOTER).build();
  }

  static Embed publicCard(Repositories repos, CommunityConfig c, Profile p, Instant now) {
    List<MemberBadge> badges = activeBadges(repos, c, p);
    Embed.Builder embed =
        base(p)
            .field("Tier", tier(p), true)
            .field("Tenure", tenure(p, c, now), true)
            .field("Badges", Integer.toString(badges.size()), true);
    if (!badges.isEmpty()) {
      Map<String, BadgeDefinition> catalogue =
          repos.badges().catalogue(c.id()).stream()
              .collect(Collectors.toMap(BadgeDefinition::id, Function.identity(), (a, b) -> a));
      String recent =
          badges.stream()
              .limit(RECENT_BADGES)
              .map(
                  b -> {
                    BadgeDefinition d = catalogue.get(b.badgeId());
                    return d == null ? b.badgeId() : d.emoji() + " " + d.name();
                  })
              .collect(Collectors.joining("\n"));
      if (badges.size() > RECENT_BADGES) {
        recent += "\n+" + (badges.size() - RECENT_BADGES) + " more";
      }
      embed.field("Recent badges", recent);
    }
    generated(embed, p);
    return embed.footer(PUBLIC_FOOTER).build();
  }
}
