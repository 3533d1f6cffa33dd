package io.arrakis.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.UserSnowflake;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The emulator's acceptance: the real, unmodified JDA 6 logs in, shards, receives events, answers
 * interactions, survives op 7 and INVALID_SESSION, and honours 429s.
 */
class JdaFidelityIT {
  static final int SHARDS = 4;
  static final EnumSet<GatewayIntent> INTENTS =
      EnumSet.of(
          GatewayIntent.GUILD_MESSAGES, GatewayIntent.GUILD_MEMBERS, GatewayIntent.DIRECT_MESSAGES);

  static DiscordEmulator emu;
  static ShardManager shards;
  static final Recorder recorder = new Recorder();

  /** Records what JDA delivered to the bot, and answers slash commands the way a bot would. */
  static final class Recorder extends ListenerAdapter {
    final BlockingQueue<SlashCommandInteractionEvent> slash = new LinkedBlockingQueue<>();
    final List<String> messageIds = new CopyOnWriteArrayList<>();

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
      slash.add(event);
      long amount = event.getOption("amount", 0L, OptionMapping::getAsLong);
      event.deferReply().queue(hook -> hook.editOriginal("ranked " + amount).queue());
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
      messageIds.add(event.getMessageId());
    }
  }

  static final ListAppender<ILoggingEvent> jdaLog = new ListAppender<>();

  @BeforeAll
  static void start() throws Exception {
    jdaLog.start();
    ((Logger) LoggerFactory.getLogger("net.dv8tion")).addAppender(jdaLog);
    emu =
        DiscordEmulator.start(
            EmulatorConfig.builder()
                .port(0)
                .seedGuilds(8)
                .recommendedShards(SHARDS)
                .maxConcurrency(16)
                .resumeWindow(Duration.ofMinutes(1))
                .build());
    shards =
        DefaultShardManagerBuilder.createLight(emu.config().token(), INTENTS)
            .setRestConfig(new RestConfig().setBaseUrl(emu.restUrl()))
            .setShardsTotal(-1)
            .addEventListeners(recorder)
            .build();
    for (JDA jda : shards.getShards()) {
      jda.awaitReady();
    }
  }

  @AfterAll
  static void stop() {
    if (shards != null) {
      shards.shutdown();
    }
    emu.close();
    // JDA logs ERROR when a payload does not parse ("unexpected error ... redirect to the devs").
    assertThat(
            jdaLog.list.stream()
                .filter(e -> e.getLevel() == Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage))
        .as("JDA errors while talking to the emulator")
        .isEmpty();
  }

  private static long guildOn(int shard) {
    return emu.control().guildIdsOnShard(shard, SHARDS).get(0);
  }

  private static JDA shard(int id) {
    return shards.getShardById(id);
  }

  @Test
  @DisplayName("4 shards from /gateway/bot connect over zlib-stream and each holds only its guilds")
  void shardsConnectAndEachReceivesOnlyItsGuilds() {
    assertThat(shards.getShardsTotal()).isEqualTo(SHARDS);
    for (int i = 0; i < SHARDS; i++) {
      List<Long> got = shard(i).getGuilds().stream().map(Guild::getIdLong).toList();
      assertThat(got).containsExactlyInAnyOrderElementsOf(emu.control().guildIdsOnShard(i, SHARDS));
      assertThat(got).isNotEmpty();
      assertThat(shard(i).getSelfUser().getApplicationIdLong())
          .isEqualTo(emu.control().applicationId());
    }
    JsonNode sessions = emu.control().sessions();
    assertThat(sessions).hasSize(SHARDS);
    sessions.forEach(s -> assertThat(s.path("compressed").asBoolean()).as("zlib-stream").isTrue());
  }

  @Test
  @DisplayName(
      "a slash command reaches JDA with options and permissions; deferReply + editOriginal is recorded")
  void slashCommandRoundTrip() throws Exception {
    Guild guild = shard(1).getGuildById(guildOn(1));
    guild
        .updateCommands()
        .addCommands(
            Commands.slash("rank", "Show a rank")
                .addOption(OptionType.INTEGER, "amount", "how many", true)
                .addOption(OptionType.USER, "who", "whom"))
        .complete();
    assertThat(emu.control().commands(guild.getIdLong()).findValuesAsText("name")).contains("rank");
    long user = emu.control().memberIds(guild.getIdLong()).get(0);
    long other = emu.control().memberIds(guild.getIdLong()).get(1);
    InteractionRef ref =
        emu.control()
            .slashCommand(
                guild.getIdLong(),
                user,
                "rank",
                Map.of("amount", 5, "who", Long.toUnsignedString(other)));

    SlashCommandInteractionEvent ev = recorder.slash.poll(10, TimeUnit.SECONDS);
    assertThat(ev).isNotNull();
    assertThat(ev.getInteraction().getIdLong()).isEqualTo(ref.id());
    assertThat(ev.getName()).isEqualTo("rank");
    assertThat(ev.getOption("amount").getAsLong()).isEqualTo(5);
    assertThat(ev.getOption("who").getAsUser().getIdLong()).isEqualTo(other);
    assertThat(ev.getMember().getIdLong()).isEqualTo(user);
    assertThat(ev.getMember().hasPermission(Permission.MESSAGE_SEND)).isTrue();
    assertThat(ev.getMember().hasPermission(Permission.ADMINISTRATOR)).isFalse();
    assertThat(ev.getGuild().getSelfMember().hasPermission(Permission.MANAGE_ROLES)).isTrue();

    JsonNode conv = await(() -> conversationHas(ref.id(), "edit_original"), ref.id());
    JsonNode events = conv.path("events");
    assertThat(events.get(0).path("kind").asText()).isEqualTo("callback");
    assertThat(events.get(0).path("body").path("type").asInt()).isEqualTo(5);
    assertThat(events.get(1).path("kind").asText()).isEqualTo("edit_original");
    assertThat(events.get(1).path("at_ms").asLong())
        .isGreaterThanOrEqualTo(events.get(0).path("at_ms").asLong());
    assertThat(conv.path("original").path("content").asText()).isEqualTo("ranked 5");
    assertThat(conv.path("callback_type").asInt()).isEqualTo(5);
  }

  @Test
  @DisplayName("op 7: JDA resumes and receives every event dispatched while away, exactly once")
  void reconnectResumesWithoutLossOrDuplicates() throws Exception {
    int s = 2;
    long guild = guildOn(s);
    String session = sessionOf(s);
    long resumesBefore = emu.counters().get("gateway.resumes");
    List<String> sent = new ArrayList<>();
    sent.add(emu.control().message(msg(guild, "before")).idString());
    assertThat(emu.control().reconnectShard(s, 30_000)).isEqualTo(1);
    for (int i = 0; i < 20; i++) {
      sent.add(emu.control().message(msg(guild, "away " + i)).idString());
    }
    awaitTrue(() -> emu.counters().get("gateway.resumes") > resumesBefore, "JDA resumed");
    for (int i = 0; i < 5; i++) {
      sent.add(emu.control().message(msg(guild, "after " + i)).idString());
    }
    awaitTrue(() -> recorder.messageIds.containsAll(sent), "all messages reached JDA");
    assertThat(sessionOf(s)).as("same session, resumed").isEqualTo(session);
    for (String id : sent) {
      assertThat(Collections.frequency(recorder.messageIds, id))
          .as("deliveries of " + id)
          .isEqualTo(1);
    }
  }

  @Test
  @DisplayName("abnormal drop (no close frame): JDA resumes and misses nothing sent meanwhile")
  void droppedConnectionResumesWithoutLoss() throws Exception {
    int s = 0;
    long guild = guildOn(s);
    String session = sessionOf(s);
    long resumesBefore = emu.counters().get("gateway.resumes");
    assertThat(emu.control().dropShard(s)).isEqualTo(1);
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sent.add(emu.control().message(msg(guild, "dropped " + i)).idString());
    }
    awaitTrue(() -> emu.counters().get("gateway.resumes") > resumesBefore, "JDA resumed");
    awaitTrue(
        () -> recorder.messageIds.containsAll(sent), "messages sent while dropped reached JDA");
    assertThat(sessionOf(s)).isEqualTo(session);
    for (String id : sent) {
      assertThat(Collections.frequency(recorder.messageIds, id)).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("INVALID_SESSION false: JDA identifies a new session and keeps receiving events")
  void invalidSessionMakesJdaReidentify() throws Exception {
    int s = 3;
    long guild = guildOn(s);
    String old = sessionOf(s);
    long identifies = emu.counters().get("gateway.identifies");
    assertThat(emu.control().invalidateSession(s, false)).isEqualTo(1);
    awaitTrue(
        () -> {
          String now = sessionOrNull(s);
          return now != null && !now.equals(old) && isConnected(s);
        },
        "a new session on shard " + s);
    assertThat(emu.counters().get("gateway.identifies")).isGreaterThan(identifies);
    awaitTrue(() -> shard(s).getStatus() == JDA.Status.CONNECTED, "JDA connected again");
    String id = emu.control().message(msg(guild, "after re-identify")).idString();
    awaitTrue(() -> recorder.messageIds.contains(id), "message after re-identify reached JDA");
  }

  @Test
  @DisplayName("a 429 with Retry-After is honoured: JDA waits, retries once, and the message lands")
  void jdaHonoursRetryAfter() throws Exception {
    JDA jda = shard(0);
    long guild = guildOn(0);
    long channel = emu.control().channelId(guild, "sietch-lounge");
    long injected = emu.counters().get("rest.429_injected");
    emu.control().restFault("POST", "/channels/{channel_id}/messages", 429, 0, 1.0, false, 1);
    jda.getTextChannelById(channel).sendMessage("through the rate limit").complete();
    assertThat(emu.counters().get("rest.429_injected")).isEqualTo(injected + 1);
    assertThat(emu.counters().get("rest.early_retries")).isZero();
    assertThat(emu.control().channelMessages(channel).findValuesAsText("content"))
        .contains("through the rate limit");
  }

  @Test
  @DisplayName("JDA's REST calls change the world: role add/remove, DM")
  void restCallsHaveRealEffects() {
    JDA jda = shard(1);
    long guildId = guildOn(1);
    Guild guild = jda.getGuildById(guildId);
    long user = emu.control().memberIds(guildId).get(2);
    long fremen = emu.control().roleId(guildId, "Fremen");
    guild.addRoleToMember(UserSnowflake.fromId(user), guild.getRoleById(fremen)).complete();
    assertThat(emu.control().memberRoles(guildId, user)).contains(fremen);
    guild.removeRoleFromMember(UserSnowflake.fromId(user), guild.getRoleById(fremen)).complete();
    assertThat(emu.control().memberRoles(guildId, user)).doesNotContain(fremen);

    jda.openPrivateChannelById(user).flatMap(ch -> ch.sendMessage("your tier changed")).complete();
    assertThat(emu.control().directMessages(user).findValuesAsText("content"))
        .contains("your tier changed");
  }

  @Test
  @DisplayName(
      "a single JDABuilder bot logs in through a custom gateway URL, with plain text frames")
  void singleJdaWithoutCompression() throws Exception {
    try (DiscordEmulator solo =
        DiscordEmulator.start(EmulatorConfig.builder().port(0).seedGuilds(2).build())) {
      JDA jda =
          JDABuilder.createLight(solo.config().token(), EnumSet.noneOf(GatewayIntent.class))
              .setRestConfig(new RestConfig().setBaseUrl(solo.restUrl()))
              .setSessionController(
                  new SessionControllerAdapter() {
                    @Override
                    public String getGateway() {
                      return solo.gatewayUrl();
                    }
                  })
              .setCompression(Compression.NONE)
              .build();
      try {
        jda.awaitReady();
        assertThat(jda.getGuilds()).hasSize(2);
        assertThat(jda.getSelfUser().getName()).isEqualTo("Sietch");
        assertThat(solo.control().sessions().get(0).path("compressed").asBoolean()).isFalse();
      } finally {
        jda.shutdownNow();
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private static JsonNode msg(long guild, String content) {
    return Json.obj().put("guild_id", Long.toUnsignedString(guild)).put("content", content);
  }

  private static String sessionOrNull(int shard) {
    for (JsonNode s : emu.control().sessions()) {
      if (s.path("shard").get(0).asInt() == shard) {
        return s.path("session_id").asText();
      }
    }
    return null;
  }

  private static boolean isConnected(int shard) {
    for (JsonNode s : emu.control().sessions()) {
      if (s.path("shard").get(0).asInt() == shard) {
        return s.path("connected").asBoolean();
      }
    }
    return false;
  }

  private static String sessionOf(int shard) {
    String s = sessionOrNull(shard);
    assertThat(s).as("session of shard " + shard).isNotNull();
    return s;
  }

  private static boolean conversationHas(long id, String kind) {
    return emu.control()
        .conversation(id)
        .map(c -> c.path("events").findValuesAsText("kind").contains(kind))
        .orElse(false);
  }

  private static JsonNode await(BooleanSupplier cond, long interaction)
      throws InterruptedException {
    awaitTrue(cond, "conversation of " + interaction);
    return emu.control().conversation(interaction).orElseThrow();
  }

  static void awaitTrue(BooleanSupplier cond, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      Thread.sleep(20);
    }
  }

  static Set<String> set() {
    return ConcurrentHashMap.newKeySet();
  }
}
