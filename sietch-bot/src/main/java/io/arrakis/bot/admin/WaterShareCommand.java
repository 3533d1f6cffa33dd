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
import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Decision;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.water.ShareRequest;
import io.arrakis.domain.water.WaterGrant;
import io.arrakis.domain.water.WaterSharing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /water-share share member: | status} (spec §10, §15.17): member, ephemeral, immediate. A
 * share inserts the grant, awards the recipient the Water Sharer badge (by the granter's member id,
 * "Shared by {nym}"), audits, and returns the recipient's role and {@code badge_award} DM.
 */
public final class WaterShareCommand implements CommandHandler {
  static final String SHARE = "share";
  static final String STATUS = "status";
  static final String SHARED_TITLE = "Water Sharer Badge Shared!";
  static final String SHARED_STATUS = "Shared — you can't share again unless this grant is revoked";
  static final String NO_BADGE = "You don't hold the Water Sharer badge.";
  static final String NO_BADGE_STATUS =
      "You don't hold the Water Sharer badge. Admins award it and holders can share it.";
  static final int COLOR_GREY = 0x95A5A6;
  static final int COLOR_BLUE = 0x3498DB;
  static final int COLOR_WATER = 0x1E90FF;

  private final Repositories repos;

  public WaterShareCommand(Repositories repos) {
    this.repos = Objects.requireNonNull(repos, "repos");
  }

  @Override
  public String name() {
    return SietchCommands.WATER_SHARE;
  }

  @Override
  public AnswerMode answerMode(SlashCommand command) {
    return AnswerMode.IMMEDIATE;
  }

  @Override
  public Answer handle(Invocation invocation) {
    Optional<Profile> caller =
        repos
            .profiles()
            .byUser(invocation.communityId(), invocation.caller())
            .filter(Profile::active);
    if (caller.isEmpty()) {
      return Answer.reply(Replies.notMember());
    }
    return switch (invocation.subcommand()) {
      case SHARE -> share(invocation, caller.get());
      case STATUS -> status(invocation, caller.get());
      default -> Answer.reply(Replies.unknownCommand());
    };
  }

  private Answer share(Invocation invocation, Profile granter) {
    CommunityId cid = invocation.communityId();
    long recipientUser = invocation.options().userId("member").orElse(0L);
    String mention = AdminSupport.mention(recipientUser);
    Optional<Profile> recipient =
        repos.profiles().byUser(cid, new UserId(recipientUser)).filter(Profile::active);
    WaterSharing sharing = new WaterSharing(repos.waterGrants().all(cid));
    boolean callerHolds =
        AdminSupport.holds(repos, cid, granter.memberId(), BadgeCatalogue.WATER_SHARER);
    boolean recipientHolds =
        recipient
            .map(r -> AdminSupport.holds(repos, cid, r.memberId(), BadgeCatalogue.WATER_SHARER))
            .orElse(false);
    Decision decision =
        sharing.canShare(
            new ShareRequest(
                Optional.of(granter.memberId()),
                callerHolds,
                recipient.map(Profile::memberId),
                recipientUser == invocation.caller().value(),
                recipientHolds));
    if (decision instanceof Decision.Rejected rejected) {
      return Answer.error(errorText(rejected.code(), mention, granter, sharing, cid));
    }
    Profile to = recipient.orElseThrow();
    WaterGrant grant =
        WaterGrant.of(UUID.randomUUID(), granter.memberId(), to.memberId(), invocation.now());
    Set<RoleKey> before =
        AdminSupport.socialRoles(repos, invocation.community(), to.memberId(), invocation.now());
    repos.waterGrants().save(cid, grant);
    String reason = "Shared by " + granter.nym();
    String by = granter.memberId().toString();
    Optional<MemberBadge> existing =
        AdminSupport.row(repos, cid, to.memberId(), BadgeCatalogue.WATER_SHARER);
    repos
        .badges()
        .save(
            cid,
            existing
                .map(e -> e.reawarded(invocation.now(), Optional.of(by), Optional.of(reason)))
                .orElseGet(
                    () ->
                        new MemberBadge(
                            UUID.randomUUID(),
                            to.memberId(),
                            BadgeCatalogue.WATER_SHARER,
                            invocation.now(),
                            Optional.of(by),
                            Optional.of(reason),
                            Optional.empty())));
    String actor = invocation.caller().toString();
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("grant", grant.id().toString());
    payload.put("granter", granter.memberId().toString());
    payload.put("recipient", to.memberId().toString());
    repos
        .auditLog()
        .append(
            cid, new AuditEvent(AuditType.WATER_SHARER_GRANT, actor, payload), invocation.now());
    repos
        .auditLog()
        .append(
            cid,
            AdminSupport.badgeAudit(
                AuditType.BADGE_AWARDED, actor, to, BadgeCatalogue.WATER_SHARER, by, reason),
            invocation.now());
    Set<RoleKey> after =
        AdminSupport.socialRoles(repos, invocation.community(), to.memberId(), invocation.now());
    BadgeDefinition badge =
        AdminSupport.badge(repos, invocation.community(), BadgeCatalogue.WATER_SHARER)
            .orElseThrow();
    List<DiscordAction> actions = new ArrayList<>();
    actions.addAll(
        AdminSupport.reconcileSocial(
            repos, invocation, to, before, after, "Sietch: water shared with you"));
    actions.add(
        AdminSupport.badgeAwardDm(
            invocation, to, badge, Optional.empty(), Optional.of(granter.nym())));
    Embed embed =
        Embed.builder()
            .title(SHARED_TITLE)
            .color(COLOR_WATER)
            .field("Recipient", to.nym(), true)
            .field("Your status", SHARED_STATUS, false)
            .build();
    return Answer.reply(MessagePayload.builder().embed(embed).ephemeral().build())
        .withActions(actions);
  }

  private String errorText(
      String code, String mention, Profile granter, WaterSharing sharing, CommunityId cid) {
    return switch (code) {
      case WaterSharing.NO_BADGE -> NO_BADGE;
      case WaterSharing.ALREADY_SHARED ->
          "You've already shared your water with "
              + sharing
                  .sharedTo(granter.memberId())
                  .flatMap(g -> repos.profiles().byMember(cid, g.recipient()))
                  .map(Profile::nym)
                  .orElse("another member")
              + ".";
      case WaterSharing.SELF -> "You can't share with yourself.";
      case WaterSharing.RECIPIENT_NOT_MEMBER -> mention + " isn't an onboarded member here.";
      case WaterSharing.RECIPIENT_HOLDS_BADGE -> mention + " already holds the Water Sharer badge.";
      case WaterSharing.RECIPIENT_ALREADY_RECEIVED ->
          mention + " has already received water once and can't receive it again.";
      default -> "You can't share your water right now.";
    };
  }

  private Answer status(Invocation invocation, Profile caller) {
    CommunityId cid = invocation.communityId();
    boolean holds = AdminSupport.holds(repos, cid, caller.memberId(), BadgeCatalogue.WATER_SHARER);
    if (!holds) {
      Embed embed = Embed.builder().color(COLOR_GREY).description(NO_BADGE_STATUS).build();
      return Answer.reply(MessagePayload.builder().embed(embed).ephemeral().build());
    }
    WaterSharing sharing = new WaterSharing(repos.waterGrants().all(cid));
    MemberId me = caller.memberId();
    Embed embed =
        Embed.builder()
            .title("Your Water Sharer Status")
            .color(COLOR_BLUE)
            .field("Can share", sharing.canShareAgain(me, true) ? "Yes" : "No", true)
            .field(
                "Shared with",
                nymOf(cid, sharing.sharedTo(me).map(WaterGrant::recipient)).orElse("—"),
                true)
            .field(
                "Received from",
                nymOf(cid, sharing.receivedFrom(me).map(WaterGrant::granter))
                    .orElse("Awarded by the council"),
                true)
            .build();
    return Answer.reply(MessagePayload.builder().embed(embed).ephemeral().build());
  }

  private Optional<String> nymOf(CommunityId cid, Optional<MemberId> member) {
    return member.flatMap(m -> repos.profiles().byMember(cid, m)).map(Profile::nym);
  }
}
