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
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.port.GuildMember;
import io.arrakis.domain.port.GuildMemberMirror;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GUILD_MEMBER_ADD} (spec §17): mirrored; a returning member's profile is reactivated; a
 * linked user's roles are reconciled (grant-only for chain roles) from the roles the event lists;
 * an eligible wallet without a profile gets the onboarding DM. {@code member_joined} is audited
 * when the member was not mirrored yet, so a replayed join changes nothing the second time.
 */
final class MemberAddHandler extends DecodedEventHandler<GatewayEvent.MemberAdd> {
  private final Repositories repos;
  private final GuildMemberMirror mirror;
  private final Transactions transactions;
  private final CommunityDirectory directory;
  private final ActionQueue actions;
  private final MemberReconciliation reconciliation;
  private final OnboardingInvite onboarding;
  private final Clock clock;

  MemberAddHandler(
      GatewayEventDecoder decoder,
      Repositories repos,
      GuildMemberMirror mirror,
      Transactions transactions,
      CommunityDirectory directory,
      ActionQueue actions,
      OnboardingInvite onboarding,
      Clock clock) {
    super("GUILD_MEMBER_ADD", GatewayEvent.MemberAdd.class, decoder);
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
  void handle(String eventKey, GatewayEvent.MemberAdd event) throws Exception {
    Optional<CommunityConfig> community = directory.community(event.guildId());
    if (community.isEmpty()) {
      return; // the guild's GUILD_CREATE creates the community and mirrors its members
    }
    CommunityConfig c = community.get();
    GuildMember member = Members.mirrored(event.member());
    UserId user = member.user();
    Instant now = clock.instant();
    List<DiscordAction> queued =
        transactions.inCommunity(
            c.id(),
            () -> {
              boolean isNew = mirror.upsert(c.id(), member);
              if (member.bot()) {
                return List.<DiscordAction>of();
              }
              Optional<Profile> profile = repos.profiles().byUser(c.id(), user);
              profile
                  .filter(p -> !p.active())
                  .ifPresent(p -> repos.profiles().save(c.id(), p.rejoined()));
              if (isNew) {
                repos
                    .auditLog()
                    .append(
                        c.id(),
                        AuditEvent.system(
                            AuditType.MEMBER_JOINED,
                            "user",
                            user,
                            "member",
                            profile.map(p -> p.memberId().toString()).orElse("")),
                        now);
              }
              if (repos.walletLinks().byUser(c.id(), user).isEmpty()) {
                return List.<DiscordAction>of();
              }
              List<DiscordAction> out = new ArrayList<>();
              out.addAll(
                  reconciliation.reconcile(
                      eventKey, c, user, ManagedRoleIds.of(c).keys(member.roleIds()), isNew, now));
              Optional<RankingEntry> entry = reconciliation.walletEntry(c, user);
              onboarding.invite(eventKey, c, user, entry, true).ifPresent(out::add);
              return out;
            });
    actions.submit(queued);
  }
}
