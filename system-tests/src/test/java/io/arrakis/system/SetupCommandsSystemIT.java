package io.arrakis.system;

import static io.arrakis.system.SietchSystem.JSON;
import static io.arrakis.system.SietchSystem.ephemeral;
import static io.arrakis.system.SietchSystem.field;
import static io.arrakis.system.SietchSystem.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.CoexistenceMode;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.MigrationState;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.sync.ShadowComparison;
import io.arrakis.emulator.InteractionRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code /admin-migrate}, {@code /admin-takeover} and the {@code /onboard} setup wizard end to end
 * (spec §15.12, §15.18, §15.19): an administrator runs the commands in the emulator, clicks the
 * real buttons, picks in the real selects and submits the real modals; the worker's jar (no token)
 * answers through the interaction endpoints and the test reads the result back from PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetupCommandsSystemIT {
  /** The Redis databases assigned to this test (ingestor, worker)... */
  private static final int REDIS_DB = 30;

  private static final int WORKER_REDIS_DB = 31;

  /** ...or, on a stock Redis of 16 databases, two no other system test uses. */
  private static final int FALLBACK_REDIS_DB = 4;

  private static final int FALLBACK_WORKER_REDIS_DB = 6;
  private static final Duration ANSWER = Duration.ofSeconds(10);
  private static final long INCUMBENT = 555_000_000_000_000_001L;

  private SietchSystem sys;
  private long admin;
  private long member;
  private long guild2;
  private long admin2;
  private CommunityId community2;
  private long naib;

  @BeforeAll
  void start() throws Exception {
    boolean assigned = AppProcess.hasDatabase(WORKER_REDIS_DB);
    int workerDb = assigned ? WORKER_REDIS_DB : FALLBACK_WORKER_REDIS_DB;
    String workerRedis = "redis://127.0.0.1:6379/" + workerDb;
    sys = SietchSystem.start("setup", assigned ? REDIS_DB : FALLBACK_REDIS_DB, workerRedis);
    AppProcess.flushRedis(workerDb);
    SietchSystem.Run registered = sys.registerCommands();
    assertThat(registered.exitCode()).as(registered.output()).isZero();
    admin = sys.members.get(5);
    member = sys.members.get(6);
    makeAdmin(sys.guild, admin);

    // Given: the demo community (Naib mapped) has run 15 days in shadow mode beside an
    // incumbent, the sync's comparisons in PostgreSQL matching 97 %
    CommunityConfig demo = find(sys.community);
    naib = sys.emulator.control().roleId(sys.guild, "Naib");
    save(
        demo.withRoles(demo.roles().with(RoleKey.NAIB, new Snowflake(naib)))
            .withCoexistence(CoexistenceMode.SHADOW, Optional.of(new Snowflake(INCUMBENT))));
    Instant shadowStart = Instant.now().minus(Duration.ofDays(15));
    sys.db
        .postgres
        .unitOfWork()
        .inCommunity(
            sys.community,
            () -> {
              repos()
                  .migrations()
                  .save(sys.community, MigrationState.entered(CoexistenceMode.SHADOW, shadowStart));
              repos()
                  .migrations()
                  .recordComparison(
                      sys.community,
                      new ShadowComparison(600, 570),
                      shadowStart.plus(Duration.ofDays(1)));
              repos()
                  .migrations()
                  .recordComparison(
                      sys.community,
                      new ShadowComparison(400, 400),
                      shadowStart.plus(Duration.ofDays(2)));
              return null;
            });

    // A second guild the bot joined but nobody set up yet: its community exists, inactive
    guild2 = sys.emulator.control().guildIds().get(1);
    admin2 = sys.emulator.control().memberIds(guild2).get(0);
    makeAdmin(guild2, admin2);
    community2 = new CommunityId(UUID.randomUUID());
    save(SietchPreset.newCommunity(community2, new Snowflake(guild2), "Sietch Guild 1"));

    sys.startWorker("setup-worker");
  }

  @AfterAll
  void stop() throws Exception {
    if (sys != null) {
      sys.close();
    }
  }

  private void makeAdmin(long guild, long user) {
    ObjectNode req = JSON.createObjectNode();
    req.putArray("roles").add(Long.toUnsignedString(sys.emulator.control().roleId(guild, "Admin")));
    sys.emulator.control().updateMember(guild, user, req);
  }

  private Repositories repos() {
    return sys.db.postgres.repositories();
  }

  private CommunityConfig find(CommunityId id) {
    return sys.db
        .postgres
        .unitOfWork()
        .withoutCommunity(() -> repos().communities().find(id))
        .orElseThrow();
  }

  private void save(CommunityConfig c) {
    sys.db
        .postgres
        .unitOfWork()
        .withoutCommunity(
            () -> {
              repos().communities().save(c);
              return null;
            });
  }

  /** Waits up to 20 s for {@code value} to be present (an action's effect, a gateway event's). */
  private static <T> T await(String what, Supplier<Optional<T>> value) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      Optional<T> v = value.get();
      if (v.isPresent()) {
        return v.get();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  private Optional<Long> roleNamed(long guild, String name) {
    for (JsonNode g : sys.emulator.control().describeWorld().path("guilds")) {
      if (g.path("id").asText().equals(Long.toUnsignedString(guild))) {
        for (JsonNode e : g.path("roles")) {
          if (e.path("name").asText().equals(name)) {
            return Optional.of(Long.parseUnsignedLong(e.path("id").asText()));
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The name the emulator holds for role or channel {@code id} of {@code guild}. */
  private Optional<String> nameInEmulator(long guild, String list, long id) {
    for (JsonNode g : sys.emulator.control().describeWorld().path("guilds")) {
      if (g.path("id").asText().equals(Long.toUnsignedString(guild))) {
        for (JsonNode e : g.path(list)) {
          if (e.path("id").asText().equals(Long.toUnsignedString(id))) {
            return Optional.of(e.path("name").asText());
          }
        }
      }
    }
    return Optional.empty();
  }

  // ---- driving the emulator

  private JsonNode run(long guild, long user, String name, String sub, Map<String, ?> options)
      throws Exception {
    pace();
    ObjectNode req = JSON.createObjectNode();
    req.put("guild_id", Long.toUnsignedString(guild));
    req.put("user_id", Long.toUnsignedString(user));
    req.put("name", name);
    if (sub != null) {
      req.put("subcommand", sub);
    }
    req.set("options", JSON.valueToTree(options));
    InteractionRef ref = sys.emulator.control().slashCommand(req);
    return sys.awaitConversation(ref, SietchSystem::answered, ANSWER);
  }

  private ObjectNode on(long guild, long user, String customId, JsonNode message) {
    ObjectNode req = JSON.createObjectNode();
    req.put("guild_id", Long.toUnsignedString(guild));
    req.put("user_id", Long.toUnsignedString(user));
    req.put("custom_id", customId);
    if (message != null) {
      req.put("channel_id", message.path("channel_id").asText());
      req.put("message_id", message.path("id").asText());
    }
    return req;
  }

  private JsonNode click(long guild, long user, String customId, JsonNode message)
      throws Exception {
    pace();
    return acknowledged(sys.emulator.control().button(on(guild, user, customId, message)));
  }

  private JsonNode pick(
      long guild, long user, String customId, int type, String value, JsonNode message)
      throws Exception {
    pace();
    ObjectNode req = on(guild, user, customId, message);
    req.put("component_type", type);
    req.putArray("values").add(value);
    return acknowledged(sys.emulator.control().select(req));
  }

  private JsonNode submit(
      long guild, long user, String customId, Map<String, String> fields, JsonNode message)
      throws Exception {
    pace();
    ObjectNode req = on(guild, user, customId, message);
    req.set("fields", JSON.valueToTree(fields));
    InteractionRef ref = sys.emulator.control().modalSubmit(req);
    return sys.awaitConversation(ref, SietchSystem::answered, ANSWER);
  }

  private JsonNode acknowledged(InteractionRef ref) throws Exception {
    return sys.awaitConversation(ref, c -> c.path("acknowledged").asBoolean(), ANSWER);
  }

  /** The command's message as it is now (controls edit it in place). */
  private JsonNode current(JsonNode conversation) {
    return sys.emulator
        .control()
        .conversation(Long.parseUnsignedLong(conversation.path("id").asText()))
        .orElseThrow()
        .path("original");
  }

  /** The modal a click opened (callback type 9). */
  private static JsonNode modal(JsonNode conversation) {
    assertThat(conversation.path("callback_type").asInt()).as(conversation.toString()).isEqualTo(9);
    for (JsonNode e : conversation.path("events")) {
      if (e.path("kind").asText().equals("callback")) {
        return e.path("body").path("data");
      }
    }
    throw new AssertionError("no modal in " + conversation);
  }

  private static JsonNode embed(JsonNode message) {
    return message.path("embeds").get(0);
  }

  private static List<String> customIds(JsonNode message) {
    return message.path("components").findValuesAsText("custom_id");
  }

  private static String idStartingWith(JsonNode message, String prefix) {
    return customIds(message).stream()
        .filter(id -> id.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + prefix + " in " + message));
  }

  /** Under 5 interactions per second and user; past the 3-second command cooldown. */
  private static void pace() throws InterruptedException {
    Thread.sleep(300);
  }

  private static void cooldown() throws InterruptedException {
    Thread.sleep(3_200);
  }

  // ---- tests

  @Test
  @Order(1)
  void aNonAdminIsRefusedServerSide() throws Exception {
    for (String command : List.of("admin-takeover", "onboard")) {
      JsonNode reply = message(run(sys.guild, member, command, null, Map.of()));
      assertThat(ephemeral(reply)).isTrue();
      assertThat(reply.path("content").asText())
          .isEqualTo(
              "This command needs the Manage Server permission or the community's admin role.");
    }
    JsonNode migrate = message(run(sys.guild, member, "admin-migrate", "check", Map.of()));
    assertThat(migrate.path("content").asText()).contains("Manage Server permission");
    assertThat(find(sys.community).coexistenceMode()).isEqualTo(CoexistenceMode.SHADOW);
  }

  @Test
  @Order(2)
  void migrateCheckPlanExecuteConfirm_thenTakeoverInThreeSteps() throws Exception {
    // takeover is not available before primary
    JsonNode notYet = message(run(sys.guild, admin, "admin-takeover", null, Map.of()));
    assertThat(embed(notYet).path("title").asText()).isEqualTo("Takeover Not Available");
    assertThat(field(embed(notYet), "Current mode")).isEqualTo("`shadow`");

    JsonNode check = message(run(sys.guild, admin, "admin-migrate", "check", Map.of()));
    assertThat(ephemeral(check)).isTrue();
    assertThat(embed(check).path("title").asText()).isEqualTo("Migration Readiness");
    assertThat(field(embed(check), "Shadow days")).isEqualTo("15 / 14");
    assertThat(field(embed(check), "Accuracy")).isEqualTo("97.0% / 95%");
    assertThat(field(embed(check), "Status")).isEqualTo("Ready");

    cooldown();
    JsonNode plan =
        message(
            run(sys.guild, admin, "admin-migrate", "plan", Map.of("strategy", "arrakis_primary")));
    assertThat(field(embed(plan), "Target mode")).isEqualTo("`primary`");
    assertThat(embed(plan).path("footer").path("text").asText())
        .isEqualTo("Dry run — nothing changed.");
    assertThat(find(sys.community).coexistenceMode()).isEqualTo(CoexistenceMode.SHADOW);

    cooldown();
    JsonNode execute =
        run(sys.guild, admin, "admin-migrate", "execute", Map.of("strategy", "arrakis_primary"));
    JsonNode confirm = message(execute);
    assertThat(embed(confirm).path("title").asText()).isEqualTo("Confirm Migration");
    String adminId = Long.toUnsignedString(admin);
    assertThat(customIds(confirm))
        .containsExactly("migrate_confirm:" + adminId, "migrate_cancel:" + adminId);

    // another (non-admin) member's click is refused
    JsonNode foreign = click(sys.guild, member, "migrate_confirm:" + adminId, confirm);
    assertThat(message(foreign).path("content").asText()).contains("Manage Server permission");

    JsonNode confirmed = click(sys.guild, admin, "migrate_confirm:" + adminId, confirm);
    assertThat(confirmed.path("callback_type").asInt()).as("message update").isEqualTo(7);
    JsonNode executed = current(execute);
    assertThat(embed(executed).path("title").asText()).isEqualTo("Migration Executed");
    assertThat(field(embed(executed), "New mode")).isEqualTo("`primary`");
    assertThat(executed.path("components")).isEmpty();
    assertThat(find(sys.community).coexistenceMode()).isEqualTo(CoexistenceMode.PRIMARY);
    // primary writes namespaced copies: the ingestor created sietch-Naib in the emulator, and the
    // worker mapped its id from GUILD_ROLE_CREATE
    assertThat(field(embed(executed), "Namespaced roles being created")).contains("sietch-Naib");
    await("sietch-Naib created in the emulator", () -> roleNamed(sys.guild, "sietch-Naib"));
    long copy =
        await(
            "the namespaced Naib role's id",
            () ->
                find(sys.community)
                    .roles()
                    .bindings()
                    .get(RoleKey.NAIB)
                    .parallelRoleId()
                    .map(Snowflake::value));
    assertThat(copy).isNotEqualTo(naib);
    assertThat(nameInEmulator(sys.guild, "roles", copy)).contains("sietch-Naib");

    // /admin-takeover: three buttons, three modals
    cooldown();
    JsonNode start = message(run(sys.guild, admin, "admin-takeover", null, Map.of()));
    assertThat(embed(start).path("title").asText()).isEqualTo("Admin Takeover");
    assertThat(customIds(start)).containsExactly("takeover_step:1:" + adminId);

    JsonNode modal1 = modal(click(sys.guild, admin, "takeover_step:1:" + adminId, start));
    assertThat(modal1.path("custom_id").asText()).isEqualTo("takeover_modal:1:" + adminId);
    JsonNode wrong =
        message(
            submit(
                sys.guild,
                admin,
                "takeover_modal:1:" + adminId,
                Map.of("community_name", "Caladan"),
                null));
    assertThat(ephemeral(wrong)).isTrue();
    assertThat(wrong.path("content").asText()).contains("isn't this server's name");
    assertThat(customIds(wrong)).containsExactly("takeover_step:1:" + adminId);
    JsonNode step2 =
        message(
            submit(
                sys.guild,
                admin,
                "takeover_modal:1:" + adminId,
                Map.of("community_name", "demo sietch"),
                null));
    assertThat(customIds(step2)).containsExactly("takeover_step:2:" + adminId);

    // step 3 before step 2 is refused
    JsonNode early = message(click(sys.guild, admin, "takeover_step:3:" + adminId, step2));
    assertThat(early.path("content").asText()).contains("Complete step 2 first");

    modal(click(sys.guild, admin, "takeover_step:2:" + adminId, step2));
    JsonNode step3 =
        message(
            submit(
                sys.guild,
                admin,
                "takeover_modal:2:" + adminId,
                Map.of("acknowledge_risks", "I understand"),
                null));
    assertThat(customIds(step3)).containsExactly("takeover_step:3:" + adminId);
    modal(click(sys.guild, admin, "takeover_step:3:" + adminId, step3));
    JsonNode done =
        message(
            submit(
                sys.guild,
                admin,
                "takeover_modal:3:" + adminId,
                Map.of("rollback_plan", "confirmed"),
                null));
    assertThat(ephemeral(done)).isTrue();
    assertThat(embed(done).path("title").asText()).isEqualTo("Takeover Complete");
    assertThat(field(embed(done), "Previous mode")).isEqualTo("`primary`");
    assertThat(field(embed(done), "New mode")).isEqualTo("`exclusive`");
    assertThat(find(sys.community).coexistenceMode()).isEqualTo(CoexistenceMode.EXCLUSIVE);
    assertThat(find(sys.community).roles().bindings().get(RoleKey.NAIB).discordRoleId())
        .contains(new Snowflake(copy));
    // the copy loses its prefix in Discord (role.edit), and PostgreSQL records the mode
    await(
        "sietch-Naib renamed to Naib",
        () -> nameInEmulator(sys.guild, "roles", copy).filter(n -> n.equals("Naib")));
    assertThat(
            sys.db
                .postgres
                .unitOfWork()
                .inCommunity(sys.community, () -> repos().migrations().state(sys.community))
                .orElseThrow()
                .mode())
        .isEqualTo(CoexistenceMode.EXCLUSIVE);
  }

  @Test
  @Order(3)
  void setupWizard_mainPath_configuresAndActivatesANewCommunity() throws Exception {
    assertThat(find(community2).active()).isFalse();
    long seededAnnouncements = sys.emulator.control().channelId(guild2, "announcements");
    JsonNode onboard = run(guild2, admin2, "onboard", null, Map.of());
    assertThat(onboard.path("callback_type").asInt()).as("deferred").isEqualTo(5);
    JsonNode init = message(onboard);
    assertThat(ephemeral(init)).isTrue();
    assertThat(embed(init).path("description").asText()).startsWith("▱▱▱▱▱▱▱▱▱▱ 0%");
    String sid = idStartingWith(init, "wizard:start:").split(":")[2];

    click(guild2, admin2, "wizard:start:" + sid, init);
    JsonNode chain = current(onboard);
    assertThat(embed(chain).path("description").asText()).contains("12%");
    pick(guild2, admin2, "wizard:chain:" + sid, 3, "80094", chain);
    click(guild2, admin2, "wizard:next:" + sid, chain);

    JsonNode asset = current(onboard);
    assertThat(embed(asset).path("description").asText()).contains("25%");
    JsonNode assetModal = modal(click(guild2, admin2, "wizard:asset:" + sid, asset));
    assertThat(assetModal.path("custom_id").asText()).isEqualTo("wizard:asset:" + sid);
    String token = "0x" + "7".repeat(40);
    JsonNode submitted =
        submit(
            guild2,
            admin2,
            "wizard:asset:" + sid,
            Map.of(
                "token_address", token,
                "token_symbol", "SPICE",
                "token_decimals", "18",
                "scan_start_block", "42"),
            asset);
    assertThat(submitted.path("callback_type").asInt()).isEqualTo(7);
    assertThat(field(embed(current(onboard)), "Address")).isEqualTo(token);
    click(guild2, admin2, "wizard:next:" + sid, asset);

    JsonNode rules = current(onboard);
    assertThat(embed(rules).path("description").asText()).contains("37%");
    submit(
        guild2,
        admin2,
        "wizard:rules:" + sid,
        Map.of(
            "eligible_count", "50",
            "naib_seats", "5",
            "waitlist_range", "51-80",
            "grace_hours", "12",
            "launch_date", "2026-11-01"),
        rules);
    click(guild2, admin2, "wizard:next:" + sid, rules);

    JsonNode roles = current(onboard);
    assertThat(embed(roles).path("description").asText()).contains("50%");
    long naib2 = sys.emulator.control().roleId(guild2, "Naib");
    long fedaykin = sys.emulator.control().roleId(guild2, "Fedaykin");
    pick(guild2, admin2, "wizard:role:" + sid + ":naib", 6, Long.toUnsignedString(naib2), roles);
    pick(
        guild2,
        admin2,
        "wizard:role:" + sid + ":fedaykin",
        6,
        Long.toUnsignedString(fedaykin),
        roles);
    click(guild2, admin2, "wizard:roles-page:" + sid + ":5", roles);
    click(guild2, admin2, "wizard:create-roles:" + sid, current(onboard));
    assertThat(customIds(current(onboard))).contains("wizard:create-roles:" + sid);
    click(guild2, admin2, "wizard:next:" + sid, current(onboard));

    JsonNode channels = current(onboard);
    assertThat(embed(channels).path("description").asText()).contains("62%");
    long door = sys.emulator.control().channelId(guild2, "general");
    long census = sys.emulator.control().channelId(guild2, "sietch-lounge");
    pick(
        guild2,
        admin2,
        "wizard:channel:" + sid + ":the_door",
        8,
        Long.toUnsignedString(door),
        channels);
    pick(
        guild2,
        admin2,
        "wizard:channel:" + sid + ":census",
        8,
        Long.toUnsignedString(census),
        channels);
    click(guild2, admin2, "wizard:create-channels:" + sid, channels);
    click(guild2, admin2, "wizard:next:" + sid, current(onboard));

    JsonNode review = current(onboard);
    assertThat(embed(review).path("description").asText()).contains("75%");
    click(guild2, admin2, "wizard:deploy:" + sid, review);
    JsonNode complete = current(onboard);
    assertThat(embed(complete).path("title").asText()).isEqualTo("Setup complete");
    assertThat(embed(complete).path("description").asText()).contains("100%");

    CommunityConfig c = find(community2);
    assertThat(c.active()).isTrue();
    assertThat(c.token().tokenAddress().orElseThrow().value()).isEqualTo(token);
    assertThat(c.token().symbol()).isEqualTo("SPICE");
    assertThat(c.eligibility().eligibleCount()).isEqualTo(50);
    assertThat(c.roles().bindings().get(RoleKey.NAIB).discordRoleId())
        .contains(new Snowflake(naib2));
    assertThat(c.channels().census()).contains(new Snowflake(census));
    assertThat(c.coexistenceMode()).isEqualTo(CoexistenceMode.EXCLUSIVE);
    assertThat(
            sys.db
                .postgres
                .unitOfWork()
                .inCommunity(community2, () -> repos().badges().catalogue(community2)))
        .as("deploy seeds the preset badges")
        .isNotEmpty();

    // "create missing": the unmapped roles and the announcements channel were created in the
    // emulator by the ingestor, and their ids came back through the gateway into the config
    assertThat(field(embed(complete), "Being created")).contains("Former Naib");
    await("Former Naib created in the emulator", () -> roleNamed(guild2, "Former Naib"));
    long formerNaib =
        await(
            "Former Naib's id",
            () ->
                Optional.ofNullable(find(community2).roles().bindings().get(RoleKey.FORMER_NAIB))
                    .flatMap(b -> b.discordRoleId())
                    .map(Snowflake::value));
    assertThat(nameInEmulator(guild2, "roles", formerNaib)).contains("Former Naib");
    long announcements =
        await(
            "the announcements channel's id",
            () -> find(community2).channels().announcements().map(Snowflake::value));
    assertThat(nameInEmulator(guild2, "channels", announcements)).contains("announcements");
    assertThat(announcements)
        .as("a new channel, not the seeded one of the same name")
        .isNotEqualTo(seededAnnouncements);
    assertThat(find(community2).roles().bindings().get(RoleKey.NAIB).discordRoleId())
        .as("mapped roles are not created again")
        .contains(new Snowflake(naib2));

    JsonNode resumed = message(run(guild2, admin2, "resume", null, Map.of()));
    assertThat(resumed.path("content").asText())
        .isEqualTo("That setup session has already completed.");
  }
}
