package io.arrakis.bot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.Answer;
import io.arrakis.bot.BotFixture;
import io.arrakis.bot.Invocation;
import io.arrakis.discord.CommandOptions;
import io.arrakis.discord.Embed;
import io.arrakis.discord.GuildMember;
import io.arrakis.discord.Interaction;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.InteractionContext;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.OptionValue;
import io.arrakis.domain.badges.BadgeCatalogue;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.RoleMapping;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.water.WaterGrant;
import io.arrakis.testkit.domain.InMemoryRepositories;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** An active community over the testkit fakes, with members, badges and grants made to order. */
final class AdminFixture {
  static final long GUILD = 900_000_000_000_000_001L;
  static final long CHANNEL = 900_000_000_000_000_002L;
  static final long WATER_ROLE = 900_000_000_000_000_070L;
  static final long TRUSTED_ROLE = 900_000_000_000_000_071L;
  static final long ENGAGED_ROLE = 900_000_000_000_000_072L;
  static final Instant NOW = Instant.parse("2026-11-28T13:30:00Z");

  final InMemoryRepositories repos = InMemoryRepositories.create();
  private long nextInteraction = 1_300_000_000_000_000_000L;
  CommunityConfig community =
      SietchPreset.newCommunity(CommunityId.random(), new Snowflake(GUILD), "Arrakis")
          .withActive(true)
          .withRoles(
              RoleMapping.empty()
                  .with(RoleKey.WATER_SHARER, new Snowflake(WATER_ROLE))
                  .with(RoleKey.TRUSTED, new Snowflake(TRUSTED_ROLE))
                  .with(RoleKey.ENGAGED, new Snowflake(ENGAGED_ROLE)));

  static UserId user(int n) {
    return new UserId(800_000_000_000_000_000L + n);
  }

  Profile member(int n, String nym) {
    return member(n, nym, Optional.of(Tier.FEDAYKIN), NOW.minusSeconds(30L * 86_400));
  }

  Profile member(int n, String nym, Optional<Tier> tier, Instant createdAt) {
    Profile profile = BotFixture.profile(user(n), nym, tier, createdAt);
    repos.profiles().save(community.id(), profile);
    return profile;
  }

  MemberBadge badge(Profile p, String badgeId, Instant at) {
    MemberBadge b =
        BotFixture.badge(p.memberId(), badgeId, at, Optional.of("admin"), Optional.of("seeded"));
    repos.badges().save(community.id(), b);
    return b;
  }

  MemberBadge water(Profile p) {
    return badge(p, BadgeCatalogue.WATER_SHARER, NOW.minusSeconds(86_400));
  }

  /** A grant from {@code a} to {@code b}, with {@code b} holding the badge as a share gives it. */
  WaterGrant grant(Profile a, Profile b, Instant at) {
    WaterGrant g = WaterGrant.of(UUID.randomUUID(), a.memberId(), b.memberId(), at);
    repos.waterGrants().save(community.id(), g);
    repos
        .badges()
        .save(
            community.id(),
            BotFixture.badge(
                b.memberId(),
                BadgeCatalogue.WATER_SHARER,
                at,
                Optional.of(a.memberId().toString()),
                Optional.of("Shared by " + a.nym())));
    return g;
  }

  boolean holds(Profile p, String badgeId) {
    return repos.badges().ofMember(community.id(), p.memberId()).stream()
        .anyMatch(b -> b.badgeId().equals(badgeId) && b.active());
  }

  List<WaterGrant> grants() {
    return repos.waterGrants().all(community.id());
  }

  WaterGrant grantById(UUID id) {
    return grants().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
  }

  InteractionContext context(UserId user, long permissions) {
    return BotFixture.context(nextInteraction++, GUILD, CHANNEL, user, permissions);
  }

  /** {@code /name [sub] option:value…}; a {@link Long} value is a user option. */
  SlashCommand slash(String name, String sub, UserId user, Map<String, ?> options) {
    Map<String, OptionValue> values = new LinkedHashMap<>();
    options.forEach(
        (k, v) ->
            values.put(
                k,
                v instanceof Long l
                    ? new OptionValue.UserOption(l)
                    : new OptionValue.StringOption(v.toString())));
    return BotFixture.slashWith(
        context(user, GuildMember.MANAGE_GUILD), name, Optional.ofNullable(sub), values);
  }

  Invocation invocation(SlashCommand command) {
    return new Invocation(command, community, NOW);
  }

  Interaction.Autocomplete autocomplete(
      String name,
      String sub,
      UserId user,
      long permissions,
      Map<String, String> others,
      String focused,
      String typed) {
    Map<String, OptionValue> values = new LinkedHashMap<>();
    others.forEach((k, v) -> values.put(k, new OptionValue.StringOption(v)));
    return new Interaction.Autocomplete(
        context(user, permissions),
        42L,
        name,
        Optional.empty(),
        Optional.of(sub),
        new CommandOptions(values),
        focused,
        typed);
  }

  static MessagePayload message(Answer answer) {
    return BotFixture.reply(answer);
  }

  static Embed embed(Answer answer) {
    MessagePayload message = message(answer);
    assertThat(message.ephemeral()).isTrue();
    return BotFixture.embed(message);
  }

  static Map<String, String> fields(Embed embed) {
    return BotFixture.fields(embed);
  }

  /** An ephemeral text error without embeds or actions. */
  static String error(Answer answer) {
    assertThat(answer.actions()).isEmpty();
    return BotFixture.ephemeralText(answer);
  }
}
