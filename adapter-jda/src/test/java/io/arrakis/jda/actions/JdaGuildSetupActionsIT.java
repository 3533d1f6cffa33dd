package io.arrakis.jda.actions;

import static io.arrakis.jda.actions.EmulatedGateway.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arrakis.discord.action.ActionOutcome;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.emulator.EmulatorControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The setup and mirror kinds — {@code role.create}, {@code role.edit}, {@code channel.create},
 * {@code members.request} — through {@link JdaActionExecutor} against the emulator, with a real
 * gateway source holding one shard of 2 (so one guild is cached and one is reached by REST only).
 */
class JdaGuildSetupActionsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static EmulatedGateway gateway;
  private static EmulatorControl control;
  private static JdaActionExecutor executor;
  private static final RecordingSink sink = new RecordingSink();
  private static long guild;
  private static long remoteGuild;
  private static final AtomicInteger ids = new AtomicInteger();

  /** Keeps the pages it is handed; counts the page permits asked for. */
  static final class RecordingSink implements MemberListSink {
    final AtomicInteger permits = new AtomicInteger();
    final List<byte[]> pages = new CopyOnWriteArrayList<>();

    @Override
    public boolean beforePage() {
      permits.incrementAndGet();
      return true;
    }

    @Override
    public void deliver(DiscordAction.RequestMembers request, List<byte[]> delivered) {
      pages.addAll(delivered);
    }
  }

  @BeforeAll
  static void connect() {
    gateway = EmulatedGateway.start(4, 2);
    control = gateway.emulator.control();
    int held = control.guildIdsOnShard(0, 2).isEmpty() ? 1 : 0;
    guild = control.guildIdsOnShard(held, 2).get(0);
    List<Long> theirs = control.guildIdsOnShard(1 - held, 2);
    assertThat(theirs).as("a guild on the other shard").isNotEmpty();
    remoteGuild = theirs.get(0);
    gateway.connect(List.of(held));
    gateway.awaitGuild(guild);
    executor = new JdaActionExecutor(gateway.source::shardManager, Duration.ofSeconds(10), sink);
  }

  @AfterAll
  static void close() {
    gateway.close();
  }

  @AfterEach
  void checkJda() {
    assertThat(gateway.jdaErrors()).as("JDA logged no ERROR").isEmpty();
  }

  private static String actionId(String what) {
    return "it:" + what + ":" + ids.incrementAndGet();
  }

  private static Optional<JsonNode> named(long guildId, String list, String name) {
    JsonNode all = control.describeGuild(guildId).get(list);
    return StreamSupport.stream(all.spliterator(), false)
        .filter(n -> n.path("name").asText().equals(name))
        .findFirst();
  }

  private static long rest() {
    return gateway.emulator.counters().get("rest.requests");
  }

  @Test
  void aCreatedRoleExistsInDiscordAndReachesTheGatewayCache() {
    ActionOutcome outcome =
        executor.execute(
            new DiscordAction.CreateRole(
                actionId("role"), guild, "Fedaykin Elite", 0xC0FFEE, true, true, "setup"));

    assertThat(outcome).isEqualTo(new ActionOutcome.Done(1, 200));
    JsonNode role = named(guild, "roles", "Fedaykin Elite").orElseThrow();
    assertThat(role.get("color").intValue()).isEqualTo(0xC0FFEE);
    assertThat(role.get("hoist").booleanValue()).isTrue();
    assertThat(role.get("mentionable").booleanValue()).isTrue();
    gateway.awaitCache(
        guild,
        g -> !g.getRolesByName("Fedaykin Elite", false).isEmpty(),
        "GUILD_ROLE_CREATE seen by JDA");
  }

  @Test
  void aRoleBelowTheBotIsRenamedAndRecoloured() {
    long roleId = id(control.createRole(guild, obj().put("name", "Old Name").put("position", 1)));
    gateway.awaitCache(guild, g -> g.getRoleById(roleId) != null, "role cached");

    ActionOutcome outcome =
        executor.execute(
            new DiscordAction.EditRole(
                actionId("edit"), guild, roleId, "Naib of Tabr", 0xFFD700, "takeover"));

    assertThat(outcome).isEqualTo(new ActionOutcome.Done(1, 200));
    JsonNode role = named(guild, "roles", "Naib of Tabr").orElseThrow();
    assertThat(role.get("id").asText()).isEqualTo(Long.toUnsignedString(roleId));
    assertThat(role.get("color").intValue()).isEqualTo(0xFFD700);
    assertThat(named(guild, "roles", "Old Name")).isEmpty();
  }

  @Test
  void editingARoleAboveTheBotIsRefusedWithNoRequest() {
    long roleId =
        id(control.createRole(guild, obj().put("name", "Sandrider Lord").put("position", 120)));
    gateway.awaitCache(guild, g -> g.getRoleById(roleId) != null, "high role cached");
    long before = rest();

    ActionOutcome outcome =
        executor.execute(
            new DiscordAction.EditRole(actionId("high"), guild, roleId, "Mine", 0, "takeover"));

    assertThat(outcome).isInstanceOf(ActionOutcome.Refused.class);
    assertThat(((ActionOutcome.Refused) outcome).errorClass())
        .isEqualTo(JdaActionExecutor.ErrorClass.ROLE_ABOVE_BOT);
    assertThat(rest()).isEqualTo(before);
  }

  @Test
  void aTextChannelIsCreatedUnderItsCategoryWithItsTopic() {
    long category = id(control.createChannel(guild, obj().put("name", "Sietch").put("type", 4)));
    gateway.awaitCache(guild, g -> g.getCategoryById(category) != null, "category cached");

    ActionOutcome outcome =
        executor.execute(
            new DiscordAction.CreateChannel(
                actionId("channel"), guild, "the-door", category, "joins and leaves", "setup"));

    assertThat(outcome).isEqualTo(new ActionOutcome.Done(1, 201));
    JsonNode channel = named(guild, "channels", "the-door").orElseThrow();
    assertThat(channel.get("type").intValue()).isZero();
    assertThat(channel.get("parent_id").asText()).isEqualTo(Long.toUnsignedString(category));
    assertThat(channel.get("topic").asText()).isEqualTo("joins and leaves");
  }

  @Test
  void aChannelUnderAnUnknownCategoryIsRefusedLocally() {
    ActionOutcome outcome =
        executor.execute(
            new DiscordAction.CreateChannel(actionId("orphan"), guild, "orphan", 42, "", "setup"));

    assertThat(outcome).isInstanceOf(ActionOutcome.Refused.class);
    assertThat(((ActionOutcome.Refused) outcome).errorClass())
        .isEqualTo(JdaActionExecutor.ErrorClass.UNKNOWN_CHANNEL);
    assertThat(named(guild, "channels", "orphan")).isEmpty();
  }

  @Test
  void aGuildNotInTheCacheGetsItsRoleAndChannelByRest() {
    assertThat(
            executor.execute(
                new DiscordAction.CreateRole(
                    actionId("remote-role"), remoteGuild, "Remote", 0, false, false, "")))
        .isEqualTo(new ActionOutcome.Done(1, 200));
    assertThat(
            executor.execute(
                new DiscordAction.CreateChannel(
                    actionId("remote-ch"), remoteGuild, "remote-census", 0, "", "")))
        .isEqualTo(new ActionOutcome.Done(1, 201));
    assertThat(named(remoteGuild, "roles", "Remote")).isPresent();
    assertThat(named(remoteGuild, "channels", "remote-census")).isPresent();
  }

  @Test
  void theWholeMemberListIsReadPageByPageAndHandedOver() throws Exception {
    for (int i = 0; i < 1_100; i++) {
      control.addMember(remoteGuild, obj().put("username", "m" + i));
    }
    List<Long> expected = new ArrayList<>(); // everyone: the bot and the owner too
    for (JsonNode member : control.describeGuild(remoteGuild).get("members")) {
      expected.add(Long.parseUnsignedLong(member.path("user").path("id").asText()));
    }
    assertThat(expected).hasSizeGreaterThan(JdaActionExecutor.MEMBER_PAGE);
    sink.pages.clear();
    sink.permits.set(0);

    ActionOutcome outcome =
        executor.execute(new DiscordAction.RequestMembers(actionId("members"), remoteGuild));

    assertThat(outcome).isEqualTo(new ActionOutcome.Done(2, 200));
    assertThat(sink.pages).hasSize(2);
    assertThat(sink.permits.get()).isEqualTo(2); // each page paced
    List<Long> read = new ArrayList<>();
    for (byte[] page : sink.pages) {
      for (JsonNode member : JSON.readTree(page)) {
        read.add(Long.parseUnsignedLong(member.path("user").path("id").asText()));
        assertThat(member.has("roles")).isTrue();
      }
    }
    assertThat(read).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
  }

  @Test
  void anExecutorWithoutASinkRefusesAMemberList() {
    JdaActionExecutor plain =
        new JdaActionExecutor(gateway.source::shardManager, Duration.ofSeconds(10));

    ActionOutcome outcome =
        plain.execute(new DiscordAction.RequestMembers(actionId("nosink"), guild));

    assertThat(outcome).isInstanceOf(ActionOutcome.Refused.class);
    assertThat(((ActionOutcome.Refused) outcome).errorClass())
        .isEqualTo(JdaActionExecutor.ErrorClass.UNSUPPORTED);
  }

  private static long id(JsonNode created) {
    return Long.parseUnsignedLong(created.path("id").asText());
  }
}
