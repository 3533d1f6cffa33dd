package io.arrakis.emulator;

import static io.arrakis.emulator.JdaFidelityIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arrakis.emulator.RestClient.Res;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.guild.member.GuildMemberJoinEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRemoveEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every kind of user action the control API can simulate, driven over HTTP, must arrive in JDA as
 * the right event with the right data; JDA's answers are read back from the conversation.
 */
class JdaInteractionsIT {
  static DiscordEmulator emu;
  static RestClient http;
  static JDA jda;
  static String guild;
  static String user;
  static final List<String> seen = new CopyOnWriteArrayList<>();

  static final class Bot extends ListenerAdapter {
    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent e) {
      if (e.getName().equals("check")) {
        e.deferReply().queue(hook -> hook.editOriginal("eligible").queue());
        return;
      }
      if (e.getName().equals("register")) {
        e.replyModal(
                Modal.create("wallet-modal", "Your wallet")
                    .addComponents(
                        Label.of(
                            "Wallet", TextInput.create("wallet", TextInputStyle.SHORT).build()))
                    .build())
            .queue();
      }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent e) {
      seen.add("button:" + e.getComponentId() + ":" + e.getUser().getId());
      e.reply("clicked").setEphemeral(true).queue();
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent e) {
      seen.add("select:" + e.getComponentId() + ":" + String.join(",", e.getValues()));
      e.editMessage("picked " + String.join(",", e.getValues())).queue();
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent e) {
      String wallet = e.getValue("wallet").getAsString();
      seen.add("modal:" + e.getModalId() + ":" + wallet);
      e.deferReply(true).queue(hook -> hook.sendMessage("saved " + wallet).queue());
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent e) {
      seen.add(
          "autocomplete:" + e.getFocusedOption().getName() + ":" + e.getFocusedOption().getValue());
      e.replyChoices(
              new Command.Choice("Arrakis", "arrakis"), new Command.Choice("Caladan", "caladan"))
          .queue();
    }

    @Override
    public void onGuildMemberJoin(GuildMemberJoinEvent e) {
      seen.add("join:" + e.getUser().getName());
    }

    @Override
    public void onGuildMemberRemove(GuildMemberRemoveEvent e) {
      seen.add("leave:" + e.getUser().getId());
    }

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent e) {
      seen.add("reaction:" + e.getEmoji().getName() + ":" + e.getMessageId());
    }
  }

  @BeforeAll
  static void start() throws Exception {
    emu = DiscordEmulator.start(EmulatorConfig.builder().port(0).seedGuilds(1).build());
    http = new RestClient(emu);
    jda =
        JDABuilder.createLight(
                emu.config().token(),
                EnumSet.of(
                    GatewayIntent.GUILD_MEMBERS,
                    GatewayIntent.GUILD_MESSAGES,
                    GatewayIntent.GUILD_MESSAGE_REACTIONS))
            .setRestConfig(new RestConfig().setBaseUrl(emu.restUrl()))
            .setSessionController(
                new SessionControllerAdapter() {
                  @Override
                  public String getGateway() {
                    return emu.gatewayUrl();
                  }
                })
            .addEventListeners(new Bot())
            .build()
            .awaitReady();
    JsonNode world = http.control("GET", "/world", null).body();
    guild = world.path("guilds").get(0).path("id").asText();
    user = emu.control().memberIds(Long.parseUnsignedLong(guild)).get(0).toString();
    jda.getGuildById(guild)
        .updateCommands()
        .addCommands(
            Commands.slash("register", "Register a wallet"),
            Commands.slash("travel", "Travel")
                .addOption(OptionType.STRING, "planet", "where", true, true))
        .complete();
  }

  @AfterAll
  static void stop() {
    jda.shutdownNow();
    emu.close();
  }

  private static JsonNode conversation(String id, String kind) throws InterruptedException {
    awaitTrue(
        () ->
            http.control("GET", "/interactions/" + id, null)
                .body()
                .path("events")
                .findValuesAsText("kind")
                .contains(kind),
        kind + " of " + id);
    return http.control("GET", "/interactions/" + id, null).body();
  }

  @Test
  @DisplayName("button click → ButtonInteractionEvent; ephemeral reply recorded")
  void buttonClick() throws Exception {
    Res r =
        http.control(
            "POST",
            "/interactions/button",
            Map.of("guild_id", guild, "user_id", user, "custom_id", "claim:42"));
    assertThat(r.status()).isEqualTo(200);
    JsonNode conv = conversation(r.body().path("id").asText(), "callback");
    assertThat(seen).contains("button:claim:42:" + user);
    assertThat(conv.path("callback_type").asInt()).isEqualTo(4);
    assertThat(conv.path("original").path("flags").asInt() & 64).isEqualTo(64);
    assertThat(conv.path("original").path("content").asText()).isEqualTo("clicked");
  }

  @Test
  @DisplayName(
      "select → StringSelectInteractionEvent; editMessage updates the message the menu is on")
  void selectChoice() throws Exception {
    Res r =
        http.control(
            "POST",
            "/interactions/select",
            Map.of(
                "guild_id",
                guild,
                "user_id",
                user,
                "custom_id",
                "tier",
                "values",
                List.of("naib")));
    JsonNode conv = conversation(r.body().path("id").asText(), "callback");
    assertThat(seen).contains("select:tier:naib");
    assertThat(conv.path("callback_type").asInt()).isEqualTo(7);
    long general = emu.control().channelId(Long.parseUnsignedLong(guild), "general");
    assertThat(emu.control().channelMessages(general).findValuesAsText("content"))
        .contains("picked naib");
  }

  @Test
  @DisplayName(
      "slash → replyModal (type 9); modal submit → ModalInteractionEvent; deferred followup")
  void modalFlow() throws Exception {
    Res slash =
        http.control(
            "POST",
            "/interactions/slash",
            Map.of("guild_id", guild, "user_id", user, "name", "register"));
    JsonNode modal = conversation(slash.body().path("id").asText(), "callback");
    assertThat(modal.path("callback_type").asInt()).isEqualTo(9);
    assertThat(modal.path("events").get(0).path("body").path("data").path("custom_id").asText())
        .isEqualTo("wallet-modal");

    Res submit =
        http.control(
            "POST",
            "/interactions/modal",
            Map.of(
                "guild_id",
                guild,
                "user_id",
                user,
                "custom_id",
                "wallet-modal",
                "fields",
                Map.of("wallet", "0xabc")));
    JsonNode conv = conversation(submit.body().path("id").asText(), "followup");
    assertThat(seen).contains("modal:wallet-modal:0xabc");
    assertThat(conv.path("callback_type").asInt()).isEqualTo(5);
    assertThat(conv.path("followups").get(0).path("content").asText()).isEqualTo("saved 0xabc");
  }

  @Test
  @DisplayName("autocomplete → CommandAutoCompleteInteractionEvent; choices recorded (type 8)")
  void autocomplete() throws Exception {
    Res r =
        http.control(
            "POST",
            "/interactions/autocomplete",
            Map.of(
                "guild_id",
                guild,
                "user_id",
                user,
                "name",
                "travel",
                "focused",
                "planet",
                "options",
                Map.of("planet", "ar")));
    JsonNode conv = conversation(r.body().path("id").asText(), "callback");
    assertThat(seen).contains("autocomplete:planet:ar");
    assertThat(conv.path("callback_type").asInt()).isEqualTo(8);
    assertThat(
            conv.path("events")
                .get(0)
                .path("body")
                .path("data")
                .path("choices")
                .findValuesAsText("value"))
        .containsExactly("arrakis", "caladan");
  }

  @Test
  @DisplayName("members join and leave; a user message and a reaction arrive as JDA events")
  void membersMessagesAndReactions() throws Exception {
    Res join = http.control("POST", "/guilds/" + guild + "/members", Map.of("username", "stilgar"));
    assertThat(join.status()).isEqualTo(200);
    String newUser = join.body().path("user").path("id").asText();
    awaitTrue(() -> seen.contains("join:stilgar"), "join event");
    assertThat(http.control("DELETE", "/guilds/" + guild + "/members/" + newUser, null).status())
        .isEqualTo(204);
    awaitTrue(() -> seen.contains("leave:" + newUser), "leave event");

    Res msg =
        http.control(
            "POST", "/messages", Map.of("guild_id", guild, "user_id", user, "content", "gm"));
    String messageId = msg.body().path("id").asText();
    Res react =
        http.control(
            "POST",
            "/reactions",
            Map.of("guild_id", guild, "user_id", user, "message_id", messageId, "emoji", "🔥"));
    assertThat(react.status()).isEqualTo(200);
    awaitTrue(() -> seen.contains("reaction:🔥:" + messageId), "reaction event");
    JsonNode counters = http.control("GET", "/counters", null).body();
    assertThat(counters.path("dispatched_per_shard").path("0").asLong()).isPositive();
  }

  @Test
  @DisplayName(
      "a load run of slash commands: JDA answers them all; the run reports response latencies")
  void loadRunReportsInteractionLatencies() throws Exception {
    Res started =
        http.control(
            "POST",
            "/load",
            Map.of(
                "stages", List.of(Map.of("duration_ms", 1000, "rate", 100)),
                "mix", Map.of("INTERACTION_CREATE", 1),
                "commands", List.of(Map.of("name", "check"))));
    assertThat(started.status()).isEqualTo(202);
    int run = started.body().path("run_id").asInt();
    awaitTrue(
        () -> {
          JsonNode it = http.control("GET", "/load/" + run, null).body().path("interactions");
          return it.path("created").asInt() == 100 && it.path("answered").asInt() == 100;
        },
        "all 100 load interactions answered");
    JsonNode stats = http.control("GET", "/load/" + run, null).body().path("interactions");
    assertThat(stats.path("unanswered").asInt()).isZero();
    JsonNode cb = stats.path("callback_ms");
    assertThat(cb.path("p50").asDouble()).isLessThanOrEqualTo(cb.path("p99").asDouble());
    assertThat(cb.path("p99").asDouble()).isLessThanOrEqualTo(cb.path("max").asDouble());
    String anyId =
        http.control("GET", "/load/" + run + "/ledger", null)
            .raw()
            .body()
            .lines()
            .findFirst()
            .map(l -> Json.parse(l).path("id").asText())
            .orElseThrow();
    awaitTrue(
        () ->
            http.control("GET", "/interactions/" + anyId, null)
                .body()
                .path("events")
                .findValuesAsText("kind")
                .contains("edit_original"),
        "edit of a load interaction");
    assertThat(http.control("GET", "/interactions/" + anyId, null).body().path("name").asText())
        .isEqualTo("check");
  }

  @Test
  @DisplayName(
      "world setup over HTTP reaches JDA: a joined guild, a new role, a new channel, a member update")
  void worldSetupIsAnnounced() throws Exception {
    Res g = http.control("POST", "/guilds", Map.of("name", "New Sietch"));
    String newGuild = g.body().path("id").asText();
    awaitTrue(() -> jda.getGuildById(newGuild) != null, "JDA sees the joined guild");
    assertThat(jda.getGuildById(newGuild).getName()).isEqualTo("New Sietch");
    assertThat(jda.getGuildById(newGuild).getSelfMember().getRoles()).isNotEmpty();
    assertThat(http.control("DELETE", "/guilds/" + newGuild, null).status()).isEqualTo(204);
    awaitTrue(() -> jda.getGuildById(newGuild) == null, "JDA saw GUILD_DELETE and left the guild");

    Res role =
        http.control(
            "POST", "/guilds/" + guild + "/roles", Map.of("name", "Sandrider", "position", 5));
    String roleId = role.body().path("id").asText();
    awaitTrue(() -> jda.getRoleById(roleId) != null, "JDA sees the new role");
    Res ch =
        http.control(
            "POST", "/guilds/" + guild + "/channels", Map.of("name", "alerts", "topic", "Alerts"));
    String channelId = ch.body().path("id").asText();
    awaitTrue(() -> jda.getTextChannelById(channelId) != null, "JDA sees the new channel");
    assertThat(jda.getTextChannelById(channelId).getName()).isEqualTo("alerts");

    Res upd =
        http.control(
            "PATCH",
            "/guilds/" + guild + "/members/" + user,
            Map.of("roles", List.of(roleId), "nick", "Usul"));
    assertThat(upd.status()).isEqualTo(200);
    assertThat(
            http.control("GET", "/guilds/" + guild + "/members/" + user + "/roles", null)
                .body()
                .findValuesAsText(""))
        .isEmpty();
    assertThat(
            http.control("GET", "/guilds/" + guild + "/members/" + user + "/roles", null)
                .body()
                .toString())
        .contains(roleId);
  }

  @Test
  @DisplayName("a slash command in a DM carries the user (no member) and can be answered")
  void directMessageInteraction() throws Exception {
    Res r =
        http.control(
            "POST", "/interactions/slash", Map.of("dm", true, "user_id", user, "name", "whoami"));
    assertThat(r.status()).isEqualTo(200);
    String id = r.body().path("id").asText();
    Res cb =
        http.call(
            "POST",
            "/api/v10/interactions/" + id + "/" + r.body().path("token").asText() + "/callback",
            Map.of("type", 4, "data", Map.of("content", "hi in DM")),
            null);
    assertThat(cb.status()).isEqualTo(204);
    assertThat(
            http.control("GET", "/interactions/" + id, null)
                .body()
                .path("original")
                .path("content")
                .asText())
        .isEqualTo("hi in DM");
  }

  @Test
  @DisplayName("autocomplete on an option not typed yet arrives focused and empty")
  void autocompleteOnEmptyOption() throws Exception {
    Res r =
        http.control(
            "POST",
            "/interactions/autocomplete",
            Map.of("guild_id", guild, "user_id", user, "name", "travel", "focused", "planet"));
    conversation(r.body().path("id").asText(), "callback");
    assertThat(seen).contains("autocomplete:planet:");
  }

  @Test
  void controlApiRejectsBadRequestsClearly() {
    Res noName = http.control("POST", "/interactions/slash", Map.of("guild_id", guild));
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.body().path("message").asText()).contains("name");
    assertThat(http.control("GET", "/nope", null).status()).isEqualTo(404);
    assertThat(http.control("GET", "/interactions/123", null).status()).isEqualTo(404);
  }
}
