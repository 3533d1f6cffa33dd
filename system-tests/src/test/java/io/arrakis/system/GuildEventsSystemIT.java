package io.arrakis.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.naib.UnseatReason;
import io.arrakis.domain.port.GuildMember;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.postgres.UnitOfWork;
import java.math.BigInteger;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The gateway events of spec §17 end to end: the emulator's member and message events go through
 * the ingestor's jar and RabbitMQ to a worker's jar, and the outcome is read back from PostgreSQL
 * (as the superuser for the audit log, which the application role may only append to).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuildEventsSystemIT {
  /** The ingestor's checkpoints: database 22 when the local Redis has it, else 1. */
  private static final int REDIS_DB = 22;

  private static final int FALLBACK_REDIS_DB = 1;
  private static final Duration WAIT = Duration.ofSeconds(20);

  private SietchSystem sys;
  private PrivateRedis workerRedis;
  private AppProcess worker;
  private Connection amqp;
  private Channel channel;
  private Profile naib;
  private Profile fedaykin;
  private Profile talker;

  @BeforeAll
  void start() throws Exception {
    int db = AppProcess.hasDatabase(REDIS_DB) ? REDIS_DB : FALLBACK_REDIS_DB;
    workerRedis = PrivateRedis.start("gevents-redis");
    sys = SietchSystem.start("gevents", db, workerRedis.url());
    Instant now = Instant.now();
    naib = profile(sys.members.get(0), "Stilgar", Tier.NAIB, now);
    fedaykin = profile(sys.members.get(1), "Chani", Tier.FEDAYKIN, now);
    talker = profile(sys.members.get(2), "Jamis", Tier.QANAT, now);
    write(
        () -> {
          repos()
              .seats()
              .save(
                  sys.community,
                  SeatRecord.open(
                      UUID.randomUUID(),
                      1,
                      naib.memberId(),
                      now.minusSeconds(3600),
                      BigInteger.TEN));
          repos().activity().save(sys.community, ActivityBalance.start(talker.memberId(), now));
        });
    amqp = sys.broker.connect("gevents-system-test");
    channel = amqp.createChannel();
    // a wiretap on member joins, to deliver one again by hand
    channel.queueDeclare("test.join-tap", false, false, true, null);
    channel.queueBind("test.join-tap", "arrakis.events", "member.join");
    worker = sys.startWorker("gevents-worker");
  }

  @AfterAll
  void stop() throws Exception {
    if (amqp != null) {
      amqp.close();
    }
    if (sys != null) {
      sys.close();
    }
    if (workerRedis != null) {
      workerRedis.close();
    }
  }

  @Test
  void afterStartTheMirrorHoldsTheGuildsMembers() throws Exception {
    await(
        "the mirror has every member of the guild",
        () ->
            read(() ->
                        sys.db
                            .postgres
                            .guildMembers()
                            .find(sys.community, ids(sys.emulator.control().memberIds(sys.guild))))
                    .size()
                == sys.emulator.control().memberIds(sys.guild).size());
    Optional<GuildMember> first =
        read(
            () ->
                sys.db.postgres.guildMembers().find(sys.community, new UserId(sys.members.get(3))));
    assertThat(first).hasValueSatisfying(m -> assertThat(m.bot()).isFalse());
    assertThat(read(() -> sys.db.postgres.guildPresence().find(sys.community)))
        .hasValueSatisfying(p -> assertThat(p.inGuild()).isTrue());
  }

  @Test
  void aSeatedNaibWhoLeavesIsUnseatedLeftServer() throws Exception {
    sys.emulator.control().removeMember(sys.guild, naib.userId().value());

    await(
        "the profile goes inactive",
        () ->
            !read(() -> repos().profiles().byMember(sys.community, naib.memberId()))
                .orElseThrow()
                .active());
    SeatRecord seat =
        read(() -> repos().seats().all(sys.community)).stream()
            .filter(s -> s.memberId().equals(naib.memberId()))
            .findFirst()
            .orElseThrow();
    assertThat(seat.closure())
        .hasValueSatisfying(c -> assertThat(c.reason()).isEqualTo(UnseatReason.LEFT_SERVER));
    Profile left =
        read(() -> repos().profiles().byMember(sys.community, naib.memberId())).orElseThrow();
    assertThat(left.leftAt()).isPresent();
    assertThat(left.formerNaib()).isTrue();
    assertThat(audits("member_left", naib.userId())).isEqualTo(1);
    assertThat(audits("naib_unseated", null)).isEqualTo(1);
    assertThat(read(() -> repos().walletLinks().byUser(sys.community, naib.userId()))).isPresent();
    assertThat(read(() -> sys.db.postgres.guildMembers().find(sys.community, naib.userId())))
        .isEmpty();
  }

  @Test
  void aReplayedMemberJoinChangesNothingTheSecondTime() throws Exception {
    UserId user = fedaykin.userId();
    sys.emulator.control().removeMember(sys.guild, user.value());
    await(
        "the member left",
        () -> !read(() -> repos().profiles().byUser(sys.community, user)).orElseThrow().active());

    sys.emulator
        .control()
        .addMember(
            sys.guild,
            SietchSystem.JSON
                .createObjectNode()
                .put("user_id", Long.toUnsignedString(user.value())));
    GetResponse original = awaitJoin(user);
    await(
        "the returning member is active again",
        () -> read(() -> repos().profiles().byUser(sys.community, user)).orElseThrow().active());
    Profile rejoined = read(() -> repos().profiles().byUser(sys.community, user)).orElseThrow();
    long joinedAudits = audits("member_joined", user);
    long allAudits = audits(null, null);
    assertThat(joinedAudits).isEqualTo(1);
    double duplicatesBefore = events("GUILD_MEMBER_ADD", "duplicate");
    double handledBefore = events("GUILD_MEMBER_ADD", "handled");

    // the same event key again (a redelivery), then the same event under a new key (a replay)
    channel.basicPublish("arrakis.events", "member.join", original.getProps(), original.getBody());
    AMQP.BasicProperties replay =
        original.getProps().builder().messageId("replay-" + UUID.randomUUID()).build();
    channel.basicPublish("arrakis.events", "member.join", replay, original.getBody());

    await(
        "the redelivery is recognised",
        () -> events("GUILD_MEMBER_ADD", "duplicate") > duplicatesBefore);
    await("the replay is handled", () -> events("GUILD_MEMBER_ADD", "handled") > handledBefore);
    assertThat(audits("member_joined", user)).isEqualTo(joinedAudits);
    assertThat(audits(null, null)).isEqualTo(allAudits);
    assertThat(read(() -> repos().profiles().byUser(sys.community, user))).contains(rejoined);
  }

  @Test
  void messagesCountActivityOncePerCooldown() throws Exception {
    double handledBefore = events("MESSAGE_CREATE", "handled");
    for (int i = 0; i < 3; i++) {
      sys.emulator
          .control()
          .message(
              SietchSystem.JSON
                  .createObjectNode()
                  .put("guild_id", Long.toUnsignedString(sys.guild))
                  .put("user_id", Long.toUnsignedString(talker.userId().value()))
                  .put("content", "the spice must flow " + i));
    }

    await("three messages handled", () -> events("MESSAGE_CREATE", "handled") >= handledBefore + 3);
    ActivityBalance activity =
        read(() -> repos().activity().find(sys.community, talker.memberId())).orElseThrow();
    assertThat(activity.totalMessages()).isEqualTo(1);
    assertThat(activity.balance()).isEqualByComparingTo(java.math.BigDecimal.ONE);
  }

  private Profile profile(long user, String nym, Tier tier, Instant now) {
    Profile p =
        new Profile(
            MemberId.random(),
            new UserId(user),
            nym,
            Optional.empty(),
            PictureType.NONE,
            Optional.empty(),
            Optional.empty(),
            Optional.of(tier),
            Optional.empty(),
            now.minus(Duration.ofDays(10)),
            Optional.empty(),
            false,
            true,
            Optional.empty());
    write(() -> repos().profiles().save(sys.community, p));
    return p;
  }

  private static java.util.Set<UserId> ids(java.util.List<Long> users) {
    return users.stream().map(UserId::new).collect(java.util.stream.Collectors.toSet());
  }

  private Repositories repos() {
    return sys.db.postgres.repositories();
  }

  private <T> T read(Supplier<T> work) {
    UnitOfWork uow = sys.db.postgres.unitOfWork();
    return uow.inCommunity(sys.community, work);
  }

  private void write(Runnable work) {
    read(
        () -> {
          work.run();
          return null;
        });
  }

  /** Audit rows of the community, by type and user when given (as the superuser: no RLS). */
  private long audits(String type, UserId user) throws Exception {
    String server =
        System.getenv().getOrDefault("PG_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/");
    try (java.sql.Connection c =
            DriverManager.getConnection(
                server + sys.db.name,
                System.getenv().getOrDefault("PG_ADMIN_USER", "postgres"),
                System.getenv().getOrDefault("PG_ADMIN_PASSWORD", ""));
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from sietch.audit_log where community_id = ?"
                    + " and (?::text is null or event_type = ?)"
                    + " and (?::text is null or payload->>'user' = ?)")) {
      s.setObject(1, sys.community.value());
      s.setString(2, type);
      s.setString(3, type);
      String u = user == null ? null : user.toString();
      s.setString(4, u);
      s.setString(5, u);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The worker's count of guild events of {@code type} that ended with {@code result}. */
  private double events(String type, String result) throws Exception {
    double sum = 0;
    for (String line : worker.metrics().split("\n")) {
      if (line.startsWith("arrakis_worker_events_total{")
          && line.contains("type=\"" + type + "\"")
          && line.contains("result=\"" + result + "\"")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  private GetResponse awaitJoin(UserId user) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      GetResponse r = channel.basicGet("test.join-tap", true);
      if (r == null) {
        Thread.sleep(20);
        continue;
      }
      if (new String(r.getBody(), java.nio.charset.StandardCharsets.UTF_8)
          .contains("\"" + user + "\"")) {
        return r;
      }
    }
    throw new AssertionError("no member.join of " + user);
  }

  private static void await(String what, ThrowingCondition condition) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(50);
    }
  }

  @FunctionalInterface
  private interface ThrowingCondition {
    boolean holds() throws Exception;
  }
}
