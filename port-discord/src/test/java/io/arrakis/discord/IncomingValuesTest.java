package io.arrakis.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class IncomingValuesTest {
  private static final InteractionToken TOKEN =
      new InteractionToken(1576086809388126238L, 1200000000000000001L, "secret-token-value");
  private static final DiscordUser USER = new DiscordUser(7, "paul", Optional.empty(), false);

  @Test
  void givenCustomIds_parse_splitsPrefixAndArgs() {
    CustomId c = CustomId.parse("directory:next:2");
    assertThat(c.prefix()).isEqualTo("directory");
    assertThat(c.args()).containsExactly("next", "2");
    assertThat(c.arg(1)).contains("2");
    assertThat(c.arg(2)).isEmpty();
    assertThat(CustomId.parse("directory_prev").args()).isEmpty();
    assertThat(CustomId.parse("a::b").args()).containsExactly("", "b");
  }

  @Test
  void givenContext_guildAndMember_comeTogetherAndCreatedAtIsFromTheId() {
    assertThatThrownBy(
            () ->
                new InteractionContext(
                    TOKEN,
                    OptionalLong.of(5),
                    9,
                    USER,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    OptionalLong.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    InteractionContext dm =
        new InteractionContext(
            TOKEN,
            OptionalLong.empty(),
            9,
            USER,
            Optional.empty(),
            Optional.of("de"),
            Optional.empty(),
            OptionalLong.empty());
    assertThat(dm.createdAt())
        .isEqualTo(Instant.ofEpochMilli((TOKEN.interactionId() >>> 22) + 1420070400000L));
    assertThat(dm.toString()).doesNotContain("secret-token-value");
  }

  @Test
  void givenOptions_typedGetters_returnEmptyWhenAbsentAndThrowOnTypeMismatch() {
    CommandOptions o =
        new CommandOptions(
            Map.of("n", new OptionValue.IntegerOption(3), "u", new OptionValue.UserOption(8)));
    assertThat(o.integer("n")).hasValue(3);
    assertThat(o.userId("u")).hasValue(8);
    assertThat(o.string("x")).isEmpty();
    assertThatThrownBy(() -> o.string("n")).hasMessageContaining("option 'n' has type 4");
  }

  @Test
  void givenMember_adminChecks_readTheBitfield() {
    GuildMember admin = new GuildMember(List.of(1L), GuildMember.ADMINISTRATOR, Optional.empty());
    GuildMember plain = new GuildMember(List.of(2L), 1L << 10, Optional.empty());
    assertThat(admin.canManageGuild()).isTrue();
    assertThat(plain.canManageGuild()).isFalse();
    assertThat(plain.hasRole(2)).isTrue();
    assertThat(plain.hasPermissions(1L << 10)).isTrue();
  }

  @Test
  void givenButtonWithValues_construction_refuses() {
    InteractionContext ctx =
        new InteractionContext(
            TOKEN,
            OptionalLong.empty(),
            9,
            USER,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            OptionalLong.empty());
    assertThatThrownBy(
            () ->
                new Interaction.ComponentInteraction(
                    ctx, "x", ComponentType.BUTTON, List.of("v"), 1, Resolved.none()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ComponentType.of(8)).contains(ComponentType.CHANNEL_SELECT);
    assertThat(ComponentType.of(4)).isEmpty();
  }
}
