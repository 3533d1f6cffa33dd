package io.arrakis.bot.events;

import io.arrakis.bot.CommunityDirectory;
import io.arrakis.bot.Transactions;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.gateway.GatewayEvent;
import io.arrakis.discord.gateway.GatewayEventDecoder;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.GuildMember;
import io.arrakis.domain.port.GuildMemberMirror;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.roles.RoleKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GUILD_MEMBER_UPDATE} (spec §17): the mirror takes the new roles, and the managed roles are
 * diffed against the mirrored ones. (a) Gaining Naib or Fedaykin having had neither, without a
 * profile, starts onboarding. (b) Losing a managed role the member should hold (§4.3) means a human
 * removed it: {@code role_removed_manual}; the next reconciliation restores it. Removals the bot
 * made are not desired, so they are not logged. Without a mirrored previous state there is nothing
 * to diff; a replayed update finds the roles unchanged.
 */
final class MemberUpdateHandler extends DecodedEventHandler<GatewayEvent.MemberUpdate> {
  private final Repositories repos;
  private final GuildMemberMirror mirror;
  private final Transactions transactions;
  private final CommunityDirectory directory;
  private final ActionQueue actions;
  private final MemberReconciliation reconciliation;
  private final OnboardingInvite onboarding;
  private final Clock clock;

  MemberUpdateHandler(
      GatewayEventDecoder decoder,
      Repositories repos,
      GuildMemberMirror mirror,
      Transactions transactions,
      CommunityDirectory directory,
      ActionQueue actions,
      OnboardingInvite onboarding,
      Clock clock) {
    super("GUILD_MEMBER_UPDATE", GatewayEvent.MemberUpdate.class, decoder);
    this.repos = repos;
    this.mirror = mirror;
    this.transactions = transactions;
    this.directory = directory;
    this.actions = actions;
    this.reconciliation = new MemberReconciliation(repos);
    this.onboarding = onboarding;
    this.clock = clock;
  }

  @Override
  void handle(String eventKey, GatewayEvent.MemberUpdate event) throws Exception {
    Optional<CommunityConfig> community = directory.community(event.guildId());
    if (community.isEmpty()) {
      return;
    }
    CommunityConfig c = community.get();
    GuildMember member = Members.mirrored(event.member());
    UserId user = member.user();
    Instant now = clock.instant();
    ManagedRoleIds roles = ManagedRoleIds.of(c);
    List<DiscordAction> queued =
        transactions.inCommunity(
            c.id(),
            () -> {
              Optional<GuildMember> before = mirror.find(c.id(), user);
              mirror.upsert(c.id(), member);
              if (before.isEmpty() || member.bot()) {
                return List.<DiscordAction>of();
              }
              Set<RoleKey> had = roles.keys(before.get().roleIds());
              Set<RoleKey> has = roles.keys(member.roleIds());
              List<DiscordAction> out = new ArrayList<>();
              if (gainedAccess(had, has)) {
                onboarding
                    .invite(eventKey, c, user, reconciliation.walletEntry(c, user), false)
                    .ifPresent(out::add);
              }
              EnumSet<RoleKey> lost = EnumSet.noneOf(RoleKey.class);
              lost.addAll(had);
              lost.removeAll(has);
              if (!lost.isEmpty()) {
                Set<RoleKey> desired = reconciliation.desired(c, user, now);
                for (RoleKey key : lost) {
                  if (desired.contains(key)) {
                    repos
                        .auditLog()
                        .append(
                            c.id(),
                            AuditEvent.system(
                                AuditType.ROLE_REMOVED_MANUAL, "user", user, "role", key.key()),
                            now);
                  }
                }
              }
              return out;
            });
    actions.submit(queued);
  }

  private static boolean gainedAccess(Set<RoleKey> had, Set<RoleKey> has) {
    boolean hadAccess = had.contains(RoleKey.NAIB) || had.contains(RoleKey.FEDAYKIN);
    boolean hasAccess = has.contains(RoleKey.NAIB) || has.contains(RoleKey.FEDAYKIN);
    return hasAccess && !hadAccess;
  }
}
