package io.arrakis.jda.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arrakis.discord.ActionRow;
import io.arrakis.discord.Button;
import io.arrakis.discord.Embed;
import io.arrakis.discord.EntitySelect;
import io.arrakis.discord.MessageFlag;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.StringSelect;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.utils.data.SerializableData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link JdaMessages}: what JDA sends for a payload is what {@link MessageJson} (the system's own
 * encoding of Discord's message JSON) reads back as the same payload.
 */
class JdaMessagesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(SerializableData data) throws Exception {
    return JSON.readTree(new String(data.toData().toJson(), StandardCharsets.UTF_8));
  }

  private static MessagePayload sent(SerializableData data) throws Exception {
    return MessageJson.decode(json(data), "message");
  }

  private static Embed fullEmbed() {
    return Embed.builder()
        .title("Census")
        .url("https://sietch.example/census")
        .description("The top 69 holders")
        .color(0xC2A25A)
        .field("Naib", "7 seats", true)
        .field("Fedaykin", "62 seats", true)
        .field("Waitlist", "ranks 70-100")
        .footer("updated every 6 hours")
        .thumbnailUrl("https://sietch.example/sietch.png")
        .build();
  }

  private static MessagePayload everything(Set<MessageFlag> flags) {
    StringSelect tiers =
        new StringSelect(
            "tier:pick",
            List.of(
                new StringSelect.Option("Naib", "naib", Optional.of("ranks 1-7"), true),
                StringSelect.Option.of("Fedaykin", "fedaykin")),
            Optional.of("Pick a tier"),
            0,
            2,
            false);
    return new MessagePayload(
        "Position update",
        List.of(fullEmbed(), Embed.builder().description("second").color(0).build()),
        List.of(
            ActionRow.of(
                Button.primary("alerts:on", "Turn on"),
                Button.danger("alerts:off", "Turn off").asDisabled(),
                Button.link("https://sietch.example/profile", "Profile").withEmoji("🏜️"),
                new Button(
                    Button.Style.SUCCESS,
                    "",
                    Optional.of("water:share"),
                    Optional.empty(),
                    Optional.of("💧"),
                    false)),
            ActionRow.of(tiers),
            ActionRow.of(EntitySelect.of(EntitySelect.Kind.USER, "share:who")),
            ActionRow.of(
                new EntitySelect(
                    EntitySelect.Kind.ROLE, "role:pick", Optional.of("A role"), 1, 3, true)),
            ActionRow.of(EntitySelect.of(EntitySelect.Kind.MENTIONABLE, "mention:pick"))),
        flags);
  }

  @Test
  @DisplayName("a new message carries content, every embed field, buttons and selects unchanged")
  void createCarriesTheWholePayload() throws Exception {
    MessagePayload payload = everything(Set.of());

    assertThat(sent(JdaMessages.create(payload))).isEqualTo(payload);
  }

  @Test
  void aChannelSelectIsAChannelSelect() throws Exception {
    MessagePayload payload =
        MessagePayload.builder()
            .content("where?")
            .row(EntitySelect.of(EntitySelect.Kind.CHANNEL, "alerts:channel"))
            .build();

    JsonNode select = json(JdaMessages.create(payload)).path("components").get(0);
    assertThat(select.path("components").get(0).path("type").asInt()).isEqualTo(8);
    assertThat(sent(JdaMessages.create(payload))).isEqualTo(payload);
  }

  @Test
  @DisplayName("EPHEMERAL is dropped; SUPPRESS_EMBEDS and SUPPRESS_NOTIFICATIONS are kept")
  void ephemeralIsDroppedOtherFlagsKept() throws Exception {
    MessagePayload payload = everything(EnumSet.allOf(MessageFlag.class));

    JsonNode body = json(JdaMessages.create(payload));

    assertThat(body.path("flags").asInt()).isEqualTo((1 << 2) | (1 << 12));
    assertThat(sent(JdaMessages.create(payload)))
        .isEqualTo(
            everything(
                EnumSet.of(MessageFlag.SUPPRESS_EMBEDS, MessageFlag.SUPPRESS_NOTIFICATIONS)));
    assertThat(json(JdaMessages.create(MessagePayload.ephemeralText("psst"))).path("flags").asInt())
        .isZero();
  }

  @Test
  @DisplayName("an edit replaces the whole message: empty embeds and components clear them")
  void editReplacesEverything() throws Exception {
    JsonNode body = json(JdaMessages.edit(MessagePayload.text("only text now")));

    assertThat(body.path("content").asText()).isEqualTo("only text now");
    assertThat(body.path("embeds").isArray()).isTrue();
    assertThat(body.path("embeds")).isEmpty();
    assertThat(body.path("components").isArray()).isTrue();
    assertThat(body.path("components")).isEmpty();
    assertThat(sent(JdaMessages.edit(everything(Set.of())))).isEqualTo(everything(Set.of()));
  }

  @Test
  @DisplayName("an edit can only change SUPPRESS_EMBEDS")
  void editKeepsOnlySuppressEmbeds() throws Exception {
    MessagePayload payload = everything(EnumSet.allOf(MessageFlag.class));

    assertThat(json(JdaMessages.edit(payload)).path("flags").asInt()).isEqualTo(1 << 2);
  }

  @Test
  @DisplayName("only user mentions may ping: no @everyone or role pings from member-chosen text")
  void onlyUserMentionsPing() throws Exception {
    MessagePayload payload = MessagePayload.text("@everyone welcome <@&77> and <@555>");

    for (JsonNode body :
        List.of(json(JdaMessages.create(payload)), json(JdaMessages.edit(payload)))) {
      assertThat(body.path("allowed_mentions").path("parse"))
          .extracting(JsonNode::asText)
          .containsExactly("users");
    }
  }

  @Test
  void aCustomEmojiKeepsItsId() throws Exception {
    MessagePayload payload =
        MessagePayload.builder()
            .row(
                new Button(
                    Button.Style.SECONDARY,
                    "Spice",
                    Optional.of("spice"),
                    Optional.empty(),
                    Optional.of("<:spice:1190000000000000001>"),
                    false))
            .build();

    JsonNode emoji =
        json(JdaMessages.create(payload))
            .path("components")
            .get(0)
            .path("components")
            .get(0)
            .path("emoji");
    assertThat(emoji.path("name").asText()).isEqualTo("spice");
    assertThat(emoji.path("id").asText()).isEqualTo("1190000000000000001");
  }

  @Test
  @DisplayName("what Discord would refuse fails here, before any request")
  void invalidPayloadsFailBeforeSending() {
    assertThatThrownBy(() -> JdaMessages.create(MessagePayload.text("")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                JdaMessages.create(
                    MessagePayload.builder()
                        .embed(Embed.builder().title("x").url("ftp://nope").build())
                        .build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                JdaMessages.create(
                    MessagePayload.builder()
                        .embed(Embed.builder().color(0xFF0000).build())
                        .build()))
        .isInstanceOf(IllegalStateException.class);
  }
}
