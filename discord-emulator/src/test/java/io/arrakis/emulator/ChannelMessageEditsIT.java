package io.arrakis.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arrakis.emulator.RestClient.Res;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** PATCH and DELETE {@code /channels/{c}/messages/{m}}: the bot edits and deletes its posts. */
class ChannelMessageEditsIT {
  static DiscordEmulator emu;
  static RestClient rest;
  static long guild;
  static long general;

  @BeforeAll
  static void start() {
    emu =
        DiscordEmulator.start(
            EmulatorConfig.builder().port(0).seedGuilds(1).identifyInterval(Duration.ZERO).build());
    rest = new RestClient(emu);
    guild = emu.control().guildIds().get(0);
    general = emu.control().channelId(guild, "general");
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  private static String id(long v) {
    return Long.toUnsignedString(v);
  }

  private static String post(String content) {
    Res r = rest.api("POST", "/channels/" + id(general) + "/messages", Map.of("content", content));
    assertThat(r.status()).isEqualTo(200);
    return r.body().path("id").asText();
  }

  private static JsonNode stored(String messageId) {
    for (JsonNode m : emu.control().channelMessages(general)) {
      if (m.path("id").asText().equals(messageId)) {
        return m;
      }
    }
    return null;
  }

  @Test
  @DisplayName("an edit replaces content, embeds and components, keeps the id and is timestamped")
  void editReplacesTheMessage() {
    String mid = post("census draft");
    Res r =
        rest.api(
            "PATCH",
            "/channels/" + id(general) + "/messages/" + mid,
            Map.of(
                "content",
                "census final",
                "embeds",
                List.of(Map.of("title", "Census")),
                "components",
                List.of(),
                "flags",
                4 | 64));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().path("id").asText()).isEqualTo(mid);
    assertThat(r.body().path("edited_timestamp").isNull()).isFalse();
    JsonNode m = stored(mid);
    assertThat(m.path("content").asText()).isEqualTo("census final");
    assertThat(m.path("embeds").get(0).path("title").asText()).isEqualTo("Census");
    assertThat(m.path("embeds").get(0).path("type").asText())
        .as("Discord types a bot's embeds")
        .isEqualTo("rich");
    assertThat(m.path("flags").asInt()).as("only SUPPRESS_EMBEDS can change").isEqualTo(4);
    assertThat(emu.counters().get("world.channel_message_edited")).isGreaterThanOrEqualTo(1);

    Res empty =
        rest.api(
            "PATCH",
            "/channels/" + id(general) + "/messages/" + mid,
            Map.of("content", "", "embeds", List.of()));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body().path("code").asInt()).isEqualTo(50006);
  }

  @Test
  @DisplayName("a delete removes the message; a second delete or edit is 404 10008")
  void deleteRemovesTheMessage() {
    String mid = post("to be deleted");
    String path = "/channels/" + id(general) + "/messages/" + mid;
    assertThat(rest.api("DELETE", path, null).status()).isEqualTo(204);
    assertThat(stored(mid)).isNull();
    Res again = rest.api("DELETE", path, null);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.body().path("code").asInt()).isEqualTo(10008);
    Res edit = rest.api("PATCH", path, Map.of("content", "x"));
    assertThat(edit.body().path("code").asInt()).isEqualTo(10008);
  }

  @Test
  @DisplayName("unknown channel is 10003; another user's message: edit 50005, delete 50013")
  void errorsLikeDiscord() {
    Res unknown = rest.api("PATCH", "/channels/1/messages/2", Map.of("content", "x"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().path("code").asInt()).isEqualTo(10003);

    long user = emu.control().memberIds(guild).get(0);
    InteractionRef userMessage =
        emu.control()
            .message(
                Json.obj()
                    .put("channel_id", id(general))
                    .put("user_id", id(user))
                    .put("content", "mine"));
    String path = "/channels/" + id(general) + "/messages/" + id(userMessage.id());
    Res edit = rest.api("PATCH", path, Map.of("content", "not yours"));
    assertThat(edit.status()).isEqualTo(403);
    assertThat(edit.body().path("code").asInt()).isEqualTo(50005);
    Res delete = rest.api("DELETE", path, null);
    assertThat(delete.status()).isEqualTo(403);
    assertThat(delete.body().path("code").asInt()).isEqualTo(50013);
    assertThat(stored(id(userMessage.id()))).isNotNull();
  }
}
