package io.arrakis.jda.actions;

import static io.arrakis.jda.actions.EmulatedGateway.id;
import static io.arrakis.jda.actions.EmulatedGateway.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arrakis.discord.Button;
import io.arrakis.discord.Embed;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.ActionOutcome;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.emulator.EmulatorControl;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link JdaActionExecutor} against the emulator, sharing a real {@link
 * io.arrakis.jda.JdaGatewaySource}'s shard manager as the ingestor does. The process holds one
 * shard of 2: two guilds are in its cache, another lives on the shard it does not hold.
 */
class JdaActionExecutorIT {
  private static EmulatedGateway gateway;
  private static EmulatorControl control;
  private static JdaActionExecutor executor;
  private static long guild;
  private static long quietGuild;
  private static long remoteGuild;
  private static final AtomicInteger ids = new AtomicInteger();

  @BeforeAll
  static void connect() {
    gateway = EmulatedGateway.start(4, 2);
    control = gateway.emulator.control();
    // Seeded guild ids follow the clock, so which shard gets two of them varies from run to run.
    int held = control.guildIdsOnShard(0, 2).size() >= 2 ? 0 : 1;
    List<Long> mine = control.guildIdsOnShard(held, 2);
    List<Long> theirs = control.guildIdsOnShard(1 - held, 2);
    assertThat(mine).as("guilds on the held shard").hasSizeGreaterThanOrEqualTo(2);
    assertThat(theirs).as("guilds on the other shard").isNotEmpty();
    guild = mine.get(0);
    quietGuild = mine.get(1);
    remoteGuild = theirs.get(0);
    gateway.connect(List.of(held));
    gateway.awaitGuild(guild);
    gateway.awaitGuild(quietGuild);
    executor = new JdaActionExecutor(gateway.source, Duration.ofSeconds(10));
  }

  @AfterAll
  static void close() {
    gateway.close();
  }

  @AfterEach
  void clearFaultsAndCheckJda() {
    control.clearFaults();
    assertThat(gateway.jdaErrors()).as("JDA logged no ERROR").isEmpty();
  }

  private static String actionId(String what) {
    return "it:" + what + ":" + ids.incrementAndGet();
  }

  private static long rest() {
    return gateway.emulator.counters().get("rest.requests");
  }

  private static ActionOutcome.Refused refused(ActionOutcome outcome) {
    assertThat(outcome).isInstanceOf(ActionOutcome.Refused.class);
    return (ActionOutcome.Refused) outcome;
  }

  private static long newUser(boolean dmsOpen) {
    JsonNode user =
        control.createUser(
            obj().put("username", "u" + ids.incrementAndGet()).put("dms_open", dmsOpen));
    long userId = Long.parseUnsignedLong(user.path("id").asText());
    control.addMember(guild, obj().put("user_id", id(userId)));
    return userId;
  }

  // ---------------------------------------------------------------- roles

  @Test
  @DisplayName("a role added then removed changes the member's roles in Discord")
  void roleAddThenRemove() {
    long member = control.memberIds(guild).get(0);
    long fedaykin = control.roleId(guild, "Fedaykin");
    assertThat(control.memberRoles(guild, member)).doesNotContain(fedaykin);

    ActionOutcome added =
        executor.execute(
            new DiscordAction.AddRole(
                actionId("add"), guild, member, fedaykin, "rank 12 " + "x".repeat(600)));
    assertThat(added).isEqualTo(new ActionOutcome.Done(1, 204));
    assertThat(control.memberRoles(guild, member)).contains(fedaykin);

    ActionOutcome removed =
        executor.execute(
            new DiscordAction.RemoveRole(actionId("remove"), guild, member, fedaykin, "rank 80"));
    assertThat(removed).isEqualTo(new ActionOutcome.Done(1, 204));
    assertThat(control.memberRoles(guild, member)).doesNotContain(fedaykin);
  }

  @Test
  void addingARoleTheMemberAlreadyHasIsDone() {
    long verified = control.roleId(guild, "Verified");
    long member =
        control.memberIds(guild).stream()
            .filter(m -> control.memberRoles(guild, m).contains(verified))
            .findFirst()
            .orElseThrow();

    ActionOutcome outcome =
        executor.execute(new DiscordAction.AddRole(actionId("again"), guild, member, verified, ""));

    assertThat(outcome).isInstanceOf(ActionOutcome.Done.class);
    assertThat(control.memberRoles(guild, member)).contains(verified);
  }

  @Test
  @DisplayName("a role at or above the bot's highest role is refused with no request sent")
  void roleAboveTheBotIsRefusedLocally() {
    long member = control.memberIds(guild).get(1);
    JsonNode created =
        control.createRole(guild, obj().put("name", "Sandrider").put("position", 120));
    long sandrider = Long.parseUnsignedLong(created.path("id").asText());
    gateway.awaitCache(
        guild,
        g -> g.getRoleById(sandrider) != null && g.getRoleById(sandrider).getPositionRaw() == 120,
        "Sandrider cached at position 120");
    long admin = control.roleId(guild, "Admin");
    long botRole = control.roleId(guild, "Sietch");
    long before = rest();
    long deniedBefore = gateway.emulator.counters().get("rest.role_hierarchy_denied");

    for (long role : List.of(sandrider, admin, botRole)) {
      ActionOutcome.Refused refused =
          refused(
              executor.execute(
                  new DiscordAction.AddRole(actionId("above"), guild, member, role, "")));
      assertThat(refused.errorClass()).as(refused.reason()).isEqualTo("RoleAboveBot");
      assertThat(refused.requestSent()).isFalse();
      assertThat(refused.reason()).contains(id(role));
    }

    assertThat(rest()).as("REST requests the emulator saw").isEqualTo(before);
    assertThat(gateway.emulator.counters().get("rest.role_hierarchy_denied"))
        .isEqualTo(deniedBefore);
    assertThat(control.memberRoles(guild, member)).doesNotContain(sandrider, admin);
  }

  @Test
  @DisplayName("an unknown member is Discord's 404; an unknown role is refused locally")
  void unknownMemberAndRole() {
    long fremen = control.roleId(guild, "Fremen");

    ActionOutcome.Refused member =
        refused(
            executor.execute(
                new DiscordAction.AddRole(actionId("nobody"), guild, 4242424242L, fremen, "")));
    assertThat(member.errorClass()).isEqualTo("UnknownMember");
    assertThat(member.httpStatus()).isEqualTo(404);

    long before = rest();
    ActionOutcome.Refused role =
        refused(
            executor.execute(
                new DiscordAction.AddRole(
                    actionId("norole"), guild, control.memberIds(guild).get(0), 999L, "")));
    assertThat(role.errorClass()).isEqualTo("UnknownRole");
    assertThat(role.requestSent()).isFalse();
    assertThat(rest()).isEqualTo(before);
  }

  @Test
  @DisplayName("a guild on a shard this process does not hold is still executed, by REST")
  void aGuildOnAnotherShardIsExecutedByRest() {
    long member = control.memberIds(remoteGuild).get(0);
    long naib = control.roleId(remoteGuild, "Naib");
    assertThat(gateway.shards().getGuildById(remoteGuild)).isNull();

    ActionOutcome outcome =
        executor.execute(
            new DiscordAction.AddRole(actionId("remote"), remoteGuild, member, naib, "r"));

    assertThat(outcome).isEqualTo(new ActionOutcome.Done(1, 204));
    assertThat(control.memberRoles(remoteGuild, member)).contains(naib);
  }

  @Test
  @DisplayName("a bucket wait longer than the time-out is Retry, and the request is never sent")
  void aLongRateLimitWaitIsRetryWithNothingSent() {
    long fremen = control.roleId(quietGuild, "Fremen");
    long first = control.memberIds(quietGuild).get(0);
    long second = control.memberIds(quietGuild).get(1);
    control.rateLimit("member_role", 1, 2000);
    try {
      JdaActionExecutor impatient = new JdaActionExecutor(gateway::shards, Duration.ofMillis(300));
      assertThat(
              impatient.execute(
                  new DiscordAction.AddRole(actionId("rl1"), quietGuild, first, fremen, "")))
          .isInstanceOf(ActionOutcome.Done.class);
      long before = rest();
      long tooMany = gateway.emulator.counters().get("rest.429");

      ActionOutcome outcome =
          impatient.execute(
              new DiscordAction.AddRole(actionId("rl2"), quietGuild, second, fremen, ""));

      assertThat(outcome).isInstanceOf(ActionOutcome.Retry.class);
      assertThat(outcome.httpStatus()).isZero();
      assertThat(rest()).as("nothing sent").isEqualTo(before);
      assertThat(gateway.emulator.counters().get("rest.429")).isEqualTo(tooMany);
      assertThat(control.memberRoles(quietGuild, second)).doesNotContain(fremen);
    } finally {
      control.rateLimit("member_role", 10, 10_000);
    }
  }

  // ---------------------------------------------------------------- DMs

  @Test
  @DisplayName("a DM with an embed and a link button reaches the user")
  void aDirectMessageArrives() {
    long user = newUser(true);
    MessagePayload message =
        MessagePayload.builder()
            .content("Your position changed")
            .embed(
                Embed.builder()
                    .title("Rank 12")
                    .description("You moved up 3 places")
                    .color(0xC2A25A)
                    .field("Tier", "Fedaykin", true)
                    .footer("Sietch alerts")
                    .build())
            .row(Button.link("https://sietch.example/position", "Details"))
            .ephemeral()
            .build();

    ActionOutcome outcome =
        executor.execute(
            new DiscordAction.SendDirectMessage(
                actionId("dm"), user, message, "alert:position_update"));

    assertThat(outcome).isEqualTo(new ActionOutcome.Done(2, 200));
    JsonNode dms = control.directMessages(user);
    assertThat(dms).hasSize(1);
    JsonNode dm = dms.get(0);
    assertThat(dm.path("content").asText()).isEqualTo("Your position changed");
    assertThat(dm.path("embeds").get(0).path("title").asText()).isEqualTo("Rank 12");
    assertThat(dm.path("embeds").get(0).path("fields").get(0).path("value").asText())
        .isEqualTo("Fedaykin");
    assertThat(dm.path("components").get(0).path("components").get(0).path("url").asText())
        .isEqualTo("https://sietch.example/position");
    assertThat(dm.path("flags").asInt() & 64).as("not ephemeral").isZero();
  }

  @Test
  @DisplayName("a DM to a user with DMs closed is refused: DmClosed, 403")
  void aDirectMessageToClosedDmsIsRefused() {
    long user = newUser(false);

    ActionOutcome.Refused refused =
        refused(
            executor.execute(
                new DiscordAction.SendDirectMessage(
                    actionId("closed"), user, MessagePayload.text("hello"), "alert:test")));

    assertThat(refused.errorClass()).isEqualTo("DmClosed");
    assertThat(refused.httpStatus()).isEqualTo(403);
    assertThat(control.directMessages(user)).isEmpty();
  }

  // ---------------------------------------------------------------- channel messages

  private static JsonNode stored(long channel, String messageId) {
    for (JsonNode m : control.channelMessages(channel)) {
      if (m.path("id").asText().equals(messageId)) {
        return m;
      }
    }
    return null;
  }

  private static String storedId(long channel, String content) {
    for (JsonNode m : control.channelMessages(channel)) {
      if (m.path("content").asText().equals(content)) {
        return m.path("id").asText();
      }
    }
    throw new AssertionError("no message '" + content + "' in channel " + channel);
  }

  @Test
  @DisplayName("a channel post, its edit and its deletion round-trip")
  void postEditDelete() {
    long channel = control.channelId(guild, "announcements");
    MessagePayload census =
        MessagePayload.builder()
            .content("Census draft")
            .embed(Embed.builder().title("Census").description("69 eligible").build())
            .row(Button.primary("census:refresh", "Refresh"))
            .build();

    ActionOutcome posted =
        executor.execute(new DiscordAction.PostToChannel(actionId("post"), guild, channel, census));
    assertThat(posted).isEqualTo(new ActionOutcome.Done(1, 200));
    String messageId = storedId(channel, "Census draft");
    long message = Long.parseUnsignedLong(messageId);
    assertThat(stored(channel, messageId).path("embeds").get(0).path("title").asText())
        .isEqualTo("Census");

    ActionOutcome edited =
        executor.execute(
            new DiscordAction.EditMessage(
                actionId("edit"), guild, channel, message, MessagePayload.text("Census final")));
    assertThat(edited).isEqualTo(new ActionOutcome.Done(1, 200));
    JsonNode afterEdit = stored(channel, messageId);
    assertThat(afterEdit.path("content").asText()).isEqualTo("Census final");
    assertThat(afterEdit.path("embeds")).as("the edit replaced the whole message").isEmpty();
    assertThat(afterEdit.path("components")).isEmpty();

    ActionOutcome deleted =
        executor.execute(
            new DiscordAction.DeleteMessage(actionId("delete"), guild, channel, message));
    assertThat(deleted).isEqualTo(new ActionOutcome.Done(1, 204));
    assertThat(stored(channel, messageId)).isNull();

    ActionOutcome.Refused again =
        refused(
            executor.execute(
                new DiscordAction.DeleteMessage(actionId("delete"), guild, channel, message)));
    assertThat(again.errorClass()).isEqualTo("UnknownMessage");
    assertThat(again.httpStatus()).isEqualTo(404);
  }

  @Test
  @DisplayName("an unknown channel or a channel the bot cannot send to is refused locally")
  void channelsAreCheckedLocally() {
    JsonNode created =
        control.createChannel(
            guild,
            obj()
                .put("name", "read-only")
                .set(
                    "permission_overwrites",
                    EmulatedGateway.JSON
                        .createArrayNode()
                        .add(
                            obj()
                                .put("id", id(guild))
                                .put("type", 0)
                                .put("allow", "0")
                                .put("deny", "2048"))));
    long readOnly = Long.parseUnsignedLong(created.path("id").asText());
    gateway.awaitCache(
        guild,
        g -> {
          GuildChannel c = g.getGuildChannelById(readOnly);
          return c != null && !g.getSelfMember().hasPermission(c, Permission.MESSAGE_SEND);
        },
        "read-only channel cached with its overwrite");
    long before = rest();

    ActionOutcome.Refused unknown =
        refused(
            executor.execute(
                new DiscordAction.PostToChannel(
                    actionId("nochannel"), guild, 12345L, MessagePayload.text("gm"))));
    assertThat(unknown.errorClass()).isEqualTo("UnknownChannel");
    assertThat(unknown.requestSent()).isFalse();

    ActionOutcome.Refused denied =
        refused(
            executor.execute(
                new DiscordAction.PostToChannel(
                    actionId("readonly"), guild, readOnly, MessagePayload.text("gm"))));
    assertThat(denied.errorClass()).isEqualTo("MissingPermission");
    assertThat(denied.requestSent()).isFalse();
    assertThat(denied.reason()).contains("MESSAGE_SEND");

    assertThat(rest()).isEqualTo(before);
    assertThat(control.channelMessages(readOnly)).isEmpty();
  }

  @Test
  @DisplayName("a message JDA will not build (empty) is refused before any request")
  void anEmptyMessageIsRefusedLocally() {
    long channel = control.channelId(guild, "general");
    long before = rest();

    ActionOutcome.Refused refused =
        refused(
            executor.execute(
                new DiscordAction.PostToChannel(
                    actionId("empty"), guild, channel, MessagePayload.text(""))));

    assertThat(refused.errorClass()).isEqualTo("InvalidMessage");
    assertThat(refused.requestSent()).isFalse();
    assertThat(rest()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- Discord failing

  @Test
  @DisplayName("a 500 from Discord is Retry; a single 503 JDA retries itself")
  void serverErrors() {
    long channel = control.channelId(guild, "sietch-lounge");
    control.restFault("POST", "/channels/{channel_id}/messages", 500, 0, 0, false, 1);

    ActionOutcome outcome =
        executor.execute(
            new DiscordAction.PostToChannel(
                actionId("500"), guild, channel, MessagePayload.text("during an outage")));

    assertThat(outcome).isInstanceOf(ActionOutcome.Retry.class);
    assertThat(outcome.httpStatus()).isEqualTo(500);
    assertThat(((ActionOutcome.Retry) outcome).after()).isPositive();
    assertThat(control.channelMessages(channel).findValuesAsText("content"))
        .doesNotContain("during an outage");

    control.restFault("POST", "/channels/{channel_id}/messages", 503, 0, 0, false, 1);
    ActionOutcome retried =
        executor.execute(
            new DiscordAction.PostToChannel(
                actionId("503"), guild, channel, MessagePayload.text("after a hiccup")));
    assertThat(retried).isEqualTo(new ActionOutcome.Done(1, 200));
    assertThat(control.channelMessages(channel).findValuesAsText("content"))
        .containsOnlyOnce("after a hiccup");
  }
}
