package io.arrakis.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.discord.CommandOptions;
import io.arrakis.discord.DiscordUser;
import io.arrakis.discord.Embed;
import io.arrakis.discord.GuildMember;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.InteractionContext;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.InteractionToken;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.OptionValue;
import io.arrakis.discord.Resolved;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.tiers.Tier;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What the handler tests of every package build alike: profiles, member badges, wallets, the
 * interaction a user sends in a guild channel, and the readers of an {@link Answer}. Each package's
 * fixture adds its community and its own seeds on top.
 */
public final class BotFixture {
  public static final long APPLICATION = 1_200_000_000_000_000_001L;

  private BotFixture() {}

  /** The test wallet {@code i}: {@code 0xa} followed by {@code i} in 39 hex digits. */
  public static Address wallet(int i) {
    return new Address("0xa" + String.format("%039x", i));
  }

  /**
   * An active profile without bio or picture, created at {@code createdAt}; its tier (when given)
   * was set at creation.
   */
  public static Profile profile(UserId user, String nym, Optional<Tier> tier, Instant createdAt) {
    return new Profile(
        MemberId.random(),
        user,
        nym,
        Optional.empty(),
        PictureType.NONE,
        Optional.empty(),
        Optional.empty(),
        tier,
        tier.map(t -> createdAt),
        createdAt,
        Optional.empty(),
        false,
        true,
        Optional.empty());
  }

  /** An active badge row of {@code member}, awarded at {@code at}. */
  public static MemberBadge badge(
      MemberId member,
      String badgeId,
      Instant at,
      Optional<String> awardedBy,
      Optional<String> reason) {
    return new MemberBadge(
        UUID.randomUUID(), member, badgeId, at, awardedBy, reason, Optional.empty());
  }

  /**
   * What Discord sends with interaction {@code interactionId} of {@code user} in {@code channel} of
   * {@code guild}, the member holding {@code permissions}. Fixtures number their interactions
   * themselves, so two fixtures replaying one script see the same ids.
   */
  public static InteractionContext context(
      long interactionId, long guild, long channel, UserId user, long permissions) {
    return new InteractionContext(
        new InteractionToken(interactionId, APPLICATION, "interaction-token"),
        OptionalLong.of(guild),
        channel,
        new DiscordUser(user.value(), "user" + user.value() % 1000, Optional.empty(), false),
        Optional.of(new GuildMember(List.of(), permissions, Optional.empty())),
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty());
  }

  /** {@code /name [sub] option:value…} with string options. */
  public static SlashCommand slash(
      InteractionContext context, String name, Optional<String> sub, Map<String, String> options) {
    Map<String, OptionValue> values = new LinkedHashMap<>();
    options.forEach((k, v) -> values.put(k, new OptionValue.StringOption(v)));
    return slashWith(context, name, sub, values);
  }

  /** {@code /name [sub] …} with options of any type. */
  public static SlashCommand slashWith(
      InteractionContext context,
      String name,
      Optional<String> sub,
      Map<String, OptionValue> options) {
    return new SlashCommand(
        context, 42L, name, Optional.empty(), sub, new CommandOptions(options), Resolved.none());
  }

  // ---- reading answers

  /** The message of a reply (type 4). */
  public static MessagePayload reply(Answer answer) {
    assertThat(answer.response()).isInstanceOf(InteractionResponse.Reply.class);
    return ((InteractionResponse.Reply) answer.response()).message();
  }

  /** The one embed of a message. */
  public static Embed embed(MessagePayload message) {
    assertThat(message.embeds()).hasSize(1);
    return message.embeds().get(0);
  }

  /** Field name → value, in order. */
  public static Map<String, String> fields(Embed embed) {
    Map<String, String> fields = new LinkedHashMap<>();
    embed.fields().forEach(f -> fields.put(f.name(), f.value()));
    return fields;
  }

  /** Asserts an ephemeral text reply without embeds and returns its text. */
  public static String ephemeralText(Answer answer) {
    MessagePayload message = reply(answer);
    assertThat(message.ephemeral()).as("error replies are ephemeral").isTrue();
    assertThat(message.embeds()).isEmpty();
    return message.content();
  }
}
