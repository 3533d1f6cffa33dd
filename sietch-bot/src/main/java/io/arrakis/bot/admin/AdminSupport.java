package io.arrakis.bot.admin;

import io.arrakis.bot.Invocation;
import io.arrakis.discord.AutocompleteChoices;
import io.arrakis.discord.Embed;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.badges.BadgeCatalogue;
import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.roles.DesiredRoles;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.tiers.Tier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the admin and water commands share: members by nym, the badge catalogue, the social roles a
 * badge change moves (spec §12) and the {@code badge_award} DM (spec §13.3).
 */
final class AdminSupport {
  static final String NO_MEMBER = "No member named %s.";
  static final String WATER_ROLE_REASON = "Sietch: badge change";

  private AdminSupport() {}

  // ---- members

  /** The active member with this nym (case-insensitive). */
  static Optional<Profile> activeByNym(Repositories repos, CommunityId community, String nym) {
    return repos.profiles().byNym(community, nym.strip()).filter(Profile::active);
  }

  static Optional<Profile> activeByMember(
      Repositories repos, CommunityId community, MemberId member) {
    return repos.profiles().byMember(community, member).filter(Profile::active);
  }

  static String tierEmoji(Profile p) {
    return p.tier().map(Tier::emoji).orElse("👤");
  }

  /** Spec §15.14/§15.20 {@code nym}: up to 25 active nyms containing the typed text, A–Z. */
  static AutocompleteChoices nymChoices(Repositories repos, CommunityId community, String typed) {
    String q = typed.strip().toLowerCase(Locale.ROOT);
    return AutocompleteChoices.firstOf(
        repos.profiles().all(community).stream()
            .filter(Profile::active)
            .filter(p -> p.nym().toLowerCase(Locale.ROOT).contains(q))
            .sorted(Comparator.comparing(p -> p.nym().toLowerCase(Locale.ROOT)))
            .limit(AutocompleteChoices.MAX)
            .map(p -> AutocompleteChoices.Choice.of(tierEmoji(p) + " " + p.nym(), p.nym()))
            .toList());
  }

  // ---- badges

  /**
   * The community's catalogue; the Sietch preset's when none was seeded yet (spec §9.1: the
   * catalogue is seeded from the preset), so badges work before a seeding step exists.
   */
  static List<BadgeDefinition> catalogue(Repositories repos, CommunityConfig community) {
    List<BadgeDefinition> stored = repos.badges().catalogue(community.id());
    List<BadgeDefinition> list =
        stored.isEmpty()
            ? BadgeCatalogue.sietch(community.eligibility().eligibleCount())
            : new ArrayList<>(stored);
    return list.stream().sorted(Comparator.comparingInt(BadgeDefinition::displayOrder)).toList();
  }

  static Optional<BadgeDefinition> badge(
      Repositories repos, CommunityConfig community, String idOrName) {
    String q = idOrName.strip();
    return catalogue(repos, community).stream()
        .filter(b -> b.id().equalsIgnoreCase(q) || b.name().equalsIgnoreCase(q))
        .findFirst();
  }

  static Optional<MemberBadge> row(
      Repositories repos, CommunityId community, MemberId member, String badgeId) {
    return repos.badges().ofMember(community, member).stream()
        .filter(b -> b.badgeId().equals(badgeId))
        .findFirst();
  }

  static boolean holds(Repositories repos, CommunityId community, MemberId member, String badge) {
    return row(repos, community, member, badge).map(MemberBadge::active).orElse(false);
  }

  /** {@code {emoji} {name} ({category})}, the autocomplete label of a badge. */
  static String badgeLabel(BadgeDefinition b) {
    return b.emoji() + " " + b.name() + " (" + b.category().name().toLowerCase(Locale.ROOT) + ")";
  }

  static boolean badgeMatches(BadgeDefinition b, String typed) {
    String q = typed.strip().toLowerCase(Locale.ROOT);
    return b.id().toLowerCase(Locale.ROOT).contains(q)
        || b.name().toLowerCase(Locale.ROOT).contains(q);
  }

  // ---- social roles (spec §12)

  /**
   * The badge-driven social roles the member should hold now: Water Sharer, Engaged (≥ 5 badges or
   * activity ≥ 200), Trusted (≥ 10 badges or Helper). Onboarded and Veteran do not depend on
   * badges, so a badge change never moves them.
   */
  static Set<RoleKey> socialRoles(
      Repositories repos, CommunityConfig community, MemberId member, Instant now) {
    List<MemberBadge> active =
        repos.badges().ofMember(community.id(), member).stream()
            .filter(MemberBadge::active)
            .toList();
    BigDecimal activity =
        repos
            .activity()
            .find(community.id(), member)
            .map(
                a ->
                    new io.arrakis.domain.activity.ActivityLedger(community.activity())
                        .decayed(a, now)
                        .balance())
            .orElse(BigDecimal.ZERO);
    EnumSet<RoleKey> roles = EnumSet.noneOf(RoleKey.class);
    if (active.stream().anyMatch(b -> b.badgeId().equals(BadgeCatalogue.WATER_SHARER))) {
      roles.add(RoleKey.WATER_SHARER);
    }
    if (active.size() >= DesiredRoles.ENGAGED_BADGES
        || activity.compareTo(DesiredRoles.ENGAGED_ACTIVITY) >= 0) {
      roles.add(RoleKey.ENGAGED);
    }
    if (active.size() >= DesiredRoles.TRUSTED_BADGES
        || active.stream().anyMatch(b -> b.badgeId().equals(BadgeCatalogue.HELPER))) {
      roles.add(RoleKey.TRUSTED);
    }
    return roles;
  }

  /**
   * Reconciliation of one member's social roles after a badge change (spec §4.4 outside a sync):
   * roles that became desired are added, roles no longer desired removed, each audited. The worker
   * cannot see the roles a member actually holds, so this compares the desired sets before and
   * after the change; adding a held role or removing a missing one is a no-op at Discord, and the
   * daily reconciliation repairs anything else.
   */
  static List<DiscordAction> reconcileSocial(
      Repositories repos,
      Invocation invocation,
      Profile member,
      Set<RoleKey> before,
      Set<RoleKey> after,
      String reason) {
    CommunityConfig community = invocation.community();
    List<DiscordAction> actions = new ArrayList<>();
    for (RoleKey key : RoleKey.values()) {
      boolean gained = after.contains(key) && !before.contains(key);
      boolean lost = before.contains(key) && !after.contains(key);
      if (!gained && !lost) {
        continue;
      }
      Optional<Snowflake> role = community.roles().writableRole(key, community.coexistenceMode());
      if (role.isEmpty()) {
        continue;
      }
      DiscordAction.Kind kind =
          gained ? DiscordAction.Kind.ROLE_ADD : DiscordAction.Kind.ROLE_REMOVE;
      String id =
          id(invocation.interactionId())
              + ":"
              + kind.key()
              + ":"
              + role.get()
              + ":"
              + member.userId().value();
      long user = member.userId().value();
      actions.add(
          gained
              ? new DiscordAction.AddRole(
                  id, invocation.guildId(), user, role.get().value(), reason)
              : new DiscordAction.RemoveRole(
                  id, invocation.guildId(), user, role.get().value(), reason));
      Map<String, String> payload = new LinkedHashMap<>();
      payload.put("user", member.userId().toString());
      payload.put("role", key.key());
      payload.put("reason", gained ? "badge_awarded" : "badge_revoked");
      repos
          .auditLog()
          .append(
              community.id(),
              new AuditEvent(
                  gained ? AuditType.ROLE_ASSIGNED : AuditType.ROLE_REMOVED,
                  AuditEvent.SYSTEM,
                  payload),
              invocation.now());
    }
    return actions;
  }

  // ---- badge_award (spec §13.3)

  /**
   * The {@code badge_award} DM, a critical alert (always sent): the badge, its description and the
   * reason; for Water Sharer "{granter} shared their water with you" or "awarded by the council".
   */
  static DiscordAction badgeAwardDm(
      Invocation invocation,
      Profile recipient,
      BadgeDefinition badge,
      Optional<String> reason,
      Optional<String> sharedBy) {
    Embed.Builder embed =
        Embed.builder()
            .title(badge.emoji() + " New badge: " + badge.name())
            .color(0xF1C40F)
            .description(badge.description());
    if (badge.id().equals(BadgeCatalogue.WATER_SHARER)) {
      embed.field(
          "Water",
          sharedBy.map(n -> n + " shared their water with you").orElse("Awarded by the council"),
          false);
    }
    reason.filter(r -> !r.isBlank()).ifPresent(r -> embed.field("Reason", r, false));
    embed.footer("Manage alerts with /alerts in " + invocation.community().name());
    return new DiscordAction.SendDirectMessage(
        id(invocation.interactionId())
            + ":dm.send:badge_award:"
            + badge.id()
            + ":"
            + recipient.userId().value(),
        recipient.userId().value(),
        MessagePayload.builder().embed(embed.build()).build(),
        "alert:badge_award");
  }

  static AuditEvent badgeAudit(
      AuditType type, String actor, Profile member, String badge, String by, String reason) {
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("member", member.memberId().toString());
    payload.put("badge", badge);
    payload.put("by", by);
    if (!reason.isEmpty()) {
      payload.put("reason", reason);
    }
    return new AuditEvent(type, actor, payload);
  }

  // ---- formats

  static String id(long snowflake) {
    return Long.toUnsignedString(snowflake);
  }

  static String date(Instant at) {
    return "<t:" + at.getEpochSecond() + ":D>";
  }

  static String shortDate(Instant at) {
    return "<t:" + at.getEpochSecond() + ":d>";
  }

  static String relative(Instant at) {
    return "<t:" + at.getEpochSecond() + ":R>";
  }

  static String mention(long user) {
    return "<@" + Long.toUnsignedString(user) + ">";
  }
}
