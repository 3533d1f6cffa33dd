package io.arrakis.bot.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.Answer;
import io.arrakis.bot.BotFixture;
import io.arrakis.bot.BotPorts;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.ComponentHandler;
import io.arrakis.bot.ComponentInvocation;
import io.arrakis.bot.Invocation;
import io.arrakis.discord.ActionRow;
import io.arrakis.discord.Button;
import io.arrakis.discord.ComponentType;
import io.arrakis.discord.CustomId;
import io.arrakis.discord.Embed;
import io.arrakis.discord.EntitySelect;
import io.arrakis.discord.GuildMember;
import io.arrakis.discord.Interaction;
import io.arrakis.discord.InteractionContext;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.Modal;
import io.arrakis.discord.OptionValue;
import io.arrakis.discord.Resolved;
import io.arrakis.discord.RowComponent;
import io.arrakis.discord.StringSelect;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.state.Leases;
import io.arrakis.testkit.domain.InMemoryBurnerRegistry;
import io.arrakis.testkit.domain.InMemoryRepositories;
import io.arrakis.testkit.state.InMemoryCooldownStore;
import io.arrakis.testkit.state.InMemoryLeases;
import io.arrakis.testkit.state.InMemoryRateLimiter;
import io.arrakis.testkit.state.InMemorySessionStore;
import io.arrakis.testkit.state.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An inactive community over the in-memory fakes, with the setup handlers and helpers to drive
 * them.
 */
final class SetupFixture {
  static final long GUILD = 910_000_000_000_000_001L;
  static final long CHANNEL = 910_000_000_000_000_002L;
  static final long ADMIN = 810_000_000_000_000_001L;
  static final long OTHER_ADMIN = 810_000_000_000_000_002L;
  static final long MEMBER = 810_000_000_000_000_003L;
  static final Instant NOW = Instant.parse("2026-11-28T13:30:00Z");

  final ManualClock clock = new ManualClock(NOW);
  final InMemoryRepositories repos = InMemoryRepositories.create();
  private long nextInteraction = 1_310_000_000_000_000_000L;
  final InMemorySessionStore sessions = new InMemorySessionStore(clock);
  final InMemoryLeases leases = new InMemoryLeases(clock);

  /** Communities whose deploy asked for an immediate sync, in order. */
  final List<CommunityId> syncRequested = new java.util.ArrayList<>();

  final BotPorts ports;
  final SetupHandlers handlers;
  CommunityConfig community =
      SietchPreset.newCommunity(CommunityId.random(), new Snowflake(GUILD), "Arrakis");

  SetupFixture() {
    repos.communities().save(community);
    ports =
        new BotPorts(
            repos.asRepositories(),
            new InMemoryBurnerRegistry(),
            sessions,
            new InMemoryCooldownStore(clock),
            new InMemoryRateLimiter(clock),
            leases,
            syncRequested::add,
            clock);
    handlers = new SetupHandlers(ports);
  }

  /** Whether nobody holds the lease {@code lock:wizard:{communityId}} (probed, then given back). */
  boolean wizardLockFree() throws Exception {
    Leases.Attempt probe =
        leases.tryAcquire(WizardLock.name(community.id()), "probe", Duration.ofSeconds(1));
    if (probe instanceof Leases.Acquired a) {
      leases.release(a.lease());
      return true;
    }
    return false;
  }

  void save(CommunityConfig c) {
    community = c;
    repos.communities().save(c);
  }

  CommunityConfig stored() {
    return repos.communities().find(community.id()).orElseThrow();
  }

  CommandHandler command(String name) {
    return handlers.commands().stream()
        .filter(h -> h.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  ComponentHandler control(String customId) {
    String prefix = CustomId.parse(customId).prefix();
    return handlers.components().stream()
        .filter(h -> h.prefixes().contains(prefix))
        .findFirst()
        .orElseThrow();
  }

  InteractionContext context(long user) {
    return BotFixture.context(
        nextInteraction++, GUILD, CHANNEL, new UserId(user), GuildMember.MANAGE_GUILD);
  }

  Answer run(String name, String sub, long user, Map<String, Object> options) throws Exception {
    Map<String, OptionValue> values = new LinkedHashMap<>();
    options.forEach(
        (k, v) ->
            values.put(
                k,
                v instanceof Long l
                    ? new OptionValue.IntegerOption(l)
                    : new OptionValue.StringOption(v.toString())));
    Interaction.SlashCommand cmd =
        BotFixture.slashWith(context(user), name, Optional.ofNullable(sub), values);
    return command(name).handle(new Invocation(cmd, community, clock.instant()));
  }

  Answer click(String customId, long user) throws Exception {
    return component(
        new Interaction.ComponentInteraction(
            context(user), customId, ComponentType.BUTTON, List.of(), 77L, Resolved.none()));
  }

  Answer pick(String customId, ComponentType type, long user, String... values) throws Exception {
    return component(
        new Interaction.ComponentInteraction(
            context(user), customId, type, List.of(values), 77L, Resolved.none()));
  }

  Answer submit(String customId, long user, Map<String, String> fields) throws Exception {
    return component(
        new Interaction.ModalSubmit(context(user), customId, fields, OptionalLong.of(77L)));
  }

  private Answer component(Interaction interaction) throws Exception {
    String customId =
        interaction instanceof Interaction.ComponentInteraction c
            ? c.customId()
            : ((Interaction.ModalSubmit) interaction).customId();
    ComponentInvocation inv =
        new ComponentInvocation(interaction, CustomId.parse(customId), community, clock.instant());
    return control(customId).handle(inv);
  }

  // ---- reading answers

  /** The message of a reply or an in-place update. */
  static MessagePayload message(Answer answer) {
    if (answer.response() instanceof InteractionResponse.Reply r) {
      return r.message();
    }
    assertThat(answer.response()).isInstanceOf(InteractionResponse.UpdateMessage.class);
    return ((InteractionResponse.UpdateMessage) answer.response()).message();
  }

  static Embed embed(Answer answer) {
    return BotFixture.embed(message(answer));
  }

  static String field(Embed embed, String name) {
    return embed.fields().stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field " + name + " in " + embed))
        .value();
  }

  static String errorText(Answer answer) {
    assertThat(answer.response()).isInstanceOf(InteractionResponse.Reply.class);
    MessagePayload m = message(answer);
    assertThat(m.ephemeral()).as("error replies are ephemeral").isTrue();
    return m.content();
  }

  static Modal modal(Answer answer) {
    assertThat(answer.response()).isInstanceOf(InteractionResponse.ShowModal.class);
    return ((InteractionResponse.ShowModal) answer.response()).modal();
  }

  /** Every custom id on the message, in order. */
  static List<String> customIds(Answer answer) {
    List<String> ids = new ArrayList<>();
    for (ActionRow row : message(answer).components()) {
      for (RowComponent c : row.components()) {
        if (c instanceof Button b) {
          b.customId().ifPresent(ids::add);
        } else if (c instanceof StringSelect s) {
          ids.add(s.customId());
        } else if (c instanceof EntitySelect e) {
          ids.add(e.customId());
        }
      }
    }
    return ids;
  }

  static String idStartingWith(Answer answer, String prefix) {
    return customIds(answer).stream()
        .filter(id -> id.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no control " + prefix + " in " + customIds(answer)));
  }
}
