package io.arrakis.domain.sync;

import static io.arrakis.domain.Fixtures.T0;
import static io.arrakis.domain.Fixtures.addr;

import io.arrakis.domain.Fixtures;
import io.arrakis.domain.alerts.AlertFrequency;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.effect.Effect;
import io.arrakis.domain.fakes.InMemoryMemberRoles;
import io.arrakis.domain.fakes.InMemoryRepositories;
import io.arrakis.domain.fakes.InMemoryTokenHoldings;
import io.arrakis.domain.port.AlertRecord;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.WalletLink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A community wired to in-memory ports, a movable clock, and an effect performer. */
final class SyncHarness {
  final InMemoryRepositories repos = new InMemoryRepositories();
  final InMemoryTokenHoldings chain = new InMemoryTokenHoldings();
  final InMemoryMemberRoles guild = new InMemoryMemberRoles();
  Instant now = T0;
  final CommunityConfig config;
  final CommunityId id;
  final EligibilitySyncService service;

  SyncHarness(CommunityConfig config) {
    this.config = config;
    this.id = config.id();
    repos.communitiesRepo.save(config);
    service =
        new EligibilitySyncService(
            repos.asRepositories(), chain, guild, () -> now, Fixtures.sequentialIds());
  }

  SyncHarness() {
    this(Fixtures.sietch());
  }

  /** A linked guild member whose wallet is address {@code wallet}, with a profile when asked. */
  MemberId member(long wallet, boolean withProfile) {
    UserId user = user(wallet);
    repos.links_.save(id, new WalletLink(user, addr(wallet), now));
    guild.join(user);
    MemberId member = new MemberId(new UUID(0xAB, wallet));
    if (withProfile) {
      repos.profilesRepo.save(
          id,
          new Profile(
              member,
              user,
              "nym" + wallet,
              Optional.empty(),
              PictureType.NONE,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              now,
              Optional.empty(),
              false,
              true,
              Optional.empty()));
      repos.alertsRepo.savePreferences(
          id, AlertPreferences.defaults(member, AlertFrequency.THREE_PER_WEEK, now));
    }
    return member;
  }

  static UserId user(long wallet) {
    return new UserId(10_000 + wallet);
  }

  SyncOutcome sync() {
    return service.sync(id);
  }

  /** Runs a sync and performs its effects the way the worker would. */
  SyncOutcome syncAndPerform() {
    SyncOutcome outcome = sync();
    perform(outcome.effects());
    return outcome;
  }

  void perform(List<Effect> effects) {
    for (Effect e : effects) {
      if (e instanceof Effect.GrantRole g) {
        guild.grant(g.user(), g.role());
      } else if (e instanceof Effect.RemoveRole r) {
        guild.remove(r.user(), r.role());
      } else if (e instanceof Effect.SendAlert a) {
        repos.alertsRepo.appendHistory(
            id,
            new AlertRecord(
                UUID.randomUUID(),
                a.recipient(),
                a.member(),
                a.alert(),
                true,
                Optional.empty(),
                now,
                Optional.of(now)));
      } else if (e instanceof Effect.RecordAudit audit) {
        repos.auditRepo.append(id, audit.event(), now);
      }
    }
  }

  void advance(Duration d) {
    now = now.plus(d);
  }
}
