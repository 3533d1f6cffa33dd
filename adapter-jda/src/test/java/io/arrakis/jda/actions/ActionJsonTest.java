package io.arrakis.jda.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.DiscordAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ActionJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<DiscordAction> everyKind() {
    return Actions.everyKind().stream();
  }

  @Test
  void theSamplesCoverEveryKind() {
    Set<DiscordAction.Kind> kinds =
        Actions.everyKind().stream()
            .map(DiscordAction::kind)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(DiscordAction.Kind.class)));
    assertThat(kinds).isEqualTo(EnumSet.allOf(DiscordAction.Kind.class));
  }

  @ParameterizedTest
  @MethodSource("everyKind")
  void givenAnActionOfEachKind_encodeThenDecode_givesAnEqualAction(DiscordAction action) {
    byte[] bytes = ActionJson.encode(action);

    assertThat(ActionJson.decode(bytes)).isEqualTo(action);
  }

  @ParameterizedTest
  @MethodSource("everyKind")
  void givenAnActionOfEachKind_encode_writesVersionKindAndIdFirst(DiscordAction action)
      throws Exception {
    JsonNode json = JSON.readTree(ActionJson.encode(action));

    assertThat(json.path("v").isInt()).isTrue();
    assertThat(json.path("v").intValue()).isEqualTo(1);
    assertThat(json.path("kind").textValue()).isEqualTo(action.kind().key());
    assertThat(json.path("action_id").textValue()).isEqualTo(action.actionId());
    assertThat(json.fieldNames()).toIterable().startsWith("v", "kind", "action_id");
    if (action.guildId().isPresent()) {
      assertThat(json.path("guild_id").isTextual()).isTrue();
    } else {
      assertThat(json.has("guild_id")).isFalse();
    }
  }

  @Test
  void givenARoleAdd_encode_writesIdsAsDiscordStyleStrings() throws Exception {
    JsonNode json = JSON.readTree(ActionJson.encode(Actions.addRole()));

    assertThat(json.path("guild_id").textValue()).isEqualTo("81384788765712384");
    assertThat(json.path("user_id").textValue()).isEqualTo("80351110224678912");
    assertThat(json.path("role_id").textValue()).isEqualTo("1131231931311313133");
    assertThat(json.path("reason").textValue()).isEqualTo("eligibility sync: rank 12");
  }

  @Test
  void givenIdsAbove2To63_encode_writesThemUnsignedAndDecodeReadsThemBack() throws Exception {
    var action =
        new DiscordAction.DeleteMessage("high", Actions.HIGH_ID, Actions.HIGH_ID, Actions.HIGH_ID);
    JsonNode json = JSON.readTree(ActionJson.encode(action));

    assertThat(json.path("guild_id").textValue()).isEqualTo("17293822569102704641");
    assertThat(ActionJson.decode(ActionJson.encode(action))).isEqualTo(action);
  }

  @Test
  void givenAMessage_encode_writesDiscordsMessageJson() throws Exception {
    JsonNode message = JSON.readTree(ActionJson.encode(Actions.edit())).path("message");

    assertThat(message.path("content").textValue()).startsWith("Your position changed");
    assertThat(message.path("flags").intValue()).isEqualTo((1 << 2) | (1 << 12));
    JsonNode embed = message.path("embeds").get(0);
    assertThat(embed.path("type").textValue()).isEqualTo("rich");
    assertThat(embed.path("color").intValue()).isEqualTo(0xFFD700);
    assertThat(embed.path("footer").path("text").textValue()).startsWith("Get notified");
    assertThat(embed.path("thumbnail").path("url").textValue()).endsWith("p.png");
    assertThat(embed.path("fields").get(0).path("inline").booleanValue()).isTrue();
    JsonNode rows = message.path("components");
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).path("type").intValue()).isEqualTo(1);
    JsonNode link = rows.get(0).path("components").get(2);
    assertThat(link.path("style").intValue()).isEqualTo(5);
    assertThat(link.path("url").textValue()).isEqualTo("https://example.org");
    assertThat(link.path("emoji").path("name").textValue()).isEqualTo("📜");
    assertThat(link.has("custom_id")).isFalse();
    JsonNode select = rows.get(1).path("components").get(0);
    assertThat(select.path("type").intValue()).isEqualTo(3);
    assertThat(select.path("options").get(1).path("default").booleanValue()).isTrue();
    assertThat(select.path("min_values").intValue()).isZero();
    assertThat(rows.get(2).path("components").get(0).path("type").intValue()).isEqualTo(6);
    assertThat(rows.get(3).path("components").get(0).path("type").intValue()).isEqualTo(8);
  }

  @Test
  void givenAPlainTextMessage_encode_keepsEmptyEmbedsAndComponentsSoAnEditClearsThem()
      throws Exception {
    JsonNode message = JSON.readTree(ActionJson.encode(Actions.post())).path("message");

    assertThat(message.path("embeds").isArray()).isTrue();
    assertThat(message.path("embeds")).isEmpty();
    assertThat(message.path("components").isArray()).isTrue();
    assertThat(message.path("components")).isEmpty();
    assertThat(message.has("flags")).isFalse();
  }

  @Test
  void givenAHandWrittenDiscordMessage_decode_fillsDefaultsForAbsentOptionalFields() {
    String body =
        """
        {"v":1,"kind":"channel.post","action_id":"a1","guild_id":"1","channel_id":"2",
         "message":{"embeds":[{"title":"t","fields":[{"name":"n","value":"v"}],"footer":null}],
                    "components":[{"type":1,"components":[
                       {"type":2,"style":1,"custom_id":"go","label":"Go"}]},
                     {"type":1,"components":[{"type":3,"custom_id":"s",
                       "options":[{"label":"A","value":"a"}]}]}],
                    "flags":64},
         "some_future_field":{"ignored":true}}
        """;

    DiscordAction.PostToChannel post = (DiscordAction.PostToChannel) decode(body);

    MessagePayload m = post.message();
    assertThat(m.content()).isEmpty();
    assertThat(m.ephemeral()).isTrue();
    assertThat(m.embeds().get(0).fields().get(0).inline()).isFalse();
    assertThat(m.embeds().get(0).footer()).isEmpty();
    assertThat(m.components()).hasSize(2);
  }

  @Test
  void givenNoBytes_decode_failsWithEmptyPayload() {
    assertMalformed(new byte[0], "empty payload");
    assertMalformed((byte[]) null, "empty payload");
  }

  @Test
  void givenBrokenJson_decode_failsWithThePositionOnlyNeverTheInput() {
    assertThatThrownBy(() -> decode("{\"v\":1, \"kind\": secret-text}"))
        .isInstanceOf(MalformedActionException.class)
        .hasMessageStartingWith("not valid JSON (line 1, column")
        .hasMessageNotContaining("secret");
  }

  @Test
  void givenTrailingGarbageOrADuplicateField_decode_failsAsInvalidJson() {
    assertThat(ActionJson.decode(ActionJson.encode(Actions.delete()))).isEqualTo(Actions.delete());
    assertMalformedText(new String(ActionJson.encode(Actions.delete())) + " {}", "not valid JSON");
    assertMalformedText(
        "{\"v\":1,\"action_id\":\"a\",\"action_id\":\"b\",\"kind\":\"message.delete\"}",
        "not valid JSON");
  }

  @Test
  void givenJsonThatIsNotAnObject_decode_failsSayingSo() {
    assertMalformedText("[1,2]", "payload is not a JSON object");
    assertMalformedText("null", "payload is not a JSON object");
  }

  @Test
  void givenAMissingOrOtherVersion_decode_failsNamingV() {
    assertMalformedJson(j -> j.remove("v"), "missing field v");
    assertMalformedJson(j -> j.put("v", 2), "unsupported v 2 (this reader reads 1)");
    assertMalformedJson(j -> j.put("v", "1"), "field v must be a 32-bit integer, got string");
  }

  @Test
  void givenABadActionId_decode_failsNamingActionId() {
    assertMalformedJson(j -> j.remove("action_id"), "missing field action_id");
    assertMalformedJson(j -> j.put("action_id", 7), "field action_id must be a string");
    assertMalformedJson(
        j -> j.put("action_id", "has space"),
        "field action_id must be 1-200 characters of [A-Za-z0-9:._-]");
    assertMalformedJson(
        j -> j.put("action_id", "x".repeat(201)),
        "field action_id must be 1-200 characters of [A-Za-z0-9:._-]");
  }

  @Test
  void givenAnUnknownOrMissingKind_decode_failsNamingKindAndTheActionId() {
    assertMalformedJson(
        j -> j.put("kind", "role.grant"),
        "action census:2026-48:edit: field kind is not a known action kind: \"role.grant\"");
    assertMalformedJson(j -> j.remove("kind"), "action census:2026-48:edit: missing field kind");
  }

  @Test
  void givenBadIds_decode_failsNamingTheField() {
    assertMalformedJson(j -> j.remove("guild_id"), "missing field guild_id");
    assertMalformedJson(
        j -> j.put("channel_id", 41771983423143937L),
        "field channel_id must be a snowflake string, got number 41771983423143937");
    assertMalformedJson(
        j -> j.put("message_id", "-5"),
        "field message_id must be a snowflake (decimal digits): \"-5\"");
    assertMalformedJson(
        j -> j.put("message_id", "18446744073709551616"),
        "field message_id is out of the 64-bit snowflake range: 18446744073709551616");
    assertMalformedJson(
        j -> j.put("guild_id", ""), "field guild_id must be a snowflake (decimal digits)");
  }

  @Test
  void givenRoleOrDmFieldsMissing_decode_failsNamingThem() {
    ObjectNode role = tree(Actions.addRole());
    role.remove("reason");
    assertMalformedText(role.toString(), "missing field reason");
    ObjectNode removal = tree(Actions.removeRole());
    removal.put("role_id", true);
    assertMalformedText(
        removal.toString(), "field role_id must be a snowflake string, got boolean");
    ObjectNode dm = tree(Actions.directMessage());
    dm.remove("purpose");
    assertMalformedText(dm.toString(), "missing field purpose");
    ObjectNode dmUser = tree(Actions.directMessage());
    dmUser.remove("user_id");
    assertMalformedText(dmUser.toString(), "missing field user_id");
  }

  @Test
  void givenTheNewKinds_encode_writesTheDocumentedFields() throws Exception {
    JsonNode role = JSON.readTree(ActionJson.encode(Actions.createRole()));
    assertThat(role.get("name").asText()).isEqualTo("Fedaykin");
    assertThat(role.get("color").intValue()).isEqualTo(0xC0FFEE);
    assertThat(role.get("hoist").booleanValue()).isTrue();
    assertThat(role.get("mentionable").booleanValue()).isFalse();
    JsonNode edit = JSON.readTree(ActionJson.encode(Actions.editRole()));
    assertThat(edit.get("role_id").asText()).isEqualTo(Long.toString(Actions.ROLE));
    JsonNode channel = JSON.readTree(ActionJson.encode(Actions.createChannel()));
    assertThat(channel.get("parent_id").asText()).isEqualTo(Long.toString(Actions.CHANNEL));
    assertThat(channel.get("topic").asText()).isEqualTo("joins and leaves");
    assertThat(
            JSON.readTree(ActionJson.encode(Actions.createChannelWithoutCategory()))
                .has("parent_id"))
        .isFalse();
    assertThat(JSON.readTree(ActionJson.encode(Actions.requestMembers())).size()).isEqualTo(4);
  }

  @Test
  void givenBadRoleOrChannelFields_decode_failsNamingThem() {
    ObjectNode color = tree(Actions.createRole());
    color.put("color", 0x1000000);
    assertMalformedText(color.toString(), "color must be 0x000000-0xFFFFFF");
    ObjectNode colorType = tree(Actions.editRole());
    colorType.put("color", "gold");
    assertMalformedText(colorType.toString(), "field color must be a 32-bit integer, got string");
    ObjectNode name = tree(Actions.createChannel());
    name.put("name", "x".repeat(101));
    assertMalformedText(name.toString(), "name must be 1-100 characters");
    ObjectNode noName = tree(Actions.createRole());
    noName.remove("name");
    assertMalformedText(noName.toString(), "missing field name");
    ObjectNode parent = tree(Actions.createChannel());
    parent.put("parent_id", "general");
    assertMalformedText(parent.toString(), "field parent_id must be a snowflake");
    ObjectNode guild = tree(Actions.requestMembers());
    guild.remove("guild_id");
    assertMalformedText(guild.toString(), "missing field guild_id");
  }

  @Test
  void givenAMissingOrNonObjectMessage_decode_failsNamingMessage() {
    assertMalformedJson(j -> j.remove("message"), "missing field message");
    assertMalformedJson(j -> j.put("message", "hi"), "field message must be an object, got string");
  }

  @Test
  void givenBadMessageParts_decode_failsNamingThePathInsideTheMessage() {
    assertMalformedJson(
        j -> message(j).put("content", "x".repeat(2001)),
        "message: content is at most 2000 characters, got 2001");
    assertMalformedJson(
        j -> message(j).put("content", 5), "field message.content must be a string, got number");
    assertMalformedJson(
        j -> message(j).put("flags", 1 << 3),
        "field message.flags has bits this system does not send: 0x8");
    assertMalformedJson(
        j -> embed(j, 0).put("color", 0x1000000),
        "message.embeds[0]: embed color must be 0x000000-0xFFFFFF: 16777216");
    assertMalformedJson(
        j -> embed(j, 0).put("color", "gold"),
        "field message.embeds[0].color must be a 32-bit integer, got string");
    assertMalformedJson(
        j -> ((ObjectNode) embed(j, 0).path("fields").get(1)).remove("value"),
        "missing field message.embeds[0].fields[1].value");
    assertMalformedJson(
        j -> ((ObjectNode) embed(j, 0).path("footer")).remove("text"),
        "missing field message.embeds[0].footer.text");
    assertMalformedJson(
        j -> embed(j, 0).put("thumbnail", "https://cdn.example/p.png"),
        "field message.embeds[0].thumbnail must be an object, got string");
    assertMalformedJson(
        j -> ((ArrayNode) message(j).path("embeds")).add(3),
        "field message.embeds[2] must be an object, got number");
  }

  @Test
  void givenBadComponents_decode_failsNamingTheComponentsPath() {
    assertMalformedJson(
        j -> row(j, 0).put("type", 2),
        "field message.components[0].type must be 1 (an action row), got 2");
    assertMalformedJson(
        j -> row(j, 0).remove("components"), "missing field message.components[0].components");
    assertMalformedJson(
        j -> row(j, 0).putArray("components"),
        "message.components[0]: an action row needs at least one component");
    assertMalformedJson(
        j -> component(j, 0, 1).put("type", 4),
        "field message.components[0].components[1].type must be 2 (button), 3 (string select)"
            + " or 5-8 (entity select), got 4");
    assertMalformedJson(
        j -> component(j, 0, 0).put("style", 9),
        "field message.components[0].components[0].style must be a button style 1-5, got 9");
    assertMalformedJson(
        j -> component(j, 0, 2).put("custom_id", "docs"),
        "message.components[0].components[2]: a link button has a url and no custom_id");
    assertMalformedJson(
        j -> component(j, 0, 2).putObject("emoji"),
        "missing field message.components[0].components[2].emoji.name");
    assertMalformedJson(
        j -> component(j, 0, 1).put("disabled", "yes"),
        "field message.components[0].components[1].disabled must be a boolean, got string");
    assertMalformedJson(
        j -> ((ObjectNode) component(j, 1, 0).path("options").get(0)).remove("value"),
        "missing field message.components[1].components[0].options[0].value");
    assertMalformedJson(
        j -> component(j, 1, 0).put("max_values", 9),
        "message.components[1].components[0]: select min/max values out of range: 0/9 of 3");
    assertMalformedJson(
        j -> component(j, 2, 0).remove("custom_id"),
        "missing field message.components[2].components[0].custom_id");
  }

  @Test
  void givenAMalformedMessage_theExceptionCarriesTheActionId() {
    ObjectNode json = tree(Actions.edit());
    message(json).put("flags", "64");

    assertThatThrownBy(() -> decode(json.toString()))
        .isInstanceOfSatisfying(
            MalformedActionException.class,
            ex -> assertThat(ex.actionId()).contains("census:2026-48:edit"))
        .hasMessage(
            "action census:2026-48:edit: field message.flags must be a 32-bit integer, got string");
  }

  // The malformed-input cases start from a valid EditMessage (it has every field shape) and break
  // one thing.

  private static void assertMalformedJson(Consumer<ObjectNode> breakIt, String expected) {
    ObjectNode json = tree(Actions.edit());
    breakIt.accept(json);
    assertMalformedText(json.toString(), expected);
  }

  private static void assertMalformedText(String body, String expected) {
    assertThatThrownBy(() -> decode(body))
        .isInstanceOf(MalformedActionException.class)
        .hasMessageContaining(expected);
  }

  private static void assertMalformed(byte[] body, String expected) {
    assertThatThrownBy(() -> ActionJson.decode(body))
        .isInstanceOf(MalformedActionException.class)
        .hasMessage(expected);
  }

  private static DiscordAction decode(String body) {
    return ActionJson.decode(body.getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode tree(DiscordAction action) {
    return ActionJson.toJson(action);
  }

  private static ObjectNode message(ObjectNode action) {
    return (ObjectNode) action.path("message");
  }

  private static ObjectNode embed(ObjectNode action, int index) {
    return (ObjectNode) message(action).path("embeds").get(index);
  }

  private static ObjectNode row(ObjectNode action, int index) {
    return (ObjectNode) message(action).path("components").get(index);
  }

  private static ObjectNode component(ObjectNode action, int row, int index) {
    return (ObjectNode) row(action, row).path("components").get(index);
  }
}
