package io.arrakis.system;

import io.arrakis.bot.Transactions;
import io.arrakis.bot.sync.AlertDelivery;
import io.arrakis.bot.sync.ChannelPosts;
import io.arrakis.bot.sync.EffectPerformer;
import io.arrakis.bot.sync.EligibilitySyncJob;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.RoleMapping;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.community.TokenConfig;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.Holding;
import io.arrakis.domain.eligibility.TokenRef;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.port.TokenHoldings;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.postgres.UnitOfWork;
import io.arrakis.redis.Redis;
import io.arrakis.redis.RedisSettings;
import java.math.BigInteger;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * One eligibility sync that changes roles for 2,000 members: 2,000 linked wallets ranked (Hajra for
 * everyone, Fedaykin for the top 69), the job in this JVM queues the role actions, the ingestor's
 * jar executes them against the emulator under its REST budget. Prints how long the sync took, how
 * many roles the emulator held after a bounded wait ({@code -Dbench.sync.wait.seconds}, 120) and
 * the emulator's 429 count. The chain is a fixed list here (the RPC path is what {@link
 * EligibilitySyncSystemIT} covers).
 *
 * <p>Not part of the test suite (not {@code *IT}): {@code mvn -pl system-tests verify -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SyncRolesBenchmark}. Asserts nothing about
 * time.
 */
class SyncRolesBenchmark {
  private static final int MEMBERS = Integer.getInteger("bench.sync.members", 2_000);

  @Test
  void oneSyncChangesRolesForTwoThousandMembers() throws Exception {
    try (PrivateRedis workerRedis = PrivateRedis.start("syncbench-redis");
        SietchSystem sys =
            SietchSystem.start(
                "syncbench",
                AppProcess.hasDatabase(23) ? 23 : 1,
                workerRedis.url(),
                new SietchSystem.Layout(2, MEMBERS, 4, List.of("")));
        Redis redis = Redis.connect(RedisSettings.defaults(URI.create(workerRedis.url())));
        SietchSystem.ActionSender sender = sys.actionSender()) {
      var control = sys.emulator.control();
      long guild = control.guildIds().get(1);
      Map<RoleKey, Long> roles = new EnumMap<>(RoleKey.class);
      RoleMapping mapping = RoleMapping.empty();
      for (RoleKey key : List.of(RoleKey.FEDAYKIN, RoleKey.HAJRA)) {
        long id =
            Long.parseUnsignedLong(
                control
                    .createRole(guild, SietchSystem.JSON.createObjectNode().put("name", key.key()))
                    .get("id")
                    .asText());
        roles.put(key, id);
        mapping = mapping.with(key, new Snowflake(id));
      }
      Repositories repos = sys.db.postgres.repositories();
      UnitOfWork uow = sys.db.postgres.unitOfWork();
      Address token = new Address(String.format("0x%040x", 0xb0b0L));
      CommunityConfig base =
          uow.withoutCommunity(() -> repos.communities().findByGuild(new Snowflake(guild)))
              .orElseGet(
                  () ->
                      SietchPreset.newCommunity(
                          CommunityId.random(), new Snowflake(guild), "Bench"));
      CommunityConfig community =
          base.withActive(true)
              .withToken(new TokenConfig(777, Optional.of(token), "BGT", 18, 0))
              .withRoles(mapping);
      uow.withoutCommunity(
          () -> {
            repos.communities().save(community);
            return null;
          });
      List<Long> members = control.memberIds(guild).subList(0, MEMBERS);
      List<Holding> holdings = new ArrayList<>();
      Instant now = Instant.now();
      uow.inCommunity(
          community.id(),
          () -> {
            for (int i = 0; i < members.size(); i++) {
              Address wallet = new Address(String.format("0x%040x", 0xbe000L + i));
              // 10 BGT and up: everyone ranked is Hajra, none reaches Ichwan (69)
              holdings.add(
                  new Holding(
                      wallet,
                      BigInteger.TEN
                          .pow(16)
                          .multiply(BigInteger.valueOf(1_000L + 2L * (MEMBERS - i)))));
              repos
                  .walletLinks()
                  .save(community.id(), new WalletLink(new UserId(members.get(i)), wallet, now));
            }
          });
      TokenHoldings chain =
          new TokenHoldings() {
            @Override
            public ChainHoldings read(TokenRef ref, long start) {
              return new ChainHoldings(1_000, holdings, Set.of());
            }

            @Override
            public Map<Address, BigInteger> balancesAt(
                TokenRef ref, long block, Set<Address> addresses) {
              return new HashMap<>();
            }
          };
      Transactions tx =
          new Transactions() {
            @Override
            public <T> T inCommunity(CommunityId c, Supplier<T> work) {
              return uow.inCommunity(c, work);
            }

            @Override
            public <T> T withoutCommunity(Supplier<T> work) {
              return uow.withoutCommunity(work);
            }
          };
      EligibilitySyncJob job =
          new EligibilitySyncJob(
              repos,
              tx,
              redis.leases(),
              chainId -> chain,
              new EmulatorMemberRoles(control, community.id(), guild, roles),
              new EffectPerformer(
                  repos,
                  new AlertDelivery(repos),
                  new ChannelPosts(n -> 0),
                  (c, user, actionId) -> Optional.empty(),
                  sender.actions,
                  tx,
                  Duration.ofSeconds(120),
                  UUID::randomUUID),
              Clock.systemUTC(),
              "syncbench",
              pause -> Thread.sleep(pause.toMillis()));
      long before429 = sys.emulatorCounter("rest.429");

      long t0 = System.nanoTime();
      EligibilitySyncJob.CommunityRun run = job.syncCommunity(community.id());
      long synced = System.nanoTime();
      int changes = run.recorded().map(r -> r.rolesGranted() + r.rolesRemoved()).orElse(0);
      int expected = MEMBERS + community.eligibility().eligibleCount();
      long held = 0;
      long deadline =
          System.nanoTime()
              + Duration.ofSeconds(Long.getLong("bench.sync.wait.seconds", 120)).toNanos();
      while (System.nanoTime() < deadline) {
        held = 0;
        for (long m : members) {
          for (long r : control.memberRoles(guild, m)) {
            if (roles.containsValue(r)) {
              held++;
            }
          }
        }
        if (held >= expected) {
          break;
        }
        Thread.sleep(500);
      }
      long applied = System.nanoTime();
      System.out.printf(
          "SYNC BENCHMARK: %s, %d role changes queued (%d expected); sync + record + queue %d ms;"
              + " after %d ms the emulator held %d/%d roles (%.1f changes/s executed);"
              + " emulator rest.429 during the run: %d%n",
          run.status(),
          changes,
          expected,
          (synced - t0) / 1_000_000,
          (applied - t0) / 1_000_000,
          held,
          expected,
          held / Math.max(0.001, (applied - t0) / 1e9),
          sys.emulatorCounter("rest.429") - before429);
      org.assertj.core.api.Assertions.assertThat(run.status())
          .isEqualTo(EligibilitySyncJob.Status.SYNCED);
      // how fast the ingestor executes them is a figure, not a pass/fail criterion
      org.assertj.core.api.Assertions.assertThat(changes).isEqualTo(expected);
    }
  }
}
