package io.arrakis.system;

import static org.assertj.core.api.Assertions.assertThat;

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
 * One eligibility sync that changes roles for 2,000 members (issue 9): 2,000 linked wallets ranked
 * (Hajra for everyone, Fedaykin for the top 69), the job in this JVM queues the 2,069 role actions,
 * the ingestor's jar executes them against the emulator under its REST budget and per-guild role
 * pacing. Asserted: the sync succeeds, every role arrives, and the emulator answered no request
 * with 429. Printed: how long the sync and the execution took.
 *
 * <p><b>Rates.</b> Discord's member-role bucket is about 10 changes per 10 s per guild: 2,069
 * changes would take 35 minutes. The emulator's {@code member_role} bucket is set to 20 per second
 * per guild and the ingestor paces 10 % below it ({@code ACTION_GUILD_ROLE_CHANGES=18}, {@code
 * ACTION_GUILD_ROLE_WINDOW_MS=1000}); the global limit stays Discord's 50/s and the budget 40/s.
 * The chain is a fixed list here (the RPC path is what {@link EligibilitySyncSystemIT} covers), and
 * the members' current roles are read from the emulator.
 */
class SyncRoleChangesIT {
  private static final int MEMBERS = Integer.getInteger("bench.sync.members", 2_000);
  private static final int ROLE_CHANGES_PER_SECOND = 20;

  /**
   * The ingestor paces 10 % below the bucket, as its REST budget stays below the global limit:
   * requests leave with some jitter, and exactly at the limit one late change and one on time can
   * fall in the same window.
   */
  private static final int PACED_PER_SECOND = 18;

  @Test
  void oneSyncChangesRolesForTwoThousandMembers() throws Exception {
    try (PrivateRedis workerRedis = PrivateRedis.start("syncbench-redis");
        SietchSystem sys =
            SietchSystem.start(
                "syncbench",
                AppProcess.hasDatabase(23) ? 23 : 1,
                workerRedis.url(),
                new SietchSystem.Layout(2, MEMBERS, 4, List.of(""))
                    .withIngestorEnvironment(
                        Map.of(
                            "ACTION_GUILD_ROLE_CHANGES",
                            Integer.toString(PACED_PER_SECOND),
                            "ACTION_GUILD_ROLE_WINDOW_MS",
                            "1000")));
        Redis redis = Redis.connect(RedisSettings.defaults(URI.create(workerRedis.url())));
        SietchSystem.ActionSender sender = sys.actionSender()) {
      var control = sys.emulator.control();
      control.rateLimit("member_role", ROLE_CHANGES_PER_SECOND, 1_000);
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
              + Duration.ofSeconds(Long.getLong("bench.sync.wait.seconds", 600)).toNanos();
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
          "SYNC OF %d MEMBERS: %s, %d role changes queued (%d expected); sync + record + queue %d ms;"
              + " after %d ms the emulator held %d/%d roles (%.1f changes/s executed);"
              + " emulator rest.429 during the run: %d%n",
          MEMBERS,
          run.status(),
          changes,
          expected,
          (synced - t0) / 1_000_000,
          (applied - t0) / 1_000_000,
          held,
          expected,
          held / Math.max(0.001, (applied - t0) / 1e9),
          sys.emulatorCounter("rest.429") - before429);
      assertThat(run.status()).isEqualTo(EligibilitySyncJob.Status.SYNCED);
      assertThat(changes).isEqualTo(expected);
      assertThat(held).as("every role change reached the emulator").isEqualTo(expected);
      assertThat(sys.emulatorCounter("rest.429") - before429)
          .as("no request was answered 429")
          .isZero();
    }
  }
}
