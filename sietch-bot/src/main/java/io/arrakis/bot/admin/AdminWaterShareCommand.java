package io.arrakis.bot.admin;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.Invocation;
import io.arrakis.bot.Replies;
import io.arrakis.discord.Embed;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.badges.BadgeCatalogue;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.water.WaterGrant;
import io.arrakis.domain.water.WaterSharing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /admin-water-share list | revoke grant_id: | lineage nym:} (spec §10, §15.20): admin,
 * ephemeral, immediate. A revoke cascades downstream (deepest first), revoking each recipient's
 * Water Sharer badge and reconciling their roles; the top granter keeps theirs.
 */
public final class AdminWaterShareCommand implements CommandHandler {
  static final String LIST = "list";
  static final String REVOKE = "revoke";
  static final String LINEAGE = "lineage";
  static final String NOT_FOUND = "Grant not found or already revoked.";
  static final int COLOR_WATER = 0x1E90FF;
  static final int COLOR_REVOKED = 0xE74C3C;

  /** The shortest id prefix accepted for {@code grant_id} (the list shows 8 characters). */
  static final int MIN_PREFIX = 8;

  private final Repositories repos;

  public AdminWaterShareCommand(Repositories repos) {
    this.repos = Objects.requireNonNull(repos, "repos");
  }

  @Override
  public String name() {
    return SietchCommands.ADMIN_WATER_SHARE;
  }

  @Override
  public AnswerMode answerMode(SlashCommand command) {
    return AnswerMode.IMMEDIATE;
  }

  @Override
  public boolean adminOnly() {
    return true;
  }

  @Override
  public Answer handle(Invocation invocation) {
    return switch (invocation.subcommand()) {
      case LIST -> list(invocation);
      case REVOKE -> revoke(invocation);
      case LINEAGE -> lineage(invocation);
      default -> Answer.reply(Replies.unknownCommand());
    };
  }

  private Answer list(Invocation invocation) {
    CommunityId cid = invocation.communityId();
    List<WaterGrant> active =
        repos.waterGrants().all(cid).stream()
            .filter(WaterGrant::active)
            .sorted(Comparator.comparing(WaterGrant::grantedAt).reversed())
            .toList();
    StringBuilder lines = new StringBuilder();
    for (WaterGrant g : active.subList(0, Math.min(25, active.size()))) {
      lines
          .append(nym(cid, g.granter()))
          .append(" → ")
          .append(nym(cid, g.recipient()))
          .append(" · ")
          .append(prefix(g.id()))
          .append(" · ")
          .append(AdminSupport.shortDate(g.grantedAt()))
          .append('\n');
    }
    Embed embed =
        Embed.builder()
            .title("Active Water Sharer Grants")
            .color(COLOR_WATER)
            .description(active.isEmpty() ? "No active grants." : lines.toString().strip())
            .footer(active.size() + (active.size() == 1 ? " active grant" : " active grants"))
            .build();
    return Answer.reply(MessagePayload.builder().embed(embed).ephemeral().build());
  }

  private Answer revoke(Invocation invocation) {
    CommunityId cid = invocation.communityId();
    List<WaterGrant> grants = repos.waterGrants().all(cid);
    Optional<WaterGrant> target = find(grants, invocation.options().string("grant_id").orElse(""));
    if (target.isEmpty()) {
      return Answer.error(NOT_FOUND);
    }
    String admin = invocation.caller().toString();
    List<WaterGrant> revoked =
        new WaterSharing(grants).revoke(target.get().id(), invocation.now(), admin);
    List<DiscordAction> actions = new ArrayList<>();
    for (WaterGrant g : revoked) {
      repos.waterGrants().save(cid, g);
      Optional<Profile> recipient = repos.profiles().byMember(cid, g.recipient());
      Optional<MemberBadge> badge =
          AdminSupport.row(repos, cid, g.recipient(), BadgeCatalogue.WATER_SHARER)
              .filter(MemberBadge::active);
      if (badge.isEmpty()) {
        continue;
      }
      Set<RoleKey> before =
          recipient.isPresent()
              ? AdminSupport.socialRoles(
                  repos, invocation.community(), g.recipient(), invocation.now())
              : Set.of();
      repos.badges().save(cid, badge.get().revoked(invocation.now(), admin));
      if (recipient.isPresent()) {
        repos
            .auditLog()
            .append(
                cid,
                AdminSupport.badgeAudit(
                    AuditType.BADGE_REVOKED,
                    admin,
                    recipient.get(),
                    BadgeCatalogue.WATER_SHARER,
                    admin,
                    "water grant revoked"),
                invocation.now());
        if (recipient.get().active()) {
          Set<RoleKey> after =
              AdminSupport.socialRoles(
                  repos, invocation.community(), g.recipient(), invocation.now());
          actions.addAll(
              AdminSupport.reconcileSocial(
                  repos, invocation, recipient.get(), before, after, "Sietch: water revoked"));
        }
      }
    }
    int downstream = revoked.size() - 1;
    WaterGrant top = target.get();
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("grant", top.id().toString());
    payload.put("granter", top.granter().toString());
    payload.put("recipient", top.recipient().toString());
    payload.put("cascade_count", Integer.toString(downstream));
    payload.put("revoked", Integer.toString(revoked.size()));
    repos
        .auditLog()
        .append(
            cid, new AuditEvent(AuditType.WATER_SHARER_REVOKE, admin, payload), invocation.now());
    Embed.Builder embed =
        Embed.builder()
            .title("Water Sharer Grant Revoked")
            .color(COLOR_REVOKED)
            .field("Granter", nym(cid, top.granter()), true)
            .field("Recipient", nym(cid, top.recipient()), true)
            .field("Grant", top.id().toString(), false);
    if (downstream > 0) {
      embed.description(
          downstream
              + (downstream == 1 ? " downstream grant" : " downstream grants")
              + " also revoked");
    }
    return Answer.reply(MessagePayload.builder().embed(embed.build()).ephemeral().build())
        .withActions(actions);
  }

  /** An active grant by full id, or by a unique id prefix of at least {@value #MIN_PREFIX}. */
  static Optional<WaterGrant> find(List<WaterGrant> grants, String input) {
    String q = input.strip().toLowerCase(Locale.ROOT);
    try {
      UUID id = UUID.fromString(q);
      return grants.stream().filter(g -> g.id().equals(id) && g.active()).findFirst();
    } catch (IllegalArgumentException notAUuid) {
      if (q.length() < MIN_PREFIX) {
        return Optional.empty();
      }
      List<WaterGrant> matches =
          grants.stream().filter(g -> g.active() && g.id().toString().startsWith(q)).toList();
      return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
  }

  private Answer lineage(Invocation invocation) {
    CommunityId cid = invocation.communityId();
    String nym = invocation.options().string("nym").orElse("");
    Optional<Profile> member = repos.profiles().byNym(cid, nym.strip());
    if (member.isEmpty()) {
      return Answer.error(String.format(AdminSupport.NO_MEMBER, nym));
    }
    Profile p = member.get();
    WaterSharing sharing = new WaterSharing(repos.waterGrants().all(cid));
    boolean holds = AdminSupport.holds(repos, cid, p.memberId(), BadgeCatalogue.WATER_SHARER);
    String received =
        sharing
            .receivedFrom(p.memberId())
            .map(g -> nym(cid, g.granter()) + " · " + AdminSupport.date(g.grantedAt()))
            .orElse(holds ? "Awarded by the council" : "Not received");
    String shared =
        sharing
            .sharedTo(p.memberId())
            .map(g -> nym(cid, g.recipient()) + " · " + AdminSupport.date(g.grantedAt()))
            .orElse("Not yet shared");
    Embed embed =
        Embed.builder()
            .title("Water Lineage — " + p.nym())
            .color(COLOR_WATER)
            .field("Received from", received, false)
            .field("Shared to", shared, false)
            .field("Holds the badge", holds ? "Yes" : "No", true)
            .build();
    return Answer.reply(MessagePayload.builder().embed(embed).ephemeral().build());
  }

  private String nym(CommunityId cid, MemberId member) {
    return repos.profiles().byMember(cid, member).map(Profile::nym).orElse("(unknown member)");
  }

  static String prefix(UUID id) {
    return id.toString().substring(0, 8);
  }
}
