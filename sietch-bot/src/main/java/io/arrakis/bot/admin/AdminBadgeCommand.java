package io.arrakis.bot.admin;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.Invocation;
import io.arrakis.bot.Replies;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.badges.BadgeRules;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Decision;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.roles.RoleKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /admin-badge award nym: badge: reason: | revoke nym: badge:} (spec §9.2, §15.14): admin,
 * ephemeral, immediate. An award sends {@code badge_award}; both reconcile the member's social
 * roles. Revoking Water Sharer here leaves the grant records untouched (spec §10).
 */
public final class AdminBadgeCommand implements CommandHandler {
  static final String AWARD = "award";
  static final String REVOKE = "revoke";
  static final String UNKNOWN_BADGE = "No badge with the id %s.";

  private final Repositories repos;

  public AdminBadgeCommand(Repositories repos) {
    this.repos = Objects.requireNonNull(repos, "repos");
  }

  @Override
  public String name() {
    return SietchCommands.ADMIN_BADGE;
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
      case AWARD -> award(invocation);
      case REVOKE -> revoke(invocation);
      default -> Answer.reply(Replies.unknownCommand());
    };
  }

  private Answer award(Invocation invocation) {
    CommunityId cid = invocation.communityId();
    String nym = invocation.options().string("nym").orElse("");
    Optional<Profile> member = AdminSupport.activeByNym(repos, cid, nym);
    if (member.isEmpty()) {
      return Answer.error(String.format(AdminSupport.NO_MEMBER, nym));
    }
    String badgeId = invocation.options().string("badge").orElse("");
    Optional<BadgeDefinition> badge = AdminSupport.badge(repos, invocation.community(), badgeId);
    if (badge.isEmpty()) {
      return Answer.error(String.format(UNKNOWN_BADGE, badgeId));
    }
    Profile p = member.get();
    BadgeDefinition b = badge.get();
    String reason = invocation.options().string("reason").orElse("").strip();
    Optional<MemberBadge> existing = AdminSupport.row(repos, cid, p.memberId(), b.id());
    Decision decision = BadgeRules.adminAward(b, existing, reason);
    if (decision instanceof Decision.Rejected rejected) {
      String text =
          BadgeRules.ALREADY_HELD.equals(rejected.code())
              ? "**" + p.nym() + "** already holds " + b.emoji() + " **" + b.name() + "**."
              : rejected.message();
      return Answer.error(text);
    }
    Set<RoleKey> before =
        AdminSupport.socialRoles(repos, invocation.community(), p.memberId(), invocation.now());
    String admin = invocation.caller().toString();
    MemberBadge row =
        existing
            .map(e -> e.reawarded(invocation.now(), Optional.of(admin), Optional.of(reason)))
            .orElseGet(
                () ->
                    new MemberBadge(
                        UUID.randomUUID(),
                        p.memberId(),
                        b.id(),
                        invocation.now(),
                        Optional.of(admin),
                        Optional.of(reason),
                        Optional.empty()));
    repos.badges().save(cid, row);
    repos
        .auditLog()
        .append(
            cid,
            AdminSupport.badgeAudit(AuditType.BADGE_AWARDED, admin, p, b.id(), admin, reason),
            invocation.now());
    Set<RoleKey> after =
        AdminSupport.socialRoles(repos, invocation.community(), p.memberId(), invocation.now());
    List<DiscordAction> actions = new ArrayList<>();
    actions.add(AdminSupport.badgeAwardDm(invocation, p, b, Optional.of(reason), Optional.empty()));
    actions.addAll(
        AdminSupport.reconcileSocial(
            repos, invocation, p, before, after, AdminSupport.WATER_ROLE_REASON));
    String text =
        "Awarded " + b.emoji() + " **" + b.name() + "** to **" + p.nym() + "**\nReason: " + reason;
    return Answer.reply(MessagePayload.ephemeralText(text)).withActions(actions);
  }

  private Answer revoke(Invocation invocation) {
    CommunityId cid = invocation.communityId();
    String nym = invocation.options().string("nym").orElse("");
    Optional<Profile> member = AdminSupport.activeByNym(repos, cid, nym);
    if (member.isEmpty()) {
      return Answer.error(String.format(AdminSupport.NO_MEMBER, nym));
    }
    String badgeId = invocation.options().string("badge").orElse("");
    Optional<BadgeDefinition> badge = AdminSupport.badge(repos, invocation.community(), badgeId);
    if (badge.isEmpty()) {
      return Answer.error(String.format(UNKNOWN_BADGE, badgeId));
    }
    Profile p = member.get();
    BadgeDefinition b = badge.get();
    Optional<MemberBadge> existing = AdminSupport.row(repos, cid, p.memberId(), b.id());
    if (BadgeRules.revoke(b, existing) instanceof Decision.Rejected) {
      return Answer.error("**" + p.nym() + "** doesn't hold **" + b.name() + "**.");
    }
    Set<RoleKey> before =
        AdminSupport.socialRoles(repos, invocation.community(), p.memberId(), invocation.now());
    String admin = invocation.caller().toString();
    repos.badges().save(cid, existing.get().revoked(invocation.now(), admin));
    repos
        .auditLog()
        .append(
            cid,
            AdminSupport.badgeAudit(AuditType.BADGE_REVOKED, admin, p, b.id(), admin, ""),
            invocation.now());
    Set<RoleKey> after =
        AdminSupport.socialRoles(repos, invocation.community(), p.memberId(), invocation.now());
    return Answer.reply(
            MessagePayload.ephemeralText("Revoked **" + b.name() + "** from **" + p.nym() + "**."))
        .withActions(
            AdminSupport.reconcileSocial(
                repos, invocation, p, before, after, AdminSupport.WATER_ROLE_REASON));
  }
}
