package io.arrakis.bot.profile;

import io.arrakis.discord.Attachment;
import io.arrakis.discord.Embed;
import io.arrakis.discord.MessagePayload;
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
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The profile cards of spec §15.8: the caller's own (private) card and the public one, each one
 * embed whose thumbnail is the member's picture (a generated one uploaded with the message).
 */
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

  /** Title and bio shared by both cards. */
  private static Embed.Builder base(Profile p) {
    Embed.Builder embed = Embed.builder().title(title(p)).color(COLOR);
    p.bio().filter(b -> !b.isBlank()).ifPresent(embed::description);
    return embed;
  }

  /** The card as a message: the embed, with the member's picture as its thumbnail. */
  private static MessagePayload.Builder message(Profile p, Embed.Builder embed) {
    MessagePayload.Builder message = MessagePayload.builder();
    Optional<Attachment> generated = GeneratedPicture.of(p);
    if (generated.isPresent()) {
      GeneratedPicture.show(generated.get(), embed, message);
    } else if (p.pictureType() == io.arrakis.domain.profile.PictureType.CUSTOM) {
      p.pictureUrl().ifPresent(embed::thumbnailUrl);
    }
    return message.embed(embed.build());
  }

  static MessagePayload.Builder own(Repositories repos, CommunityConfig c, Profile p, Instant now) {
    Embed.Builder embed =
        base(p)
            .field("Tier", tier(p), true)
            .field("Member since", "<t:" + p.createdAt().getEpochSecond() + ":D>", true)
            .field("Tenure", tenure(p, c, now), true);
    p.nymLastChangedAt()
        .ifPresent(t -> embed.field("Last nym change", "<t:" + t.getEpochSecond() + ":R>", true));
    embed.field("Badges", Integer.toString(activeBadges(repos, c, p).size()), true);
    return message(p, embed.footer(OWN_FOOTER));
  }

  static MessagePayload.Builder publicCard(
      Repositories repos, CommunityConfig c, Profile p, Instant now) {
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
    return message(p, embed.footer(PUBLIC_FOOTER));
  }
}
