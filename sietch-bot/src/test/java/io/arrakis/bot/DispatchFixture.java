package io.arrakis.bot;

import io.arrakis.discord.CommandOptions;
import io.arrakis.discord.ComponentType;
import io.arrakis.discord.DiscordUser;
import io.arrakis.discord.GuildMember;
import io.arrakis.discord.Interaction;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.InteractionContext;
import io.arrakis.discord.InteractionResponder;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.InteractionToken;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.Resolved;
import io.arrakis.discord.ResponseOutcome;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.action.DiscordActions;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.MemberSettings;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.state.CooldownStore;
import io.arrakis.state.RateLimiter;
import io.arrakis.state.StateUnavailableException;
import io.arrakis.testkit.domain.InMemoryRepositories;
import io.arrakis.testkit.state.InMemoryCooldownStore;
import io.arrakis.testkit.state.InMemoryRateLimiter;
import io.arrakis.testkit.state.ManualClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One worker's view of the world for the dispatcher and gate tests: an active community in the
 * in-memory repositories, the testkit's rate limiter and cooldown store on a {@link ManualClock}
 * (behind wrappers that can simulate Redis being down), and small recording fakes of the responder,
 * the action queue and the transaction boundary. Every fake writes to one {@link #journal}, so a
 * test can assert the order of calls across them.
 */
final class DispatchFixture {
  static final long GUILD = 900_000_000_000_000_001L;
  static final long OTHER_GUILD = 900_000_000_000_000_003L;
  static final long CHANNEL = 900_000_000_000_000_002L;
  static final long APPLICATION = 1_200_000_000_000_000_001L;
  static final long USER = 800_000_000_000_000_001L;
  static final Instant START = Instant.parse("2026-11-28T13:30:00Z");
  static final Duration ACTION_TIMEOUT = Duration.ofMillis(200);

  /** Every call any fake received, in order: {@code "respond Defer(ephemeral=true)"}, … */
  final List<String> journal = new ArrayList<>();

  final ManualClock clock = new ManualClock(START);
  final InMemoryRepositories repos = InMemoryRepositories.create();
  final RecordingTransactions transactions = new RecordingTransactions();
  final RecordingResponder responder = new RecordingResponder();
  final RecordingActions actions = new RecordingActions();
  final SwitchableRateLimiter limiter = new SwitchableRateLimiter(new InMemoryRateLimiter(clock));
  final SwitchableCooldownStore cooldowns =
      new SwitchableCooldownStore(new InMemoryCooldownStore(clock));
  final CommandGate gate = new CommandGate(cooldowns, limiter, clock);

  private long nextInteraction = 1_300_000_000_000_000_000L;

  /** An active Sietch community for {@link #GUILD}, not yet saved. */
  static CommunityConfig activeCommunity() {
    return SietchPreset.newCommunity(CommunityId.random(), new Snowflake(GUILD), "Arrakis")
        .withActive(true);
  }

  /** {@code c} with another {@code command_cooldown_s} (there is no {@code with…} for it). */
  static CommunityConfig withCommandCooldown(CommunityConfig c, int seconds) {
    MemberSettings m = c.members();
    return new CommunityConfig(
        c.id(),
        c.guildId(),
        c.name(),
        c.preset(),
        c.active(),
        c.token(),
        c.eligibility(),
        c.tierThresholds(),
        c.roles(),
        c.adminRoleId(),
        c.channels(),
        c.activity(),
        new MemberSettings(
            m.launchDate(),
            m.ogWindowDays(),
            m.nymChangeCooldownDays(),
            m.bioMaxLength(),
            m.defaultAlertFrequency(),
            m.naibThreatMarginPct(),
            seconds),
        c.coexistenceMode(),
        c.incumbentBotId(),
        c.parallelRolePrefix());
  }

  /** Saves (or replaces) the guild's community and returns it. */
  CommunityConfig seed(CommunityConfig community) {
    repos.communities().save(community);
    return community;
  }

  InteractionDispatcher dispatcher(
      List<CommandHandler> commands,
      List<ComponentHandler> components,
      List<AutocompleteHandler> completions) {
    return new InteractionDispatcher(
        commands,
        components,
        completions,
        responder,
        actions,
        new CommunityDirectory(repos.communities(), transactions),
        gate,
        transactions,
        clock,
        ACTION_TIMEOUT);
  }

  InteractionDispatcher dispatcher(CommandHandler... handlers) {
    return new InteractionDispatcher(
        List.of(handlers),
        responder,
        actions,
        new CommunityDirectory(repos.communities(), transactions),
        gate,
        transactions,
        clock,
        ACTION_TIMEOUT);
  }

  // ---- interactions

  /** {@code /name} by {@link #USER} in {@link #GUILD}. */
  SlashCommand slash(String name) {
    return slash(name, USER, GUILD);
  }

  SlashCommand slash(String name, long userId, long guildId) {
    return new SlashCommand(
        context(userId, OptionalLong.of(guildId)),
        42L,
        name,
        Optional.empty(),
        Optional.empty(),
        CommandOptions.none(),
        Resolved.none());
  }

  /** {@code /name} in a direct message with the bot. */
  SlashCommand slashInDm(String name) {
    return new SlashCommand(
        context(USER, OptionalLong.empty()),
        42L,
        name,
        Optional.empty(),
        Optional.empty(),
        CommandOptions.none(),
        Resolved.none());
  }

  Interaction.ComponentInteraction button(String customId) {
    return new Interaction.ComponentInteraction(
        context(USER, OptionalLong.of(GUILD)),
        customId,
        ComponentType.BUTTON,
        List.of(),
        1_400_000_000_000_000_000L,
        Resolved.none());
  }

  Interaction.ModalSubmit modalSubmit(String customId) {
    return new Interaction.ModalSubmit(
        context(USER, OptionalLong.of(GUILD)),
        customId,
        Map.of("wallet_address", "0x" + "a".repeat(40)),
        OptionalLong.empty());
  }

  Interaction.Autocomplete autocomplete(String name) {
    return new Interaction.Autocomplete(
        context(USER, OptionalLong.of(GUILD)),
        42L,
        name,
        Optional.empty(),
        Optional.empty(),
        CommandOptions.none(),
        "nym",
        "ka");
  }

  private InteractionContext context(long userId, OptionalLong guildId) {
    return new InteractionContext(
        new InteractionToken(nextInteraction++, APPLICATION, "interaction-token"),
        guildId,
        CHANNEL,
        new DiscordUser(userId, "user" + userId % 1000, Optional.empty(), false),
        guildId.isPresent()
            ? Optional.of(new GuildMember(List.of(), 0L, Optional.empty()))
            : Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty());
  }

  // ---- handlers

  /** What a {@link ScriptedHandler} does when invoked. */
  @FunctionalInterface
  interface Behaviour {
    Answer handle(Invocation invocation) throws Exception;
  }

  ScriptedHandler handler(String name, AnswerMode mode, Behaviour behaviour) {
    return new ScriptedHandler(name, mode, true, behaviour);
  }

  /** A handler that answers a public text naming its command. */
  ScriptedHandler handler(String name, AnswerMode mode) {
    return handler(name, mode, inv -> Answer.reply(MessagePayload.text("answer of /" + name)));
  }

  /**
   * A command handler that records each invocation, the responder calls made before it ran and when
   * it started, then does what its {@link Behaviour} says.
   */
  final class ScriptedHandler implements CommandHandler {
    private final String name;
    private final AnswerMode mode;
    private final boolean needsActive;
    private final Behaviour behaviour;
    final List<Invocation> invocations = new ArrayList<>();

    /** For each invocation, the responder calls already made when it started. */
    final List<List<RecordingResponder.Call>> callsSeen = new ArrayList<>();

    /** For each invocation, {@link System#nanoTime()} when it started. */
    final List<Long> startedNanos = new ArrayList<>();

    ScriptedHandler(String name, AnswerMode mode, boolean needsActive, Behaviour behaviour) {
      this.name = name;
      this.mode = mode;
      this.needsActive = needsActive;
      this.behaviour = behaviour;
    }

    /** The same handler, serving communities that are not set up yet. */
    ScriptedHandler servingInactiveCommunities() {
      return new ScriptedHandler(name, mode, false, behaviour);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public AnswerMode answerMode(SlashCommand command) {
      return mode;
    }

    @Override
    public boolean needsActiveCommunity() {
      return needsActive;
    }

    @Override
    public Answer handle(Invocation invocation) throws Exception {
      startedNanos.add(System.nanoTime());
      invocations.add(invocation);
      callsSeen.add(List.copyOf(responder.calls));
      journal.add("handle /" + name);
      return behaviour.handle(invocation);
    }

    int runs() {
      return invocations.size();
    }
  }

  // ---- responder

  static ResponseOutcome sent() {
    return new ResponseOutcome.Sent(OptionalLong.of(1_500_000_000_000_000_000L), 1, true);
  }

  static ResponseOutcome.Rejected rejected(ResponseOutcome.Reason reason) {
    int http =
        switch (reason) {
          case EXPIRED, UNKNOWN_WEBHOOK, UNKNOWN_MESSAGE -> 404;
          case TOKEN_INVALID -> 401;
          case OTHER -> 403;
          default -> 400;
        };
    return new ResponseOutcome.Rejected(reason, http, reason.code(), "refused: " + reason, 1);
  }

  static ResponseOutcome.Unavailable unavailable() {
    return new ResponseOutcome.Unavailable("503 from Discord after 3 attempts", 3, false);
  }

  /**
   * Records every call in order and answers with the scripted outcomes, then {@link #sent()} once
   * the script is used up.
   */
  final class RecordingResponder implements InteractionResponder {
    /**
     * One call: {@code payload} is the {@link InteractionResponse} of {@code respond} or the {@link
     * MessagePayload} of {@code followup} / {@code editOriginal} ({@code null} for a delete).
     */
    record Call(String method, InteractionToken token, Object payload) {}

    final List<Call> calls = new ArrayList<>();
    private final Deque<ResponseOutcome> script = new ArrayDeque<>();

    /** The outcomes of the next calls, in order. */
    RecordingResponder answering(ResponseOutcome... outcomes) {
      script.addAll(List.of(outcomes));
      return this;
    }

    @Override
    public ResponseOutcome respond(InteractionToken interaction, InteractionResponse response) {
      return record(new Call("respond", interaction, response));
    }

    @Override
    public ResponseOutcome followup(InteractionToken interaction, MessagePayload message) {
      return record(new Call("followup", interaction, message));
    }

    @Override
    public ResponseOutcome editOriginal(InteractionToken interaction, MessagePayload message) {
      return record(new Call("editOriginal", interaction, message));
    }

    @Override
    public ResponseOutcome deleteOriginal(InteractionToken interaction) {
      return record(new Call("deleteOriginal", interaction, null));
    }

    private ResponseOutcome record(Call call) {
      calls.add(call);
      journal.add(
          call.method()
              + (call.payload() instanceof InteractionResponse r ? " " + describe(r) : ""));
      return script.isEmpty() ? sent() : script.poll();
    }

    private static String describe(InteractionResponse response) {
      return response instanceof InteractionResponse.Defer d
          ? "Defer(ephemeral=" + d.ephemeral() + ")"
          : response.getClass().getSimpleName();
    }

    /** The payloads of the calls, in order. */
    List<Object> payloads() {
      return calls.stream().map(Call::payload).toList();
    }

    List<String> methods() {
      return calls.stream().map(Call::method).toList();
    }
  }

  // ---- action queue

  /** How a {@link RecordingActions} fails one action. */
  enum Failure {
    /** {@code submit} itself throws (the publisher refused at once). */
    THROWS,
    /** The returned stage fails (the broker nacked). */
    FUTURE_FAILS,
    /** The returned stage never completes (no confirm within the dispatcher's timeout). */
    NEVER_CONFIRMED
  }

  /** Records each submitted action; queues it at once unless told to fail it. */
  final class RecordingActions implements DiscordActions {
    final List<DiscordAction> submitted = new ArrayList<>();
    private final Map<String, Failure> failures = new HashMap<>();

    RecordingActions failing(String actionId, Failure how) {
      failures.put(actionId, how);
      return this;
    }

    @Override
    public CompletableFuture<Void> submit(DiscordAction action) {
      submitted.add(action);
      journal.add("submit " + action.actionId());
      Failure failure = failures.get(action.actionId());
      if (failure == null) {
        return CompletableFuture.completedFuture(null);
      }
      return switch (failure) {
        case THROWS -> throw new IllegalStateException("publisher closed");
        case FUTURE_FAILS -> CompletableFuture.failedFuture(new IOException("nack from broker"));
        case NEVER_CONFIRMED -> new CompletableFuture<>();
      };
    }
  }

  // ---- transactions

  /**
   * Runs the work directly (the repositories are in memory), recording the community of each
   * transaction; can be made to fail as a database would (before the work runs).
   */
  final class RecordingTransactions implements Transactions {
    final List<CommunityId> communities = new ArrayList<>();
    int withoutCommunityCalls;
    private RuntimeException inCommunityFailure;
    private RuntimeException withoutCommunityFailure;

    void failInCommunity(RuntimeException failure) {
      this.inCommunityFailure = failure;
    }

    void failWithoutCommunity(RuntimeException failure) {
      this.withoutCommunityFailure = failure;
    }

    @Override
    public <T> T inCommunity(CommunityId community, Supplier<T> work) {
      communities.add(community);
      journal.add("begin " + community);
      if (inCommunityFailure != null) {
        journal.add("rollback " + community);
        throw inCommunityFailure;
      }
      T result;
      try {
        result = work.get();
      } catch (RuntimeException ex) {
        journal.add("rollback " + community);
        throw ex;
      }
      journal.add("commit " + community);
      return result;
    }

    @Override
    public <T> T withoutCommunity(Supplier<T> work) {
      withoutCommunityCalls++;
      journal.add("lookup");
      if (withoutCommunityFailure != null) {
        throw withoutCommunityFailure;
      }
      return work.get();
    }
  }

  // ---- state stores that can be "down"

  static StateUnavailableException redisDown() {
    return new StateUnavailableException(
        "redis unreachable", new IOException("Connection refused"));
  }

  /** Records calls and forwards to a real limiter, unless the identifier is "down". */
  static final class SwitchableRateLimiter implements RateLimiter {
    record Acquire(String identifier, String endpoint, Limit limit, Decision decision) {}

    final List<Acquire> calls = new ArrayList<>();
    private final RateLimiter delegate;
    private Predicate<String> down = identifier -> false;

    SwitchableRateLimiter(RateLimiter delegate) {
      this.delegate = delegate;
    }

    /** Everything down (or back up). */
    void setDown(boolean isDown) {
      down = identifier -> isDown;
    }

    /** Down only for identifiers starting with {@code prefix}, e.g. {@code "guild:"}. */
    void setDownFor(String prefix) {
      down = identifier -> identifier.startsWith(prefix);
    }

    @Override
    public Decision tryAcquire(String identifier, String endpoint, Limit limit)
        throws StateUnavailableException {
      if (down.test(identifier)) {
        calls.add(new Acquire(identifier, endpoint, limit, null));
        throw redisDown();
      }
      Decision decision = delegate.tryAcquire(identifier, endpoint, limit);
      calls.add(new Acquire(identifier, endpoint, limit, decision));
      return decision;
    }
  }

  /** Records calls and forwards to a real cooldown store, unless "down". */
  static final class SwitchableCooldownStore implements CooldownStore {
    record Start(String command, String userId, Duration cooldown) {}

    final List<Start> calls = new ArrayList<>();
    private final CooldownStore delegate;
    private boolean down;

    SwitchableCooldownStore(CooldownStore delegate) {
      this.delegate = delegate;
    }

    void setDown(boolean isDown) {
      this.down = isDown;
    }

    @Override
    public Decision tryStart(String command, String userId, Duration cooldown)
        throws StateUnavailableException {
      calls.add(new Start(command, userId, cooldown));
      if (down) {
        throw redisDown();
      }
      return delegate.tryStart(command, userId, cooldown);
    }
  }
}
