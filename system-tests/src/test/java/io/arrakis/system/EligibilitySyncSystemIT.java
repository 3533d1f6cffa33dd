package io.arrakis.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arrakis.bot.Transactions;
import io.arrakis.bot.jobs.JobPeriod;
import io.arrakis.bot.jobs.JobResult;
import io.arrakis.bot.sync.AlertDelivery;
import io.arrakis.bot.sync.ChannelPosts;
import io.arrakis.bot.sync.EffectPerformer;
import io.arrakis.bot.sync.EligibilitySyncJob;
import io.arrakis.bot.sync.TokenHoldingsSource;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.action.DiscordActions;
import io.arrakis.domain.alerts.AlertFrequency;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.ChannelConfig;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.community.TokenConfig;
import io.arrakis.domain.eligibility.SyncHealth;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.evm.TestTokenChain;
import io.arrakis.postgres.UnitOfWork;
import io.arrakis.redis.Redis;
import io.arrakis.redis.RedisSettings;
import io.arrakis.testkit.state.ManualClock;
import io.arrakis.worker.EvmHoldingsSource;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The eligibility sync end to end on a real chain (spec §3–§5, §13, §14): a ganache node with the
 * test ERC-20, read through the worker's {@link EvmHoldingsSource} (adapter-evm over JSON-RPC); the
 * job runs in this JVM against the real PostgreSQL and Redis and queues its actions on RabbitMQ;
 * the ingestor's jar executes them in the emulator; a worker's jar records the DMs' outcomes. The
 * roles members hold are read back from the emulator (the truth), which is also what the job's
 * {@code MemberRoles} reads here.
 *
 * <p>The clock of the job is a manual clock moved by hours, so the 24-hour grace period passes
 * without waiting (the domain takes the time from it; leases and queues use real time).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EligibilitySyncSystemIT {
  private static final int REDIS_DB = 22;
  private static final int FALLBACK_INGESTOR_DB = 1;
  private static final Duration SETTLE = Duration.ofSeconds(30);
  private static final BigInteger TOKEN = BigInteger.TEN.pow(18);

  /** Ranks of the wallets of the seven seat holders at the baseline; index 6 has DMs closed. */
  private static final List<Integer> SEATED_RANKS = List.of(1, 2, 4, 5, 6, 7, 9);

  private static final int RISER_RANK = 80;
  private static final int NAIB_RISER_RANK = 75;
  private static final int BURNER_RANK = 40;
  private static final int HOLDERS = 85;

  private SietchSystem sys;
  private PrivateRedis workerRedis;
  private Redis redis;
  private TestTokenChain chain;
  private SietchSystem.ActionSender sender;
  private final ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private final AtomicReference<TokenHoldingsSource> source = new AtomicReference<>();
  private final Map<DiscordAction.Kind, AtomicInteger> submitted =
      new EnumMap<>(DiscordAction.Kind.class);
  private EligibilitySyncJob job;
  private Repositories repos;
  private UnitOfWork uow;
  private CommunityConfig community;
  private long guild;
  private final Map<RoleKey, Long> roles = new EnumMap<>(RoleKey.class);
  private long theDoor;
  private long census;
  private List<Long> seated;
  private long riser;
  private long naibRiser;
  private long burner;
  private Address burnerWallet;

  @BeforeAll
  void start() throws Exception {
    long started = System.nanoTime();
    chain =
        TestTokenChain.start(
            Path.of("..", "adapter-evm", "src", "test", "node"), Path.of("target", "evm-node"));
    long nodeUp = System.nanoTime();
    workerRedis = PrivateRedis.start("syncsys-redis");
    int ingestorDb = AppProcess.hasDatabase(REDIS_DB) ? REDIS_DB : FALLBACK_INGESTOR_DB;
    sys =
        SietchSystem.start(
            "syncsys",
            ingestorDb,
            workerRedis.url(),
            new SietchSystem.Layout(2, 12, 4, List.of("")));
    sys.startWorker("syncsys-worker");
    redis = Redis.connect(RedisSettings.defaults(URI.create(workerRedis.url())));
    sender = sys.actionSender();
    repos = sys.db.postgres.repositories();
    uow = sys.db.postgres.unitOfWork();
    guild = sys.emulator.control().guildIds().get(1);
    seedCommunity();
    long seeded = System.nanoTime();
    source.set(liveRpc());
    job = newJob();
    System.out.printf(
        "sync system: node + token %d ms, system + community + %d holders %d ms%n",
        (nodeUp - started) / 1_000_000, HOLDERS, (seeded - nodeUp) / 1_000_000);
  }

  @AfterAll
  void stop() throws Exception {
    for (AutoCloseable c :
        new AutoCloseable[] {
          sender, redis == null ? null : redis::close, sys, workerRedis, chain
        }) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          System.out.println("close failed: " + e);
        }
      }
    }
  }

  // ------------------------------------------------------------------------------ scenario

  @Test
  @Order(1)
  void baseline_seatsTheTopMembersAndGivesEligibleLinkedWalletsFedaykin() throws Exception {
    long t = System.nanoTime();
    JobResult result = job.run(new JobPeriod(clock.instant(), true, () -> true));
    System.out.printf("baseline job run: %d ms, %s%n", ms(t), result.summary());

    // the demo community on guild 0 (chain 80094, no endpoints configured) fails alone
    assertThat(result.communities()).isEqualTo(2);
    assertThat(result.failedCommunities()).isEqualTo(1);
    for (long member : seated) {
      awaitRoles(member, r -> r.contains(roles.get(RoleKey.NAIB)), "seated member has Naib");
    }
    awaitRoles(burner, r -> r.contains(roles.get(RoleKey.FEDAYKIN)), "burner has Fedaykin");
    assertThat(openSeats()).hasSize(7);
    assertThat(sys.emulator.control().memberRoles(guild, riser))
        .doesNotContain(roles.get(RoleKey.FEDAYKIN), roles.get(RoleKey.NAIB));
    awaitMessages(census, 1);
  }

  @Test
  @Order(2)
  void aWalletRisingIntoTheTop69GetsFedaykinAndADm_oneRisingToRank3TakesASeatByBumping()
      throws Exception {
    chain.mint(
        wallet(RISER_RANK),
        balance(30).subtract(balance(RISER_RANK)).add(TOKEN.multiply(BigInteger.valueOf(5))));
    chain.mint(
        wallet(NAIB_RISER_RANK),
        balance(3).subtract(balance(NAIB_RISER_RANK)).add(TOKEN.multiply(BigInteger.valueOf(5))));
    clock.advance(Duration.ofHours(6));

    long t = System.nanoTime();
    EligibilitySyncJob.CommunityRun run = job.syncCommunity(community.id());
    System.out.printf("rise sync: %d ms (%s)%n", ms(t), counts(run));
    assertThat(run.status()).isEqualTo(EligibilitySyncJob.Status.SYNCED);

    // rank 30, with the seats full and a lower balance than every holder: Fedaykin and a DM
    awaitRoles(riser, r -> r.contains(roles.get(RoleKey.FEDAYKIN)), "riser has Fedaykin");
    JsonNode riserDm = awaitDm(riser, "Tier promotion");
    assertThat(riserDm.path("embeds").get(0).path("footer").path("text").asText())
        .isEqualTo("Manage alerts with /alerts in " + community.name());

    // rank 3: more than the lowest seat holder (rank 9) → bumps it and takes its seat
    long bumped = seated.get(6);
    awaitRoles(naibRiser, r -> r.contains(roles.get(RoleKey.NAIB)), "rank-3 riser has Naib");
    awaitRoles(
        bumped,
        r ->
            !r.contains(roles.get(RoleKey.NAIB))
                && r.contains(roles.get(RoleKey.FEDAYKIN))
                && r.contains(roles.get(RoleKey.FORMER_NAIB)),
        "the bumped holder swaps Naib for Fedaykin and Former Naib");
    assertThat(sys.emulator.control().memberRoles(guild, naibRiser))
        .doesNotContain(roles.get(RoleKey.FEDAYKIN));
    List<SeatRecord> open = openSeats();
    assertThat(open).hasSize(7);
    assertThat(open)
        .extracting(SeatRecord::memberId)
        .contains(memberOf(naibRiser))
        .doesNotContain(memberOf(bumped));
    awaitDm(naibRiser, "You took a seat on the Naib council");

    // the-door announced both; the census followed
    awaitMessages(theDoor, 1);
    awaitCondition(
        () ->
            texts(sys.emulator.control().channelMessages(theDoor))
                    .contains("A new Fedaykin approaches the sietch")
                && texts(sys.emulator.control().channelMessages(theDoor))
                    .contains("The council grows"),
        "the-door posts");

    // delivery outcomes, recorded by the worker from the ingestor's events
    awaitCondition(() -> alertRow(riser, "tier_promotion").delivered, "tier_promotion delivered");
    awaitCondition(
        () -> alertRow(bumped, "naib_bump").error != null,
        "naib_bump to closed DMs recorded failed");
    assertThat(alertRow(bumped, "naib_bump").error).contains("Cannot send messages");
    assertThat(alertRow(bumped, "naib_bump").delivered).isFalse();
  }

  @Test
  @Order(3)
  void aBurnerKeepsItsRolesDuringTheGracePeriod() throws Exception {
    chain.burn(burnerWallet, TOKEN);
    clock.advance(Duration.ofHours(6));
    int censusBefore = sys.emulator.control().channelMessages(census).size();

    long t = System.nanoTime();
    EligibilitySyncJob.CommunityRun run = job.syncCommunity(community.id());
    System.out.printf("burn sync: %d ms (%s)%n", ms(t), counts(run));

    assertThat(run.status()).isEqualTo(EligibilitySyncJob.Status.SYNCED);
    assertThat(run.recorded().orElseThrow().rolesRemoved()).isZero();
    awaitDm(burner, "You are no longer eligible");
    awaitMessages(census, censusBefore + 1); // the run's last action on the guild's queue
    assertThat(sys.emulator.control().memberRoles(guild, burner))
        .contains(roles.get(RoleKey.FEDAYKIN));
  }

  @Test
  @Order(4)
  void whileTheRpcEndpointIsDown_theSyncFailsHealthShowsGraceAndNoRoleIsRemoved() throws Exception {
    clock.advance(Duration.ofHours(30)); // the burner's grace has passed
    source.set(deadRpc());
    int before = total();

    long t = System.nanoTime();
    EligibilitySyncJob.CommunityRun run = job.syncCommunity(community.id());
    System.out.printf(
        "sync with the RPC endpoint down: %d ms, %s%n", ms(t), run.error().orElse(""));

    assertThat(run.status()).isEqualTo(EligibilitySyncJob.Status.FAILED);
    assertThat(run.attempts()).isEqualTo(3);
    assertThat(run.error().orElseThrow()).contains("failed on every RPC endpoint");
    SyncHealth health =
        uow.inCommunity(community.id(), () -> repos.eligibility().health(community.id()));
    assertThat(health.inGracePeriod()).isTrue();
    assertThat(health.consecutiveFailures()).isEqualTo(3);
    assertThat(total()).as("no action of any kind was queued").isEqualTo(before);
    assertThat(sys.emulator.control().memberRoles(guild, burner))
        .contains(roles.get(RoleKey.FEDAYKIN));
  }

  @Test
  @Order(5)
  void onceTheChainAnswersAgain_theBurnerLosesItsRolesAfterTheGracePeriod() throws Exception {
    source.set(liveRpc());

    long t = System.nanoTime();
    EligibilitySyncJob.CommunityRun run = job.syncCommunity(community.id());
    System.out.printf("recovery sync: %d ms (%s)%n", ms(t), counts(run));

    assertThat(run.status()).isEqualTo(EligibilitySyncJob.Status.SYNCED);
    awaitRoles(burner, r -> !r.contains(roles.get(RoleKey.FEDAYKIN)), "burner lost Fedaykin");
    awaitDm(burner, "Access removed");
    SyncHealth health =
        uow.inCommunity(community.id(), () -> repos.eligibility().health(community.id()));
    assertThat(health.inGracePeriod()).isFalse();
    System.out.printf("emulator rest.429 so far: %d%n", sys.emulatorCounter("rest.429"));
  }

  @Test
  @Order(6)
  void theWorkersRunJobModeRunsTheSameSyncOverItsOwnWiring() throws Exception {
    Map<String, String> env = sys.workerEnvironment();
    env.put("EVM_RPC_URLS_" + TestTokenChain.CHAIN_ID, chain.url().toString());
    env.put("EVM_WINDOW_PAUSE_MS", "0");
    int censusBefore = sys.emulator.control().channelMessages(census).size();

    long t = System.nanoTime();
    SietchSystem.Run run = sys.runWorkerJar(env, "run-job", "eligibility-sync");
    System.out.printf("run-job eligibility-sync: %d ms, exit %d%n", ms(t), run.exitCode());

    // the demo community's chain (80094) has no endpoint: it fails alone, the period still runs
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("succeeded:")
        .contains("no RPC endpoints configured for chain 80094")
        .contains("community " + community.id().value() + " synced in");
    awaitMessages(census, censusBefore + 1);
    assertThat(sys.emulator.control().memberRoles(guild, naibRiser))
        .contains(roles.get(RoleKey.NAIB));
  }

  // ------------------------------------------------------------------------------ set-up

  private EligibilitySyncJob newJob() {
    DiscordActions counting =
        action -> {
          submitted.computeIfAbsent(action.kind(), k -> new AtomicInteger()).incrementAndGet();
          return sender.actions.submit(action);
        };
    Transactions tx =
        new Transactions() {
          @Override
          public <T> T inCommunity(CommunityId c, java.util.function.Supplier<T> work) {
            return uow.inCommunity(c, work);
          }

          @Override
          public <T> T withoutCommunity(java.util.function.Supplier<T> work) {
            return uow.withoutCommunity(work);
          }
        };
    EffectPerformer performer =
        new EffectPerformer(
            repos,
            new AlertDelivery(repos),
            new ChannelPosts(n -> java.util.concurrent.ThreadLocalRandom.current().nextInt(n)),
            (c, user, actionId) -> Optional.empty(), // every member here is onboarded
            counting,
            tx,
            Duration.ofSeconds(30),
            UUID::randomUUID);
    return new EligibilitySyncJob(
        repos,
        tx,
        redis.leases(),
        chainId -> source.get().forChain(chainId),
        new EmulatorMemberRoles(sys.emulator.control(), community.id(), guild, roles),
        performer,
        clock,
        "syncsys-" + ProcessHandle.current().pid(),
        pause -> Thread.sleep(pause.toMillis()));
  }

  private static String counts(EligibilitySyncJob.CommunityRun run) {
    return run.recorded()
        .map(
            r ->
                r.rolesGranted()
                    + " granted, "
                    + r.rolesRemoved()
                    + " removed, "
                    + r.alerts()
                    + " alerts, "
                    + r.posts()
                    + " posts, "
                    + r.audits()
                    + " audit rows")
        .orElse(run.status().toString());
  }

  private int total() {
    return submitted.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private TokenHoldingsSource liveRpc() {
    return new EvmHoldingsSource(
        Map.of(
            "EVM_CHAIN_ID", Long.toString(TestTokenChain.CHAIN_ID),
            "EVM_RPC_URLS", chain.url().toString(),
            "EVM_WINDOW_PAUSE_MS", "0"));
  }

  private static TokenHoldingsSource deadRpc() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    return new EvmHoldingsSource(
        Map.of(
            "EVM_CHAIN_ID", Long.toString(TestTokenChain.CHAIN_ID),
            "EVM_RPC_URLS", "http://127.0.0.1:" + port,
            "EVM_RETRIES", "1",
            "EVM_RETRY_DELAY_MS", "100",
            "EVM_REQUEST_TIMEOUT_MS", "2000"));
  }

  /** The community on guild 1: roles, channels, holders on the chain, ten onboarded members. */
  private void seedCommunity() throws Exception {
    var control = sys.emulator.control();
    for (RoleKey key :
        List.of(RoleKey.NAIB, RoleKey.FEDAYKIN, RoleKey.FORMER_NAIB, RoleKey.ONBOARDED)) {
      roles.put(
          key,
          Long.parseUnsignedLong(
              control
                  .createRole(guild, SietchSystem.JSON.createObjectNode().put("name", key.key()))
                  .get("id")
                  .asText()));
    }
    theDoor = channel("the-door");
    census = channel("census");
    var mapping = io.arrakis.domain.community.RoleMapping.empty();
    for (var e : roles.entrySet()) {
      mapping = mapping.with(e.getKey(), new Snowflake(e.getValue()));
    }
    // the worker records a community when the bot joins the guild; configure that one
    CommunityConfig base =
        uow.withoutCommunity(() -> repos.communities().findByGuild(new Snowflake(guild)))
            .orElseGet(
                () ->
                    SietchPreset.newCommunity(
                        CommunityId.random(), new Snowflake(guild), "Sietch Chain"));
    community =
        base.withActive(true)
            .withToken(
                new TokenConfig(
                    TestTokenChain.CHAIN_ID,
                    Optional.of(chain.token().token()),
                    "BGT",
                    18,
                    chain.deployBlock()))
            .withRoles(mapping)
            .withChannels(
                new ChannelConfig(
                    Optional.of(new Snowflake(theDoor)),
                    Optional.of(new Snowflake(census)),
                    Optional.empty(),
                    Set.of()));
    uow.withoutCommunity(
        () -> {
          repos.communities().save(community);
          return null;
        });

    List<Long> members = control.memberIds(guild);
    seated = new ArrayList<>(members.subList(0, 7));
    riser = members.get(7);
    naibRiser = members.get(8);
    burner = members.get(9);
    burnerWallet = chain.accounts().get(1);
    control.updateUser(seated.get(6), SietchSystem.JSON.createObjectNode().put("dms_open", false));

    for (int rank = 1; rank <= HOLDERS; rank++) {
      chain.mint(rank == BURNER_RANK ? burnerWallet : wallet(rank), balance(rank));
    }
    Map<Long, Address> links = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 7; i++) {
      links.put(seated.get(i), wallet(SEATED_RANKS.get(i)));
    }
    links.put(riser, wallet(RISER_RANK));
    links.put(naibRiser, wallet(NAIB_RISER_RANK));
    links.put(burner, burnerWallet);
    Instant now = clock.instant();
    uow.inCommunity(
        community.id(),
        () -> {
          links.forEach(
              (user, wallet) -> {
                repos
                    .walletLinks()
                    .save(community.id(), new WalletLink(new UserId(user), wallet, now));
                MemberId member = memberOf(user);
                repos
                    .profiles()
                    .save(
                        community.id(),
                        new Profile(
                            member,
                            new UserId(user),
                            "Fremen" + Long.toUnsignedString(user % 1_000_000),
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
                repos
                    .alerts()
                    .savePreferences(
                        community.id(),
                        AlertPreferences.defaults(member, AlertFrequency.THREE_PER_WEEK, now));
              });
        });
  }

  private long channel(String name) {
    return Long.parseUnsignedLong(
        sys.emulator
            .control()
            .createChannel(guild, SietchSystem.JSON.createObjectNode().put("name", name))
            .get("id")
            .asText());
  }

  /** Synthetic holders: the wallet at a rank of the initial distribution. */
  private static Address wallet(int rank) {
    return new Address(String.format("0x%040x", 0x5ee0000L + rank));
  }

  /** 10,000 tokens at rank 1, 10 fewer per rank below. */
  private static BigInteger balance(int rank) {
    return BigInteger.valueOf(10_000L - 10L * rank).multiply(TOKEN);
  }

  private static MemberId memberOf(long user) {
    return new MemberId(new UUID(0x5EED, user));
  }

  private List<SeatRecord> openSeats() {
    return uow.inCommunity(community.id(), () -> repos.seats().open(community.id()));
  }

  // ------------------------------------------------------------------------------ reading back

  private record AlertRow(boolean delivered, String error) {}

  /** The latest alert_history row of a type for a user, read as the database superuser. */
  private AlertRow alertRow(long user, String type) {
    try (Connection c =
            DriverManager.getConnection(
                sys.db.url,
                System.getenv().getOrDefault("PG_ADMIN_USER", "postgres"),
                System.getenv().getOrDefault("PG_ADMIN_PASSWORD", ""));
        PreparedStatement s =
            c.prepareStatement(
                "select delivered, delivery_error from sietch.alert_history where recipient_discord_id = ?"
                    + " and alert_type = ? order by seq desc limit 1")) {
      s.setLong(1, user);
      s.setString(2, type);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return new AlertRow(false, null);
        }
        return new AlertRow(rs.getBoolean(1), rs.getString(2));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String texts(JsonNode messages) {
    return messages.toString();
  }

  private JsonNode awaitDm(long user, String title) throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      last = sys.emulator.control().directMessages(user);
      for (JsonNode m : last) {
        if (m.path("embeds").size() > 0
            && m.path("embeds").get(0).path("title").asText().contains(title)) {
          return m;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no DM '" + title + "' to " + user + ": " + last);
  }

  private void awaitMessages(long channel, int atLeast) throws InterruptedException {
    awaitCondition(
        () -> sys.emulator.control().channelMessages(channel).size() >= atLeast,
        atLeast + " messages in channel " + channel);
  }

  private void awaitRoles(long user, java.util.function.Predicate<List<Long>> test, String what)
      throws InterruptedException {
    awaitCondition(() -> test.test(sys.emulator.control().memberRoles(guild, user)), what);
  }

  private static void awaitCondition(BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("not reached in " + SETTLE.toSeconds() + " s: " + what);
  }

  private static long ms(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
