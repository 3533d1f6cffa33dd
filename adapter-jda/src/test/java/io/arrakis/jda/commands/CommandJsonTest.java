package io.arrakis.jda.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.discord.command.CommandDefinition;
import io.arrakis.discord.command.CommandOption;
import io.arrakis.discord.command.SietchCommands;
import org.junit.jupiter.api.Test;

class CommandJsonTest {

  private static JsonNode json(String s) throws Exception {
    return CommandJson.MAPPER.readTree(s);
  }

  @Test
  void givenAGlobalAdminCommand_jsonIsDiscordsSnakeCaseShape() {
    ObjectNode o = CommandJson.toJson(SietchCommands.get("admin-migrate"), CommandScope.global());
    assertThat(o.path("type").asInt()).isEqualTo(1);
    assertThat(o.path("name").asText()).isEqualTo("admin-migrate");
    assertThat(o.path("default_member_permissions").asText()).isEqualTo("32");
    assertThat(o.path("contexts").toString()).isEqualTo("[0]");
    assertThat(o.path("integration_types").toString()).isEqualTo("[0]");
    assertThat(o.path("dm_permission").asBoolean(true)).isFalse();
    assertThat(o.path("nsfw").asBoolean(true)).isFalse();
    JsonNode plan = o.path("options").get(1);
    assertThat(plan.path("type").asInt()).isEqualTo(1);
    assertThat(plan.has("required")).isFalse();
    JsonNode strategy = plan.path("options").get(0);
    assertThat(strategy.path("type").asInt()).isEqualTo(3);
    assertThat(strategy.path("required").asBoolean()).isTrue();
    assertThat(strategy.path("choices").get(2).path("value").asText())
        .isEqualTo("parallel_forever");
    JsonNode batch = plan.path("options").get(1);
    assertThat(batch.path("type").asInt()).isEqualTo(4);
    assertThat(batch.has("required")).isFalse();
    assertThat(batch.path("min_value").isIntegralNumber()).isTrue();
    assertThat(batch.path("min_value").asLong()).isEqualTo(10);
    assertThat(batch.path("max_value").asLong()).isEqualTo(1000);
  }

  @Test
  void givenAPublicCommandInAGuild_noGlobalOnlyFields_andNullPermissions() {
    ObjectNode o = CommandJson.toJson(SietchCommands.get("profile"), CommandScope.guild(42));
    assertThat(o.has("contexts")).isFalse();
    assertThat(o.has("integration_types")).isFalse();
    assertThat(o.has("dm_permission")).isFalse();
    assertThat(o.get("default_member_permissions").isNull()).isTrue();
    JsonNode nym = o.path("options").get(0).path("options").get(0);
    assertThat(nym.path("autocomplete").asBoolean()).isTrue();
    assertThat(nym.has("choices")).isFalse();
  }

  @Test
  void givenOtherOptionKinds_boundsLengthsAndChannelTypesAreWritten() {
    CommandDefinition c =
        CommandDefinition.slash("x", "d")
            .options(
                CommandOption.number("n", "d").range(0.5, 2.5).choice("one", 1.0).build(),
                CommandOption.integer("i", "d").choice("two", 2L).build(),
                CommandOption.string("s", "d").length(2, 10).build(),
                CommandOption.channel("c", "d").channelTypes(0, 5).build())
            .build();
    JsonNode o = CommandJson.toJson(c, CommandScope.global()).path("options");
    assertThat(o.get(0).path("min_value").asDouble()).isEqualTo(0.5);
    assertThat(o.get(0).path("choices").get(0).path("value").asDouble()).isEqualTo(1.0);
    assertThat(o.get(1).path("choices").get(0).path("value").asLong()).isEqualTo(2);
    assertThat(o.get(2).path("min_length").asInt()).isEqualTo(2);
    assertThat(o.get(2).path("max_length").asInt()).isEqualTo(10);
    assertThat(o.get(3).path("channel_types").toString()).isEqualTo("[0,5]");
    // Canonical numbers compare by value (Discord may echo 1.0 as 1).
    ObjectNode ours =
        CommandJson.canonical(CommandJson.toJson(c, CommandScope.global()), CommandScope.global());
    assertThat(ours.path("options").get(0).path("min_value").decimalValue())
        .isEqualByComparingTo("0.5");
  }

  @Test
  void givenDiscordsStoredForm_canonicalEqualsOurs() throws Exception {
    // What Discord returns for /check-eligibility: read-only fields, explicit defaults,
    // localizations null, no dm_permission/contexts distinction lost.
    JsonNode stored =
        json(
            """
            {"id":"1","application_id":"2","version":"3","default_member_permissions":null,
             "type":1,"name":"check-eligibility","name_localizations":null,
             "description":"Check whether a wallet is eligible","description_localizations":{},
             "dm_permission":false,"contexts":[0],"integration_types":[0],"nsfw":false,
             "options":[{"type":3,"name":"wallet",
               "description":"Wallet address (0x followed by 40 hex characters)",
               "required":true,"autocomplete":false,"choices":[]}]}
            """);
    ObjectNode ours =
        CommandJson.toJson(SietchCommands.get("check-eligibility"), CommandScope.global());
    assertThat(CommandJson.canonical(stored, CommandScope.global()))
        .isEqualTo(CommandJson.canonical(ours, CommandScope.global()));
    // Without contexts, dm_permission false means guild-only too.
    ((ObjectNode) stored).remove("contexts");
    assertThat(CommandJson.canonical(stored, CommandScope.global()))
        .isEqualTo(CommandJson.canonical(ours, CommandScope.global()));
    // With neither, the command is usable everywhere: a difference.
    ((ObjectNode) stored).remove("dm_permission");
    assertThat(
            CommandJson.differences(
                CommandJson.canonical(ours, CommandScope.global()),
                CommandJson.canonical(stored, CommandScope.global())))
        .containsExactly("contexts");
    // In a guild, contexts are not compared at all.
    assertThat(
            CommandJson.differences(
                CommandJson.canonical(ours, CommandScope.guild(1)),
                CommandJson.canonical(stored, CommandScope.guild(1))))
        .isEmpty();
  }

  @Test
  void givenDifferences_pathsNameTheOptionsInvolved() {
    ObjectNode ours =
        CommandJson.toJson(SietchCommands.get("admin-migrate"), CommandScope.global());
    ObjectNode theirs = ours.deepCopy();
    ((ObjectNode) theirs.path("options").get(1).path("options").get(1)).put("max_value", 500);
    theirs.put("description", "old");
    theirs.putNull("default_member_permissions");
    assertThat(
            CommandJson.differences(
                CommandJson.canonical(ours, CommandScope.global()),
                CommandJson.canonical(theirs, CommandScope.global())))
        .containsExactly(
            "description",
            "options[plan].options[batch_size].max_value",
            "default_member_permissions");
    // A removed or reordered option is reported on the list.
    ArrayNode opts = (ArrayNode) theirs.path("options");
    opts.remove(0);
    assertThat(
            CommandJson.differences(
                CommandJson.canonical(ours, CommandScope.global()),
                CommandJson.canonical(theirs, CommandScope.global())))
        .contains("options");
  }

  @Test
  void allTwentyCommands_serialise() {
    ArrayNode all = CommandJson.toJson(SietchCommands.all(), CommandScope.global());
    assertThat(all).hasSize(20);
    for (JsonNode c : all) {
      assertThat(c.path("contexts").toString()).as(c.path("name").asText()).isEqualTo("[0]");
    }
  }
}
