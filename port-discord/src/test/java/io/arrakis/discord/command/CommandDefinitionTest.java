package io.arrakis.discord.command;

import static io.arrakis.discord.command.CommandDefinition.slash;
import static io.arrakis.discord.command.CommandOption.integer;
import static io.arrakis.discord.command.CommandOption.string;
import static io.arrakis.discord.command.CommandOption.subcommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.discord.AutocompleteChoices.Choice;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CommandDefinitionTest {

  @Test
  void givenDefaults_aCommandIsGuildOnlyUnrestrictedAndNotNsfw() {
    CommandDefinition c = slash("ping", "Pong").build();
    assertThat(c.guildOnly()).isTrue();
    assertThat(c.contexts()).containsExactly(InteractionContextType.GUILD);
    assertThat(c.restricted()).isFalse();
    assertThat(c.nsfw()).isFalse();
    assertThat(slash("ping", "Pong").admin().build().defaultMemberPermissions())
        .contains(CommandDefinition.MANAGE_GUILD);
    assertThat(CommandDefinition.MANAGE_GUILD).isEqualTo(0x20L);
    assertThat(
            slash("ping", "Pong")
                .contexts(Set.of(InteractionContextType.GUILD, InteractionContextType.BOT_DM))
                .build()
                .guildOnly())
        .isFalse();
  }

  @Test
  void givenBadNames_buildRefuses() {
    for (String bad : List.of("", "Ping", "with space", "x".repeat(33), "semi;colon")) {
      assertThatThrownBy(() -> slash(bad, "d").build())
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> string(bad, "d").build())
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    // Letters of any script, digits, - and _ are fine.
    assertThat(slash("naïb-2_x", "d").build().name()).isEqualTo("naïb-2_x");
    assertThat(slash("x".repeat(32), "d").build()).isNotNull();
  }

  @Test
  void givenBadDescriptions_buildRefuses() {
    assertThatThrownBy(() -> slash("a", "").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> slash("a", " ").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> slash("a", "d".repeat(101)).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(slash("a", "d".repeat(100)).build()).isNotNull();
    assertThatThrownBy(() -> string("o", "d".repeat(101)).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenTooManyOptionsOrChoices_buildRefuses() {
    CommandOption[] options =
        IntStream.range(0, 26)
            .mapToObj(i -> string("o" + i, "d").build())
            .toArray(CommandOption[]::new);
    assertThatThrownBy(() -> slash("a", "d").options(options).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 25");
    CommandOption.Builder many = string("o", "d");
    IntStream.range(0, 26).forEach(i -> many.choice("c" + i, "v" + i));
    assertThatThrownBy(many::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 25");
  }

  @Test
  void givenRequiredAfterOptional_buildRefuses() {
    assertThatThrownBy(
            () ->
                slash("a", "d")
                    .options(string("x", "d").build(), string("y", "d").required().build())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("follows an optional");
    assertThat(
            slash("a", "d")
                .options(string("x", "d").required().build(), string("y", "d").build())
                .build()
                .options())
        .hasSize(2);
  }

  @Test
  void givenStructureRules_buildRefusesWhatDiscordRefuses() {
    // subcommands mixed with value options
    assertThatThrownBy(
            () -> slash("a", "d").options(subcommand("s", "d"), string("x", "d").build()).build())
        .isInstanceOf(IllegalArgumentException.class);
    // a group holds subcommands only, and at least one
    assertThatThrownBy(() -> CommandOption.group("g", "d", CommandOption.group("h", "d")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CommandOption.group("g", "d"))
        .isInstanceOf(IllegalArgumentException.class);
    // a subcommand cannot nest another subcommand, a value option cannot nest anything
    assertThatThrownBy(() -> subcommand("s", "d", subcommand("t", "d")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> string("x", "d").options(string("y", "d").build()).build())
        .isInstanceOf(IllegalArgumentException.class);
    // subcommands are never required
    assertThatThrownBy(
            () -> CommandOption.builder(OptionType.SUB_COMMAND, "s", "d").required().build())
        .isInstanceOf(IllegalArgumentException.class);
    // duplicate names
    assertThatThrownBy(
            () -> slash("a", "d").options(subcommand("s", "d"), subcommand("s", "e")).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            slash("a", "d")
                .option(
                    CommandOption.group("g", "d", subcommand("s", "d", string("x", "d").build())))
                .build()
                .option("g"))
        .isPresent();
  }

  @Test
  void givenChoicesAutocompleteAndBounds_onlyTheRightTypesTakeThem() {
    assertThatThrownBy(() -> CommandOption.bool("b", "d").autocomplete().build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> string("s", "d").autocomplete().choice("a", "a").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> integer("i", "d").choice("a", "text").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> string("s", "d").choice("a", 1L).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> string("s", "d").choice("a", "x").choice("a", "y").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> string("s", "d").range(1, 2).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> integer("i", "d").range(1.5, 2).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> integer("i", "d").range(3, 2).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> integer("i", "d").length(1, 2).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> string("s", "d").length(5, 2).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> string("s", "d").length(0, 6001).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> string("s", "d").channelTypes(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(CommandOption.channel("c", "d").channelTypes(0, 5).build().channelTypes())
        .containsExactly(0, 5);
    assertThat(CommandOption.number("n", "d").range(0.5, 2.5).choice("one", 1L).build().choices())
        .extracting(Choice::name)
        .containsExactly("one");
    assertThat(integer("i", "d").minValue(1).maxValue(9).build().maxValue()).hasValue(9);
  }

  @Test
  void givenMoreThan4000Characters_buildRefuses() {
    CommandOption[] options =
        IntStream.range(0, 25)
            .mapToObj(
                i -> {
                  CommandOption.Builder b = string("o" + i, "d".repeat(100));
                  IntStream.range(0, 2).forEach(k -> b.choice("c" + k + "x".repeat(90), "v" + k));
                  return b.build();
                })
            .toArray(CommandOption[]::new);
    assertThatThrownBy(() -> slash("a", "d").options(options).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4000");
  }

  @Test
  void givenACommandSet_namesAreUniqueAndAtMost100() {
    assertThatThrownBy(() -> CommandSet.of(slash("a", "d").build(), slash("a", "e").build()))
        .isInstanceOf(IllegalArgumentException.class);
    List<CommandDefinition> many =
        IntStream.range(0, 101).mapToObj(i -> slash("c" + i, "d").build()).toList();
    assertThatThrownBy(() -> new CommandSet(many))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 100");
    CommandSet set = new CommandSet(many.subList(0, 100));
    assertThat(set.size()).isEqualTo(100);
    assertThat(set.get("c7")).isPresent();
    assertThat(set.get("nope")).isEmpty();
    assertThat(set.names()).startsWith("c0", "c1");
  }

  @Test
  void optionTypes_haveDiscordsWireValues() {
    assertThat(OptionType.SUB_COMMAND.value()).isEqualTo(1);
    assertThat(OptionType.STRING.value()).isEqualTo(3);
    assertThat(OptionType.ATTACHMENT.value()).isEqualTo(11);
    assertThat(OptionType.of(10)).isEqualTo(OptionType.NUMBER);
    assertThatThrownBy(() -> OptionType.of(12)).isInstanceOf(IllegalArgumentException.class);
    assertThat(InteractionContextType.of(2)).isEqualTo(InteractionContextType.PRIVATE_CHANNEL);
    assertThatThrownBy(() -> InteractionContextType.of(3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
