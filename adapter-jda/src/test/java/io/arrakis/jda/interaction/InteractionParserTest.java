package io.arrakis.jda.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.discord.ComponentType;
import io.arrakis.discord.GuildMember;
import io.arrakis.discord.Interaction;
import io.arrakis.discord.Interaction.Autocomplete;
import io.arrakis.discord.Interaction.ComponentInteraction;
import io.arrakis.discord.Interaction.ModalSubmit;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.MalformedInteractionException;
import io.arrakis.discord.OptionValue;
import io.arrakis.discord.Snowflake;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Over payloads captured from the discord-emulator's gateway (INTERACTION_CREATE {@code d}, see
 * {@code src/test/resources/interactions/README.md}) plus hand-made variants of them.
 */
class InteractionParserTest {
  private static final ObjectMapper M = new ObjectMapper();

  private static byte[] fixture(String name) {
    try (InputStream in =
        InteractionParserTest.class.getResourceAsStream("/interactions/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode tree(String name) throws IOException {
    return M.readTree(fixture(name));
  }

  private static byte[] edited(String name, Consumer<ObjectNode> edit) throws IOException {
    ObjectNode o = (ObjectNode) tree(name);
    edit.accept(o);
    return M.writeValueAsBytes(o);
  }

  private static long id(JsonNode n) {
    return Long.parseUnsignedLong(n.asText());
  }

  @Test
  void givenSlashCommandWithSubcommand_parse_givesTypedOptionsAndContext() throws IOException {
    JsonNode raw = tree("slash-subcommand");
    Interaction i = InteractionParser.parse(fixture("slash-subcommand"));

    SlashCommand c = (SlashCommand) i;
    assertThat(c.name()).isEqualTo("register-waitlist");
    assertThat(c.subcommand()).contains("register");
    assertThat(c.subcommandGroup()).isEmpty();
    assertThat(c.path()).isEqualTo("register-waitlist register");
    assertThat(c.commandId()).isEqualTo(id(raw.at("/data/id")));
    assertThat(c.options().string("wallet")).contains("0xAbC0000000000000000000000000000000000001");
    assertThat(c.options().integer("limit")).hasValue(25);
    assertThat(c.options().number("ratio")).hasValue(0.5);
    assertThat(c.options().bool("public")).contains(true);
    assertThat(c.options().values().keySet()).containsExactly("wallet", "limit", "ratio", "public");
    assertThat(c.options().string("absent")).isEmpty();
    assertThat(c.resolved().users()).isEmpty();

    var ctx = c.context();
    assertThat(ctx.interactionId()).isEqualTo(id(raw.get("id")));
    assertThat(ctx.applicationId()).isEqualTo(id(raw.get("application_id")));
    assertThat(ctx.token().token()).isEqualTo(raw.get("token").asText());
    assertThat(ctx.guildId()).hasValue(id(raw.get("guild_id")));
    assertThat(ctx.channelId()).isEqualTo(id(raw.get("channel_id")));
    assertThat(ctx.user().id()).isEqualTo(id(raw.at("/member/user/id")));
    assertThat(ctx.user().username()).isEqualTo(raw.at("/member/user/username").asText());
    assertThat(ctx.user().globalName()).isEmpty(); // null in the payload
    assertThat(ctx.member()).isPresent();
    assertThat(ctx.member().get().permissions())
        .isEqualTo(Long.parseLong(raw.at("/member/permissions").asText()));
    assertThat(ctx.locale()).contains("en-US");
    assertThat(ctx.guildLocale()).contains("en-US");
    assertThat(ctx.appPermissions()).hasValue(Long.parseLong(raw.get("app_permissions").asText()));
    assertThat(ctx.createdAt()).isEqualTo(Snowflake.createdAt(ctx.interactionId()));
    assertThat(i.type()).isEqualTo(2);
  }

  @Test
  void givenUserOptionInAGroup_parse_resolvesUserMemberAndRole() throws IOException {
    JsonNode raw = tree("slash-user-resolved");
    SlashCommand c = (SlashCommand) InteractionParser.parse(fixture("slash-user-resolved"));

    assertThat(c.subcommandGroup()).contains("manage");
    assertThat(c.subcommand()).contains("award");
    assertThat(c.path()).isEqualTo("admin-badge manage award");
    long userId = c.options().userId("member").orElseThrow();
    long roleId = c.options().roleId("role").orElseThrow();
    assertThat(userId).isEqualTo(id(raw.at("/data/options/0/options/0/options/0/value")));
    assertThat(c.resolved().user(userId).orElseThrow().username()).isEqualTo("user-0-2");
    GuildMember m = c.resolved().member(userId).orElseThrow();
    assertThat(m.roleIds()).hasSize(1);
    assertThat(c.resolved().role(roleId).orElseThrow().name()).isEqualTo("Fremen");
    assertThat(c.resolved().role(roleId).get().position()).isEqualTo(2);
    assertThatThrownBy(() -> c.options().string("member"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'member'");
  }

  @Test
  void givenButton_parse_givesCustomIdAndSourceMessage() throws IOException {
    JsonNode raw = tree("button");
    ComponentInteraction b = (ComponentInteraction) InteractionParser.parse(fixture("button"));

    assertThat(b.componentType()).isEqualTo(ComponentType.BUTTON);
    assertThat(b.customId()).isEqualTo("directory:next:2");
    assertThat(b.parsedCustomId().prefix()).isEqualTo("directory");
    assertThat(b.parsedCustomId().args()).containsExactly("next", "2");
    assertThat(b.values()).isEmpty();
    assertThat(b.messageId()).isEqualTo(id(raw.at("/message/id")));
    assertThat(b.type()).isEqualTo(3);
  }

  @Test
  void givenStringSelect_parse_givesValuesInOrder() {
    ComponentInteraction s =
        (ComponentInteraction) InteractionParser.parse(fixture("string-select"));

    assertThat(s.componentType()).isEqualTo(ComponentType.STRING_SELECT);
    assertThat(s.customId()).isEqualTo("directory_tier");
    assertThat(s.values()).containsExactly("naib", "fedaykin");
  }

  @Test
  void givenModalWithTwoInputs_parse_givesFieldsByInputCustomId() throws IOException {
    ModalSubmit m = (ModalSubmit) InteractionParser.parse(fixture("modal-submit"));

    assertThat(m.customId()).isEqualTo("verify_modal:abc123");
    assertThat(m.parsedCustomId().arg(0)).contains("abc123");
    assertThat(m.fields())
        .containsExactly(
            java.util.Map.entry("wallet_address", "0x1234567890abcdef1234567890abcdef12345678"),
            java.util.Map.entry("signature", "0xsig"));
    assertThat(m.field("signature")).contains("0xsig");
    assertThat(m.messageId()).isEmpty();
    assertThat(m.type()).isEqualTo(5);
  }

  @Test
  void givenModalInClassicActionRowLayout_parse_findsInputsToo() throws IOException {
    byte[] json =
        edited(
            "modal-submit",
            o -> {
              ObjectNode data = (ObjectNode) o.get("data");
              var rows = data.putArray("components");
              rows.addObject()
                  .put("type", 1)
                  .putArray("components")
                  .addObject()
                  .put("type", 4)
                  .put("custom_id", "nym")
                  .put("value", "Stilgar");
            });
    ModalSubmit m = (ModalSubmit) InteractionParser.parse(json);
    assertThat(m.fields()).containsOnlyKeys("nym").containsEntry("nym", "Stilgar");
  }

  @Test
  void givenAutocomplete_parse_separatesFocusedOptionFromOthers() {
    Autocomplete a = (Autocomplete) InteractionParser.parse(fixture("autocomplete"));

    assertThat(a.path()).isEqualTo("admin-badge award");
    assertThat(a.focusedOption()).isEqualTo("badge");
    assertThat(a.partialValue()).isEqualTo("wat");
    assertThat(a.options().string("nym")).contains("paul");
    assertThat(a.options().has("badge")).isFalse();
    assertThat(a.type()).isEqualTo(4);
  }

  @Test
  void givenAutocompleteWithHalfTypedNumberElsewhere_parse_leavesThatOptionOut()
      throws IOException {
    byte[] json =
        edited(
            "autocomplete",
            o -> {
              ObjectNode opt = (ObjectNode) o.at("/data/options/0/options/0");
              opt.put("type", 4).put("value", "12a");
            });
    Autocomplete a = (Autocomplete) InteractionParser.parse(json);
    assertThat(a.options().isEmpty()).isTrue();
    assertThat(a.focusedOption()).isEqualTo("badge");
  }

  @Test
  void givenDmInteraction_parse_hasUserAndNoGuildOrMember() throws IOException {
    JsonNode raw = tree("dm-button");
    ComponentInteraction b = (ComponentInteraction) InteractionParser.parse(fixture("dm-button"));

    assertThat(b.context().guildId()).isEmpty();
    assertThat(b.context().member()).isEmpty();
    assertThat(b.context().inGuild()).isFalse();
    assertThat(b.context().user().id()).isEqualTo(id(raw.at("/user/id")));
    assertThat(b.context().channelId()).isEqualTo(id(raw.get("channel_id")));
    assertThat(b.context().guildLocale()).isEmpty();
    assertThat(b.parsedCustomId().prefix()).isEqualTo("onboarding_start");
    assertThat(b.parsedCustomId().arg(0)).contains("7");
  }

  @Test
  void givenGlobalNameAndAdminPermissions_parse_exposesThem() throws IOException {
    byte[] json =
        edited(
            "slash-subcommand",
            o -> {
              ((ObjectNode) o.at("/member/user")).put("global_name", "Paul Atreides");
              ((ObjectNode) o.get("member")).put("permissions", Long.toString(0x20L));
            });
    SlashCommand c = (SlashCommand) InteractionParser.parse(json);
    assertThat(c.context().user().displayName()).isEqualTo("Paul Atreides");
    assertThat(c.context().member().orElseThrow().canManageGuild()).isTrue();
  }

  @Test
  void givenAnyInteraction_toString_neverShowsTheToken() throws IOException {
    for (String f :
        List.of(
            "slash-subcommand",
            "slash-user-resolved",
            "button",
            "string-select",
            "modal-submit",
            "autocomplete",
            "dm-button")) {
      String token = tree(f).get("token").asText();
      Interaction i = InteractionParser.parse(fixture(f));
      assertThat(i.toString()).as(f).doesNotContain(token).contains("token ***");
    }
  }

  // ---------------------------------------------------------------- malformed

  @Test
  void givenMissingId_parse_failsNamingIt() throws IOException {
    byte[] json = edited("button", o -> o.remove("id"));
    assertThatThrownBy(() -> InteractionParser.parse(json))
        .isInstanceOf(MalformedInteractionException.class)
        .hasMessage("missing field 'id'");
  }

  @Test
  void givenMissingToken_parse_failsNamingItAndTheInteraction() throws IOException {
    JsonNode raw = tree("button");
    byte[] json = edited("button", o -> o.remove("token"));
    assertThatThrownBy(() -> InteractionParser.parse(json))
        .isInstanceOfSatisfying(
            MalformedInteractionException.class,
            e -> {
              assertThat(e.getMessage())
                  .isEqualTo("interaction " + raw.get("id").asText() + ": missing field 'token'");
              assertThat(e.interactionId()).hasValue(id(raw.get("id")));
            });
  }

  @Test
  void givenUnknownOrPingType_parse_failsClearly() throws IOException {
    assertThatThrownBy(() -> InteractionParser.parse(edited("button", o -> o.put("type", 9))))
        .isInstanceOf(MalformedInteractionException.class)
        .hasMessageEndingWith("unknown interaction type 9");
    assertThatThrownBy(() -> InteractionParser.parse(edited("button", o -> o.put("type", 1))))
        .isInstanceOf(MalformedInteractionException.class)
        .hasMessageContaining("PING");
  }

  @Test
  void givenMissingPiecesElsewhere_parse_namesTheField() throws IOException {
    assertThatThrownBy(() -> InteractionParser.parse(edited("button", o -> o.remove("message"))))
        .hasMessageEndingWith("missing field 'message'");
    assertThatThrownBy(
            () ->
                InteractionParser.parse(
                    edited("button", o -> ((ObjectNode) o.get("data")).remove("custom_id"))))
        .hasMessageEndingWith("missing field 'data.custom_id'");
    assertThatThrownBy(() -> InteractionParser.parse(edited("button", o -> o.remove("member"))))
        .hasMessageContaining("missing field 'member'");
    assertThatThrownBy(() -> InteractionParser.parse(edited("dm-button", o -> o.remove("user"))))
        .hasMessageContaining("missing field 'user'");
    assertThatThrownBy(
            () ->
                InteractionParser.parse(
                    edited(
                        "slash-subcommand",
                        o -> ((ObjectNode) o.get("member")).remove("permissions"))))
        .hasMessageEndingWith("missing field 'member.permissions'");
    assertThatThrownBy(
            () ->
                InteractionParser.parse(
                    edited(
                        "autocomplete",
                        o -> ((ObjectNode) o.at("/data/options/0/options/1")).remove("focused"))))
        .hasMessageEndingWith("has no focused option");
    assertThatThrownBy(() -> InteractionParser.parse(edited("button", o -> o.put("id", "abc"))))
        .hasMessage("field 'id' is not a snowflake");
  }

  @Test
  void givenBrokenJson_parse_failsWithoutQuotingTheInput() throws IOException {
    String whole = new String(fixture("button"), StandardCharsets.UTF_8);
    String token = tree("button").get("token").asText();
    byte[] truncated =
        whole.substring(0, whole.indexOf(token) + 20).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> InteractionParser.parse(truncated))
        .isInstanceOf(MalformedInteractionException.class)
        .hasMessageStartingWith("not valid JSON")
        .hasNoCause()
        .message()
        .doesNotContain(token.substring(0, 20));
    assertThatThrownBy(() -> InteractionParser.parse(new byte[0])).hasMessage("empty payload");
    assertThatThrownBy(() -> InteractionParser.parse("[1]".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("payload is not a JSON object");
  }

  @Test
  void givenContextMenuCommand_parse_refusesIt() throws IOException {
    byte[] json = edited("slash-subcommand", o -> ((ObjectNode) o.get("data")).put("type", 2));
    assertThatThrownBy(() -> InteractionParser.parse(json))
        .isInstanceOf(MalformedInteractionException.class)
        .hasMessageContaining("only slash commands");
  }

  @Test
  void givenWrongOptionShape_parse_namesTheOption() throws IOException {
    byte[] json =
        edited(
            "slash-subcommand",
            o -> ((ObjectNode) o.at("/data/options/0/options/1")).put("value", "many"));
    assertThatThrownBy(() -> InteractionParser.parse(json))
        .hasMessageEndingWith("option 'limit' (type 4) has a value of the wrong shape");
    assertThat(OptionValue.IntegerOption.class).isNotNull();
  }
}
