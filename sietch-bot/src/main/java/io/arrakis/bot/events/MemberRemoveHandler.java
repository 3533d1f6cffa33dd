package io.arrakis.bot.events;

import io.arrakis.bot.CommunityDirectory;
import io.arrakis.bot.Transactions;
import io.arrakis.discord.gateway.GatewayEvent;
import io.arrakis.discord.gateway.GatewayEventDecoder;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.naib.UnseatReason;
import io.arrakis.domain.port.GuildMemberMirror;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.roles.PendingRevocation;
import io.arrakis.state.SessionStore;
import io.arrakis.state.StateUnavailableException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GUILD_MEMBER_REMOVE} (spec §17): a seated member is unseated ({@code left_server}, Former
 * Naib, audited); the profile goes inactive ({@code left_at}); pending role revocations and the
 * onboarding/edit sessions are deleted; {@code member_left} is audited. Wallet link, badges,
 * grants, history and the waitlist registration stay. The seat is refilled at the next sync. A
 * second delivery finds nothing left to change and audits nothing.
 */
final class MemberRemoveHandler extends DecodedEventHandler<GatewayEvent.MemberRemove> {
  private static final Logger log = LoggerFactory.getLogger(MemberRemoveHandler.class);

  private final Repositories repos;
  private final GuildMemberMirror mirror;
  private final SessionStore sessions;
  private final Transactions transactions;
  private final CommunityDirectory directory;
  private final MemberFacts facts;
  private final Clock clock;

  MemberRemoveHandler(
      GatewayEventDecoder decoder,
      Repositories repos,
      GuildMemberMirror mirror,
      SessionStore sessions,
      Transactions transactions,
      CommunityDirectory directory,
      Clock clock) {
    super("GUILD_MEMBER_REMOVE", GatewayEvent.MemberRemove.class, decoder);
    this.repos = repos;
    this.mirror = mirror;
    this.sessions = sessions;
    this.transactions = transactions;
    this.directory = directory;
    this.facts = new MemberFacts(repos);
    this.clock = clock;
  }

  @Override
  void handle(String eventKey, GatewayEvent.MemberRemove event) {
    Optional<CommunityConfig> community = directory.community(event.guildId());
    if (community.isEmpty()) {
      return;
    }
    CommunityId c = community.get().id();
    UserId user = new UserId(event.userId());
    Instant now = clock.instant();
    boolean changed =
        transactions.inCommunity(
            c,
            () -> {
              boolean mirrored = mirror.remove(c, user);
              Optional<Profile> profile = repos.profiles().byUser(c, user).filter(Profile::active);
              if (!mirrored && profile.isEmpty()) {
                return false;
              }
              profile.ifPresent(p -> leave(c, user, p, now));
              repos.roleRevocations().all(c).stream()
                  .filter(p -> p.userId().equals(user))
                  .map(PendingRevocation::role)
                  .forEach(role -> repos.roleRevocations().delete(c, user, role));
              repos
                  .auditLog()
                  .append(
                      c,
                      AuditEvent.system(
                          AuditType.MEMBER_LEFT,
                          "user",
                          user,
                          "member",
                          profile.map(p -> p.memberId().toString()).orElse("")),
                      now);
              return true;
            });
    if (changed) {
      deleteSessions(c, user);
    }
  }

  /** Unseats a seated member and marks the profile inactive. */
  private void leave(CommunityId c, UserId user, Profile profile, Instant now) {
    Profile left = profile;
    for (SeatRecord seat : repos.seats().open(c)) {
      if (!seat.memberId().equals(profile.memberId())) {
        continue;
      }
      BigInteger balance =
          facts.walletEntry(c, user).map(RankingEntry::balance).orElse(seat.balanceAtSeating());
      repos.seats().save(c, seat.close(now, UnseatReason.LEFT_SERVER, Optional.empty(), balance));
      left = left.markedFormerNaib();
      repos
          .auditLog()
          .append(
              c,
              AuditEvent.system(
                  AuditType.NAIB_UNSEATED,
                  "member",
                  profile.memberId(),
                  "seat",
                  seat.seatNumber(),
                  "reason",
                  UnseatReason.LEFT_SERVER.id(),
                  "bumped_by",
                  "",
                  "balance_at_seating",
                  seat.balanceAtSeating(),
                  "balance_at_unseating",
                  balance),
              now);
    }
    repos.profiles().save(c, left.left(now));
  }

  /** Sessions live in Redis: a failure is logged, their TTL ends them anyway. */
  private void deleteSessions(CommunityId c, UserId user) {
    for (String type : new String[] {"onboarding:" + c, "profile-edit:" + c}) {
      try {
        sessions.delete(type, user.toString());
      } catch (StateUnavailableException ex) {
        log.warn("session {} of {} not deleted, Redis unavailable: {}", type, user, ex.toString());
      }
    }
  }
}
