package io.arrakis.system;

import static io.arrakis.system.SietchSystem.ephemeral;
import static io.arrakis.system.SietchSystem.field;
import static io.arrakis.system.SietchSystem.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierHistoryEntry;
import io.arrakis.domain.water.WaterGrant;
import io.arrakis.emulator.InteractionRef;
import io.arrakis.postgres.UnitOfWork;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /water-share}, {@code /admin-water-share}, {@code /admin-badge} and {@code /admin-stats}
 * end to end: emulator → ingestor → RabbitMQ → worker (no bot token) → emulator, state read back
 * from PostgreSQL and the emulator's roles and DMs. Admin commands are re-checked by the worker: a
 * member without Manage Server is refused, and so is a forged copy of an admin's interaction whose
 * member {@code permissions} say "0", published straight to RabbitMQ.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminCommandsSystemIT {
  /** The ingestor's and the worker's Redis databases as assigned to this test. */
  private static final int REDIS_DB = 28;

  private static final int WORKER_REDIS_DB = 29;

  /** Free databases of a stock Redis (16 databases), used when 28/29 do not exist. */
  private static final int FALLBACK_REDIS_DB = 7;

  private static final Duration ANSWER = Duration.ofSeconds(10);
  private static final Duration COOLDOWN = Duration.ofMillis(3_200);
  private static final String NOT_ADMIN =
      "This command needs the Manage Server permission or the community's admin role.";

  private SietchSystem sys;
  private Connection amqp;
  private Channel channel;
  private long admin;
  private long outsider;
  private long waterRole;
  private final Map<String, Profile> members = new java.util.HashMap<>();

  @BeforeAll
  void start() throws Exception {
    int ingestorDb = AppProcess.hasDatabase(WORKER_REDIS_DB) ? REDIS_DB : FALLBACK_REDIS_DB;
    int workerDb = ingestorDb == REDIS_DB ? WORKER_REDIS_DB : FALLBACK_REDIS_DB + 1;
    sys = SietchSystem.start("admin", ingestorDb, "redis://127.0.0.1:6379/" + workerDb);
    AppProcess.flushRedis(workerDb);
    SietchSystem.Run registered = sys.registerCommands();
    assertThat(registered.exitCode()).as(registered.output()).isZero();
    amqp = sys.broker.connect("admin-system-test");
    channel = amqp.createChannel();

    // an admin: a role with Manage Server (0x20); the outsider keeps @everyone's permissions
    admin = sys.members.get(7);
    outsider = sys.members.get(6);
    long council =
        Long.parseUnsignedLong(
            sys.emulator
                .control()
                .createRole(
                    sys.guild,
                    SietchSystem.JSON
                        .createObjectNode()
                        .put("name", "Council")
                        .put("permissions", "32"))
                .get("id")
                .asText());
    sys.emulator
        .control()
        .updateMember(
            sys.guild,
            admin,
            SietchSystem.JSON
                .createObjectNode()
                .set(
                    "roles",
                    SietchSystem.JSON.createArrayNode().add(Long.toUnsignedString(council))));
    waterRole =
        Long.parseUnsignedLong(
            sys.emulator
                .control()
                .createRole(
                    sys.guild, SietchSystem.JSON.createObjectNode().put("name", "Water Sharer"))
                .get("id")
                .asText());

    Repositories repos = sys.db.postgres.repositories();
    UnitOfWork uow = sys.db.postgres.unitOfWork();
    CommunityConfig config =
        uow.withoutCommunity(() -> repos.communities().findByGuild(new Snowflake(sys.guild)))
            .orElseThrow();
    uow.withoutCommunity(
        () -> {
          repos
              .communities()
              .save(
                  config.withRoles(
                      config.roles().with(RoleKey.WATER_SHARER, new Snowflake(waterRole))));
          return null;
        });
    String[] nyms = {"Alice", "Bob", "Carol", "Dave"};
    Instant now = Instant.now();
    for (int i = 0; i < nyms.length; i++) {
      Profile p =
          new Profile(
              MemberId.random(),
              new UserId(sys.members.get(i)),
              nyms[i],
              Optional.empty(),
              PictureType.NONE,
              Optional.empty(),
              Optional.empty(),
              Optional.of(i == 0 ? Tier.NAIB : Tier.FEDAYKIN),
              Optional.empty(),
              now.minus(Duration.ofDays(10)),
              Optional.empty(),
              false,
              true,
              Optional.empty());
      members.put(nyms[i], p);
      uow.inCommunity(sys.community, () -> repos.profiles().save(sys.community, p));
    }
    // Alice holds Water Sharer from the council
    MemberBadge water =
        new MemberBadge(
            UUID.randomUUID(),
            members.get("Alice").memberId(),
            "water-sharer",
            now.minus(Duration.ofDays(1)),
            Optional.of(Long.toUnsignedString(admin)),
            Optional.of("founding water"),
            Optional.empty());
    uow.inCommunity(sys.community, () -> repos.badges().save(sys.community, water));
    // the sync's tier history: Bob was promoted 2 days ago, Carol 9 days ago (not this week)
    uow.inCommunity(
        sys.community,
        () -> {
          repos.tierHistory().append(sys.community, promotion("Bob", Tier.USUL, now, 2));
          repos.tierHistory().append(sys.community, promotion("Carol", Tier.SIHAYA, now, 9));
          return null;
        });
    sys.startWorker("admin-worker");
  }

  /** A stock Redis has 16 databases; this test was given 28 and 29. */
  @AfterAll
  void stop() throws Exception {
    if (amqp != null) {
      amqp.close();
    }
    if (sys != null) {
      sys.close();
    }
  }

  private <T> T read(Supplier<T> work) {
    return sys.db.postgres.unitOfWork().inCommunity(sys.community, work);
  }

  private Repositories repos() {
    return sys.db.postgres.repositories();
  }

  private long user(String nym) {
    return members.get(nym).userId().value();
  }

  private JsonNode run(long user, String name, String sub, Map<String, ?> options)
      throws InterruptedException {
    InteractionRef ref = sys.command(user, name, sub, options);
    return sys.awaitConversation(ref, SietchSystem::answered, ANSWER);
  }

  private boolean holdsBadge(String nym, String badge) {
    return read(
        () ->
            repos().badges().ofMember(sys.community, members.get(nym).memberId()).stream()
                .anyMatch(b -> b.badgeId().equals(badge) && b.active()));
  }

  private void awaitRole(long user, long role, boolean held) throws InterruptedException {
    long deadline = System.nanoTime() + ANSWER.toNanos();
    while (System.nanoTime() < deadline) {
      if (sys.emulator.control().memberRoles(sys.guild, user).contains(role) == held) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "role " + role + (held ? " never given to " : " never taken from ") + user);
  }

  @Test
  void shareTwiceThenRevokeTheTopGrant_cascadesThroughTheLineage() throws Exception {
    JsonNode shared =
        run(
            user("Alice"),
            "water-share",
            "share",
            Map.of("member", Long.toUnsignedString(user("Bob"))));
    JsonNode embed = message(shared).path("embeds").get(0);
    assertThat(embed.path("title").asText()).isEqualTo("Water Sharer Badge Shared!");
    assertThat(field(embed, "Recipient")).isEqualTo("Bob");
    assertThat(ephemeral(message(shared))).isTrue();
    run(
        user("Bob"),
        "water-share",
        "share",
        Map.of("member", Long.toUnsignedString(user("Carol"))));
    awaitRole(user("Bob"), waterRole, true);
    awaitRole(user("Carol"), waterRole, true);

    // Alice may not share twice; the refusal names the recipient she chose
    Thread.sleep(COOLDOWN.toMillis()); // the per-user command cooldown (spec §1.1)
    JsonNode again =
        run(
            user("Alice"),
            "water-share",
            "share",
            Map.of("member", Long.toUnsignedString(user("Dave"))));
    assertThat(message(again).path("content").asText())
        .isEqualTo("You've already shared your water with Bob.");
    assertThat(ephemeral(message(again))).isTrue();

    List<WaterGrant> grants = read(() -> repos().waterGrants().all(sys.community));
    assertThat(grants).hasSize(2).allMatch(WaterGrant::active);
    WaterGrant top =
        grants.stream()
            .filter(g -> g.granter().equals(members.get("Alice").memberId()))
            .findFirst()
            .orElseThrow();

    JsonNode revoked =
        run(admin, "admin-water-share", "revoke", Map.of("grant_id", top.id().toString()));

    JsonNode r = message(revoked).path("embeds").get(0);
    assertThat(field(r, "Granter")).isEqualTo("Alice");
    assertThat(field(r, "Recipient")).isEqualTo("Bob");
    assertThat(field(r, "Grant")).isEqualTo(top.id().toString());
    assertThat(r.path("description").asText()).isEqualTo("1 downstream grant also revoked");
    assertThat(ephemeral(message(revoked))).isTrue();
    assertThat(read(() -> repos().waterGrants().all(sys.community)))
        .hasSize(2)
        .allSatisfy(
            g -> {
              assertThat(g.active()).isFalse();
              assertThat(g.revokedBy()).contains(Long.toUnsignedString(admin));
            });
    assertThat(holdsBadge("Alice", "water-sharer")).as("the top granter keeps hers").isTrue();
    assertThat(holdsBadge("Bob", "water-sharer")).isFalse();
    assertThat(holdsBadge("Carol", "water-sharer")).isFalse();
    awaitRole(user("Bob"), waterRole, false);
    awaitRole(user("Carol"), waterRole, false);

    // a revoked recipient never receives again
    Thread.sleep(COOLDOWN.toMillis());
    JsonNode refused =
        run(
            user("Alice"),
            "water-share",
            "share",
            Map.of("member", Long.toUnsignedString(user("Bob"))));
    assertThat(message(refused).path("content").asText())
        .endsWith("has already received water once and can't receive it again.");
  }

  @Test
  void adminBadgeAwardGivesTheMemberTheBadgeAndADm() throws Exception {
    JsonNode awarded =
        run(
            admin,
            "admin-badge",
            "award",
            Map.of("nym", "Dave", "badge", "helper", "reason", "Answers every question"));

    assertThat(message(awarded).path("content").asText())
        .isEqualTo("Awarded 🤝 **Helper** to **Dave**\nReason: Answers every question");
    assertThat(ephemeral(message(awarded))).isTrue();
    assertThat(holdsBadge("Dave", "helper")).isTrue();
    MemberBadge row =
        read(
            () ->
                repos().badges().ofMember(sys.community, members.get("Dave").memberId()).stream()
                    .filter(b -> b.badgeId().equals("helper"))
                    .findFirst()
                    .orElseThrow());
    assertThat(row.awardedBy()).contains(Long.toUnsignedString(admin));
    assertThat(row.reason()).contains("Answers every question");
    long deadline = System.nanoTime() + ANSWER.toNanos();
    JsonNode dms = sys.emulator.control().directMessages(user("Dave"));
    while (dms.size() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      dms = sys.emulator.control().directMessages(user("Dave"));
    }
    assertThat(dms.toString()).contains("New badge: Helper");
  }

  private TierHistoryEntry promotion(String nym, Tier from, Instant now, int daysAgo) {
    return new TierHistoryEntry(
        members.get(nym).memberId(),
        Optional.of(from),
        Optional.of(Tier.FEDAYKIN),
        BigInteger.TEN,
        OptionalInt.of(50),
        now.minus(Duration.ofDays(daysAgo)));
  }

  @Test
  void adminStatsAnswersAnAdminAfterDeferring() throws Exception {
    JsonNode stats = run(admin, "admin-stats", null, Map.of());

    assertThat(stats.path("callback_type").asInt()).as("deferred").isEqualTo(5);
    JsonNode embed = message(stats).path("embeds").get(0);
    assertThat(embed.path("title").asText()).isEqualTo("Community Analytics — Demo Sietch");
    assertThat(field(embed, "Members")).isEqualTo("4");
    assertThat(field(embed, "Tier distribution")).isEqualTo("👑 Naib: 1\n⚔️ Fedaykin: 3");
    assertThat(field(embed, "Promotions this week")).isEqualTo("1");
    assertThat(field(embed, "Recent promotions"))
        .isEqualTo("Bob: Usul → Fedaykin · 2d ago\nCarol: Sihaya → Fedaykin · 9d ago");
    assertThat(field(embed, "Sync health"))
        .contains("Ranked wallets: 120")
        .contains("Eligible: 69");
    assertThat(ephemeral(message(stats))).isTrue();
  }

  @Test
  void aMemberWithoutManageServerIsRefusedServerSide() throws Exception {
    JsonNode stats = run(outsider, "admin-stats", null, Map.of());
    assertThat(message(stats).path("content").asText()).isEqualTo(NOT_ADMIN);
    assertThat(ephemeral(message(stats))).isTrue();

    JsonNode award =
        run(
            outsider,
            "admin-badge",
            "award",
            Map.of("nym", "Carol", "badge", "contributor", "reason", "x"));
    assertThat(message(award).path("content").asText()).isEqualTo(NOT_ADMIN);
    assertThat(holdsBadge("Carol", "contributor")).isFalse();

    // an admin autocomplete answers the outsider an empty list, the admin the nyms
    ObjectNode typing = SietchSystem.JSON.createObjectNode();
    typing.put("guild_id", Long.toUnsignedString(sys.guild));
    typing.put("name", "admin-badge");
    typing.put("subcommand", "award");
    typing.put("focused", "nym");
    typing.set("options", SietchSystem.JSON.createObjectNode().put("nym", "a"));
    typing.put("user_id", Long.toUnsignedString(outsider));
    JsonNode none =
        sys.awaitConversation(
            sys.emulator.control().autocomplete(typing), SietchSystem::answered, ANSWER);
    typing.put("user_id", Long.toUnsignedString(admin));
    JsonNode some =
        sys.awaitConversation(
            sys.emulator.control().autocomplete(typing), SietchSystem::answered, ANSWER);
    assertThat(choices(none)).isEmpty();
    assertThat(choices(some)).contains("Alice", "Carol", "Dave");
  }

  private static List<String> choices(JsonNode conversation) {
    List<String> values = new java.util.ArrayList<>();
    for (JsonNode e : conversation.path("events")) {
      if (e.path("kind").asText().equals("callback")) {
        e.path("body")
            .path("data")
            .path("choices")
            .forEach(c -> values.add(c.path("value").asText()));
      }
    }
    return values;
  }

  /**
   * A forged payload: an admin's real {@code /admin-stats}, kept from the worker (its queue is
   * unbound for the moment and a test queue takes the copy), republished to {@code arrakis.events}
   * with the member's {@code permissions} set to "0" and no roles. The emulator knows the
   * interaction, so the worker's answer is accepted — and it is NOT_ADMIN.
   */
  @Test
  void aForgedAdminInteractionWithoutThePermissionBitIsRefusedNotAdmin() throws Exception {
    channel.queueDeclare("test.forge", false, false, true, null);
    channel.queueBind("test.forge", "arrakis.events", "interaction.command.admin-stats");
    channel.queueUnbind("arrakis.interactions", "arrakis.events", "interaction.#");
    GetResponse original;
    InteractionRef ref;
    try {
      ref = sys.command(admin, "admin-stats", null, Map.of());
      original = awaitMessage("test.forge", ref.idString());
    } finally {
      channel.queueBind("arrakis.interactions", "arrakis.events", "interaction.#");
    }
    ObjectNode payload = (ObjectNode) SietchSystem.JSON.readTree(original.getBody());
    ObjectNode member = (ObjectNode) payload.path("member");
    assertThat(member.path("permissions").asText())
        .as("the real one was an admin's")
        .isNotEqualTo("0");
    member.put("permissions", "0");
    member.set("roles", SietchSystem.JSON.createArrayNode());

    channel.basicPublish(
        "arrakis.events",
        "interaction.command.admin-stats",
        original.getProps(),
        SietchSystem.JSON.writeValueAsBytes(payload));

    JsonNode conversation = sys.awaitConversation(ref, SietchSystem::answered, ANSWER);
    assertThat(message(conversation).path("content").asText()).isEqualTo(NOT_ADMIN);
    assertThat(ephemeral(message(conversation))).isTrue();
    assertThat(SietchSystem.acceptedCallbacks(conversation)).isEqualTo(1);
  }

  private GetResponse awaitMessage(String queue, String messageId) throws Exception {
    long deadline = System.nanoTime() + ANSWER.toNanos();
    while (System.nanoTime() < deadline) {
      GetResponse r = channel.basicGet(queue, false);
      if (r == null) {
        Thread.sleep(20);
        continue;
      }
      channel.basicAck(r.getEnvelope().getDeliveryTag(), false);
      if (messageId.equals(r.getProps().getMessageId())) {
        return r;
      }
    }
    throw new AssertionError("no message " + messageId + " on " + queue);
  }
}
