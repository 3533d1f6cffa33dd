package io.arrakis.bot.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.Answer;
import io.arrakis.bot.BotFixture;
import io.arrakis.bot.BotPorts;
import io.arrakis.bot.ComponentInvocation;
import io.arrakis.bot.Invocation;
import io.arrakis.discord.ActionRow;
import io.arrakis.discord.Button;
import io.arrakis.discord.ComponentType;
import io.arrakis.discord.CustomId;
import io.arrakis.discord.Embed;
import io.arrakis.discord.Interaction;
import io.arrakis.discord.InteractionContext;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.Resolved;
import io.arrakis.discord.RowComponent;
import io.arrakis.discord.StringSelect;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.testkit.domain.InMemoryBurnerRegistry;
import io.arrakis.testkit.domain.InMemoryRepositories;
import io.arrakis.testkit.state.InMemoryCooldownStore;
import io.arrakis.testkit.state.InMemoryLeases;
import io.arrakis.testkit.state.InMemoryRateLimiter;
import io.arrakis.testkit.state.InMemorySessionStore;
import io.arrakis.testkit.state.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An active community over the testkit's in-memory fakes and Redis fakes on a manual clock, with
 * helpers to seed members and to build the commands, clicks and picks a member makes. Shared by the
 * directory and alerts tests.
 */
public final class MembersFixture {
  public static final long GUILD = 910_000_000_000_000_001L;
  public static final long CHANNEL = 910_000_000_000_000_002L;
  public static final Instant NOW = Instant.parse("2026-11-28T13:30:00Z");

  public final ManualClock clock = new ManualClock(NOW);
  public final InMemoryRepositories repos = InMemoryRepositories.create();
  private long nextInteraction = 1_310_000_000_000_000_000L;
  public final InMemorySessionStore sessions = new InMemorySessionStore(clock);
  public final CommunityConfig community =
      SietchPreset.newCommunity(CommunityId.random(), new Snowflake(GUILD), "Arrakis")
          .withActive(true);
  public final BotPorts ports =
      new BotPorts(
          repos.asRepositories(),
          new InMemoryBurnerRegistry(),
          sessions,
          new InMemoryCooldownStore(clock),
          new InMemoryRateLimiter(clock),
          new InMemoryLeases(clock),
          community -> {},
          clock);

  public static UserId user(int n) {
    return new UserId(810_000_000_000_000_000L + n);
  }

  /** An active profile for {@code user} with this nym and tier, created at {@code createdAt}. */
  public Profile member(UserId user, String nym, Optional<Tier> tier, Instant createdAt) {
    Profile profile = BotFixture.profile(user, nym, tier, createdAt);
    repos.profiles().save(community.id(), profile);
    return profile;
  }

  public void badges(Profile member, String... badgeIds) {
    for (String id : badgeIds) {
      repos
          .badges()
          .save(
              community.id(),
              BotFixture.badge(
                  member.memberId(), id, NOW.minusSeconds(60), Optional.empty(), Optional.empty()));
    }
  }

  private InteractionContext context(UserId user) {
    return BotFixture.context(nextInteraction++, GUILD, CHANNEL, user, 0L);
  }

  public Invocation slash(String name, UserId user) {
    return new Invocation(
        BotFixture.slash(context(user), name, Optional.empty(), Map.of()),
        community,
        clock.instant());
  }

  public ComponentInvocation click(String customId, UserId user) {
    Interaction click =
        new Interaction.ComponentInteraction(
            context(user), customId, ComponentType.BUTTON, List.of(), 77L, Resolved.none());
    return new ComponentInvocation(click, CustomId.parse(customId), community, clock.instant());
  }

  public ComponentInvocation pick(String customId, String value, UserId user) {
    Interaction pick =
        new Interaction.ComponentInteraction(
            context(user),
            customId,
            ComponentType.STRING_SELECT,
            List.of(value),
            77L,
            Resolved.none());
    return new ComponentInvocation(pick, CustomId.parse(customId), community, clock.instant());
  }

  // ---- reading answers

  /** The message of a reply (type 4). */
  public static MessagePayload reply(Answer answer) {
    return BotFixture.reply(answer);
  }

  /** The message of an in-place update (type 7). */
  public static MessagePayload update(Answer answer) {
    assertThat(answer.response()).isInstanceOf(InteractionResponse.UpdateMessage.class);
    return ((InteractionResponse.UpdateMessage) answer.response()).message();
  }

  /** Asserts an ephemeral text reply without embeds or actions and returns its text. */
  public static String ephemeralText(Answer answer) {
    assertThat(reply(answer).components()).isEmpty();
    assertThat(answer.actions()).isEmpty();
    return BotFixture.ephemeralText(answer);
  }

  public static Embed embed(MessagePayload message) {
    return BotFixture.embed(message);
  }

  public static Map<String, String> fields(Embed embed) {
    return BotFixture.fields(embed);
  }

  /** The components of row {@code i}. */
  public static List<RowComponent> row(MessagePayload message, int i) {
    ActionRow row = message.components().get(i);
    return row.components();
  }

  public static Button button(MessagePayload message, int row, int i) {
    return (Button) row(message, row).get(i);
  }

  public static StringSelect select(MessagePayload message, int row) {
    return (StringSelect) row(message, row).get(0);
  }

  /** The values of the pre-selected options of a select. */
  public static List<String> selected(StringSelect select) {
    return select.options().stream()
        .filter(StringSelect.Option::isDefault)
        .map(StringSelect.Option::value)
        .toList();
  }
}
