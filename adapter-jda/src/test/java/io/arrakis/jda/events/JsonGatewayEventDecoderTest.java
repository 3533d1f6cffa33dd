package io.arrakis.jda.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.discord.gateway.GatewayEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonGatewayEventDecoderTest {
  private final JsonGatewayEventDecoder decoder = new JsonGatewayEventDecoder();

  private GatewayEvent decode(String type, String json) {
    return decoder.decode(type, json.getBytes(StandardCharsets.UTF_8));
  }

  private static final String MEMBER =
      """
      {"user":{"id":"800000000000000001","username":"alice","bot":false},"nick":null,
       "roles":["700000000000000001","700000000000000002"],"joined_at":"2026-01-01T00:00:00Z",
       "pending":false,"flags":0}""";

  @Test
  void givenAMemberAdd_thenGuildUserAndRolesAreRead() {
    GatewayEvent e =
        decode(
            "GUILD_MEMBER_ADD",
            MEMBER.replaceFirst("\\{", "{\"guild_id\":\"900000000000000001\","));

    assertThat(e)
        .isEqualTo(
            new GatewayEvent.MemberAdd(
                900000000000000001L,
                new GatewayEvent.Member(
                    800000000000000001L, false, Set.of(700000000000000001L, 700000000000000002L))));
  }

  @Test
  void givenAGuildCreateOfASmallGuild_thenItHasAllMembers_andALargeOneDoesNot() {
    String small =
        "{\"id\":\"900000000000000001\",\"name\":\"Arrakis\",\"large\":false,\"member_count\":1,"
            + "\"unavailable\":false,\"members\":["
            + MEMBER
            + "],\"channels\":[]}";
    GatewayEvent.GuildCreate g = (GatewayEvent.GuildCreate) decode("GUILD_CREATE", small);
    assertThat(g.guildId()).isEqualTo(900000000000000001L);
    assertThat(g.name()).isEqualTo("Arrakis");
    assertThat(g.members()).hasSize(1);
    assertThat(g.hasAllMembers()).isTrue();

    GatewayEvent.GuildCreate large =
        (GatewayEvent.GuildCreate)
            decode("GUILD_CREATE", small.replace("\"member_count\":1", "\"member_count\":900"));
    assertThat(large.hasAllMembers()).isFalse();
  }

  @Test
  void givenAMessageFromAWebhookOrABot_thenTheAuthorIsNotAPerson() {
    String human =
        "{\"id\":\"1\",\"channel_id\":\"2\",\"guild_id\":\"3\",\"author\":{\"id\":\"4\"},"
            + "\"content\":\"\"}";
    assertThat(decode("MESSAGE_CREATE", human))
        .isEqualTo(new GatewayEvent.MessageCreate(1, OptionalLong.of(3), 2, 4, false));
    assertThat(
            ((GatewayEvent.MessageCreate)
                    decode(
                        "MESSAGE_CREATE",
                        human.replace("{\"id\":\"4\"}", "{\"id\":\"4\",\"bot\":true}")))
                .authorBot())
        .isTrue();
    assertThat(
            ((GatewayEvent.MessageCreate)
                    decode(
                        "MESSAGE_CREATE",
                        human.replace("\"content\"", "\"webhook_id\":\"9\",\"c\"")))
                .authorBot())
        .isTrue();
    GatewayEvent.MessageCreate dm =
        (GatewayEvent.MessageCreate)
            decode("MESSAGE_CREATE", human.replace(",\"guild_id\":\"3\"", ""));
    assertThat(dm.guildId()).isEmpty();
  }

  @Test
  void givenAReaction_thenReactorAuthorAndBotFlagAreRead() {
    String json =
        "{\"user_id\":\"4\",\"message_id\":\"1\",\"message_author_id\":\"5\",\"channel_id\":\"2\","
            + "\"guild_id\":\"3\",\"member\":{\"user\":{\"id\":\"4\",\"bot\":true},\"roles\":[]},"
            + "\"emoji\":{\"id\":null,\"name\":\"x\"}}";
    assertThat(decode("MESSAGE_REACTION_ADD", json))
        .isEqualTo(
            new GatewayEvent.ReactionAdd(1, OptionalLong.of(3), 2, 4, true, OptionalLong.of(5)));
  }

  @Test
  void givenRemoveDeleteAndChunk_thenTheirFieldsAreRead() {
    assertThat(
            decode(
                "GUILD_MEMBER_REMOVE",
                "{\"guild_id\":\"3\",\"user\":{\"id\":\"4\",\"username\":\"a\"}}"))
        .isEqualTo(new GatewayEvent.MemberRemove(3, 4));
    assertThat(decode("GUILD_DELETE", "{\"id\":\"3\",\"unavailable\":true}"))
        .isEqualTo(new GatewayEvent.GuildDelete(3, true));
    GatewayEvent.MembersChunk chunk =
        (GatewayEvent.MembersChunk)
            decode(
                "GUILD_MEMBERS_CHUNK",
                "{\"guild_id\":\"3\",\"members\":["
                    + MEMBER
                    + "],\"chunk_index\":1,\"chunk_count\":2}");
    assertThat(chunk.members())
        .extracting(GatewayEvent.Member::userId)
        .isEqualTo(List.of(800000000000000001L));
    assertThat(chunk.chunkIndex()).isEqualTo(1);
    assertThat(chunk.chunkCount()).isEqualTo(2);
  }

  @Test
  void givenBadInput_thenAnIllegalArgumentNamesTheField() {
    assertThatThrownBy(() -> decode("GUILD_MEMBER_ADD", "not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> decode("GUILD_MEMBER_ADD", "{\"guild_id\":\"3\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user");
    assertThatThrownBy(
            () -> decode("GUILD_MEMBER_REMOVE", "{\"guild_id\":\"x3\",\"user\":{\"id\":\"4\"}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("guild_id");
    assertThatThrownBy(
            () ->
                decode(
                    "GUILD_MEMBER_UPDATE",
                    "{\"guild_id\":\"3\",\"user\":{\"id\":\"4\"},\"roles\":[\"r\"]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("roles[0]");
    assertThatThrownBy(() -> decode("TYPING_START", "{}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenARoleCreate_thenGuildRoleIdAndNameAreRead_andARoleWithoutIdIsRefused() {
    assertThat(
            decode(
                "GUILD_ROLE_CREATE",
                "{\"guild_id\":\"900000000000000001\",\"role\":{\"id\":\"700000000000000009\","
                    + "\"name\":\"sietch-Naib\",\"color\":0}}"))
        .isEqualTo(
            new GatewayEvent.RoleCreate(900000000000000001L, 700000000000000009L, "sietch-Naib"));
    assertThatThrownBy(
            () ->
                decode(
                    "GUILD_ROLE_CREATE",
                    "{\"guild_id\":\"900000000000000001\",\"role\":{\"name\":\"x\"}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("role.id");
  }

  @Test
  void givenAChannelCreate_thenTheGuildIsOptional_andTheTypeIsKept() {
    assertThat(
            decode(
                "CHANNEL_CREATE",
                "{\"id\":\"600000000000000001\",\"guild_id\":\"900000000000000001\","
                    + "\"name\":\"the-door\",\"type\":0}"))
        .isEqualTo(
            new GatewayEvent.ChannelCreate(
                OptionalLong.of(900000000000000001L), 600000000000000001L, "the-door", 0));
    GatewayEvent.ChannelCreate dm =
        (GatewayEvent.ChannelCreate)
            decode("CHANNEL_CREATE", "{\"id\":\"600000000000000002\",\"type\":1}");
    assertThat(dm.guildId()).isEmpty();
    assertThat(dm.type()).isEqualTo(1);
  }
}
