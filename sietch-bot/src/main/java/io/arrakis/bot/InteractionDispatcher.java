package io.arrakis.bot;

import io.arrakis.bot.DispatchResult.Status;
import io.arrakis.discord.AutocompleteChoices;
import io.arrakis.discord.CustomId;
import io.arrakis.discord.Interaction;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.InteractionResponder;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.ResponseOutcome;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.action.DiscordActions;
import io.arrakis.domain.community.CommunityConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one interaction: what every slash command shares (spec §1.1, §15) around the command's
 * own {@link CommandHandler}.
 *
 * <p>For a command, in this order: guild-only; a handler exists; rate limits (Redis); for a
 * deferring command the defer, before any database work; the community (inactive ⇒ NOT_SET_UP); the
 * cooldown; the handler in one transaction for the community; its actions queued after the commit;
 * the answer (the callback, or an edit of the deferred message). An unexpected failure answers
 * {@link Replies#internal()}: within the 3-second window there is no time to retry later.
 *
 * <p>A defer refused with "already acknowledged" means another worker deferred it and may have
 * died; this one carries on and edits the original, which replaces rather than adds a message.
 */
public final class InteractionDispatcher {
  private static final Logger log = LoggerFactory.getLogger(InteractionDispatcher.class);

  private final Map<String, CommandHandler> handlers;
  private final Map<String, ComponentHandler> components;
  private final Map<String, AutocompleteHandler> completions;
  private final InteractionResponder responder;
  private final DiscordActions actions;
  private final CommunityDirectory directory;
  private final CommandGate gate;
  private final Transactions transactions;
  private final Clock clock;
  private final Duration actionTimeout;
  private final LongAdder actionsNotQueued = new LongAdder();

  public InteractionDispatcher(
      List<CommandHandler> handlers,
      InteractionResponder responder,
      DiscordActions actions,
      CommunityDirectory directory,
      CommandGate gate,
      Transactions transactions,
      Clock clock,
      Duration actionTimeout) {
    this(
        handlers,
        List.of(),
        List.of(),
        responder,
        actions,
        directory,
        gate,
        transactions,
        clock,
        actionTimeout);
  }

  public InteractionDispatcher(
      List<CommandHandler> handlers,
      List<ComponentHandler> components,
      List<AutocompleteHandler> completions,
      InteractionResponder responder,
      DiscordActions actions,
      CommunityDirectory directory,
      CommandGate gate,
      Transactions transactions,
      Clock clock,
      Duration actionTimeout) {
    this.handlers =
        handlers.stream().collect(Collectors.toUnmodifiableMap(CommandHandler::name, h -> h));
    java.util.Map<String, ComponentHandler> byPrefix = new java.util.HashMap<>();
    for (ComponentHandler c : components) {
      for (String prefix : c.prefixes()) {
        if (byPrefix.put(prefix, c) != null) {
          throw new IllegalArgumentException("two component handlers for prefix " + prefix);
        }
      }
    }
    this.components = Map.copyOf(byPrefix);
    java.util.Map<String, AutocompleteHandler> byPath = new java.util.HashMap<>();
    for (AutocompleteHandler a : completions) {
      for (String path : a.paths()) {
        if (byPath.put(path, a) != null) {
          throw new IllegalArgumentException("two autocomplete handlers for " + path);
        }
      }
    }
    this.completions = Map.copyOf(byPath);
    this.responder = responder;
    this.actions = actions;
    this.directory = directory;
    this.gate = gate;
    this.transactions = transactions;
    this.clock = clock;
    this.actionTimeout = actionTimeout;
  }

  /** The commands this dispatcher can answer. */
  public java.util.Set<String> commands() {
    return handlers.keySet();
  }

  /** Actions that could not be queued after their use case committed (reconciliation repairs). */
  public long actionsNotQueued() {
    return actionsNotQueued.sum();
  }

  public DispatchResult dispatch(Interaction interaction) {
    if (interaction instanceof SlashCommand command) {
      return command(command);
    }
    if (interaction instanceof Interaction.Autocomplete autocomplete) {
      return deliver(
          interaction,
          false,
          new InteractionResponse.Autocomplete(complete(autocomplete)),
          -1,
          Status.ANSWERED);
    }
    String customId =
        interaction instanceof Interaction.ComponentInteraction c
            ? c.customId()
            : ((Interaction.ModalSubmit) interaction).customId();
    return component(interaction, CustomId.parse(customId));
  }

  /** Spec §16: routed by custom-id prefix; an unknown or stale id gets a clear ephemeral answer. */
  private DispatchResult component(Interaction interaction, CustomId customId) {
    ComponentHandler handler = components.get(customId.prefix());
    if (handler == null) {
      return reply(interaction, Replies.staleControl(), Status.ANSWERED);
    }
    long userId = interaction.context().userId();
    Optional<MessagePayload> limited =
        gate.checkRate(userId, interaction.context().guildId().orElse(0L));
    if (limited.isPresent()) {
      return reply(interaction, limited.get(), Status.ANSWERED);
    }
    Answer answer;
    try {
      Optional<CommunityConfig> community = componentCommunity(interaction, customId);
      if (community.isEmpty() || (handler.needsActiveCommunity() && !community.get().active())) {
        answer = Answer.reply(Replies.notSetUp());
      } else if (handler.adminOnly() && !AdminCheck.isAdmin(interaction, community.get())) {
        answer = Answer.reply(Replies.notAdmin());
      } else {
        ComponentInvocation invocation =
            new ComponentInvocation(interaction, customId, community.get(), clock.instant());
        answer =
            transactions.inCommunity(
                community.get().id(), () -> call(() -> handler.handle(invocation)));
        if (handler.adminOnly() && interaction.context().guildId().isPresent()) {
          directory.forget(interaction.context().guildId().getAsLong());
        }
      }
    } catch (RuntimeException ex) {
      Throwable cause = ex instanceof HandlerFailure ? ex.getCause() : ex;
      log.error(
          "control {} failed for interaction {}: {}",
          customId.prefix(),
          Long.toUnsignedString(interaction.context().interactionId()),
          cause.toString(),
          cause);
      answer = Answer.reply(Replies.internal());
    }
    submit(interaction, answer.actions());
    return deliver(interaction, false, answer.response(), -1, Status.ANSWERED);
  }

  /**
   * A control's community: its guild's, or in a DM the community whose id the custom id carries
   * (spec §1.1: DM components carry the community id).
   */
  private Optional<CommunityConfig> componentCommunity(Interaction interaction, CustomId customId) {
    if (interaction.context().guildId().isPresent()) {
      return directory.community(interaction.context().guildId().getAsLong());
    }
    for (String arg : customId.args()) {
      try {
        return directory.communityById(
            new io.arrakis.domain.common.CommunityId(java.util.UUID.fromString(arg)));
      } catch (IllegalArgumentException notAnId) {
        // the next argument may be the community id
      }
    }
    return Optional.empty();
  }

  /** Never fails: an empty list on any problem (spec §16). */
  private AutocompleteChoices complete(Interaction.Autocomplete autocomplete) {
    AutocompleteHandler handler = completions.get(autocomplete.path());
    if (handler == null || autocomplete.context().guildId().isEmpty()) {
      return AutocompleteChoices.none();
    }
    try {
      Optional<CommunityConfig> community =
          directory.community(autocomplete.context().guildId().getAsLong());
      if (community.isEmpty()
          || !community.get().active()
          || (handler.adminOnly() && !AdminCheck.isAdmin(autocomplete, community.get()))) {
        return AutocompleteChoices.none();
      }
      return transactions.inCommunity(
          community.get().id(), () -> call(() -> handler.complete(autocomplete, community.get())));
    } catch (RuntimeException ex) {
      log.warn("autocomplete for /{} failed: {}", autocomplete.path(), ex.toString());
      return AutocompleteChoices.none();
    }
  }

  /** Runs a handler inside a transaction callback, carrying checked exceptions out. */
  private static <T> T call(java.util.concurrent.Callable<T> handler) {
    try {
      return java.util.Objects.requireNonNull(handler.call(), "the handler returned no answer");
    } catch (RuntimeException ex) {
      throw ex;
    } catch (Exception ex) {
      throw new HandlerFailure(ex);
    }
  }

  private DispatchResult command(SlashCommand command) {
    if (command.context().guildId().isEmpty()) {
      return reply(command, Replies.guildOnly(), Status.ANSWERED);
    }
    CommandHandler handler = handlers.get(command.name());
    if (handler == null) {
      return reply(command, Replies.unknownCommand(), Status.UNSUPPORTED);
    }
    long userId = command.context().userId();
    Optional<MessagePayload> limited =
        gate.checkRate(userId, command.context().guildId().getAsLong());
    if (limited.isPresent()) {
      return reply(command, limited.get(), Status.ANSWERED);
    }
    AnswerMode mode = handler.answerMode(command);
    long firstResponse = -1;
    if (mode.defers()) {
      ResponseOutcome deferred =
          responder.respond(
              command.token(), new InteractionResponse.Defer(mode == AnswerMode.DEFER_EPHEMERAL));
      if (deferred instanceof ResponseOutcome.Sent) {
        firstResponse = System.nanoTime();
      } else if (!isAlreadyAcknowledged(deferred)) {
        return result(command, deferred, -1);
      }
    }
    Answer answer = answer(handler, command);
    submit(command, answer.actions());
    return deliver(command, mode.defers(), answer.response(), firstResponse, Status.ANSWERED);
  }

  /** Community, cooldown and the handler; never throws. */
  private Answer answer(CommandHandler handler, SlashCommand command) {
    try {
      long guildId = command.context().guildId().getAsLong();
      Optional<CommunityConfig> community = directory.community(guildId);
      if (community.isEmpty() && handler.createsCommunity()) {
        community = createCommunity(command, guildId);
        if (community.isEmpty()) {
          return Answer.reply(Replies.notAdmin());
        }
      }
      if (community.isEmpty() || (handler.needsActiveCommunity() && !community.get().active())) {
        return Answer.reply(Replies.notSetUp());
      }
      if (handler.adminOnly() && !AdminCheck.isAdmin(command, community.get())) {
        return Answer.reply(Replies.notAdmin());
      }
      Optional<MessagePayload> cooling =
          gate.checkCooldown(
              command.name(),
              command.context().userId(),
              Duration.ofSeconds(community.get().members().commandCooldownSeconds()));
      if (cooling.isPresent()) {
        return Answer.reply(cooling.get());
      }
      Invocation invocation = new Invocation(command, community.get(), clock.instant());
      Answer answer =
          transactions.inCommunity(
              community.get().id(), () -> call(() -> handler.handle(invocation)));
      if (handler.adminOnly()) {
        // admin commands may change the configuration: this worker sees it at once, others
        // within the directory's time-to-live
        directory.forget(command.context().guildId().getAsLong());
      }
      return answer;
    } catch (RuntimeException ex) {
      Throwable cause = ex instanceof HandlerFailure ? ex.getCause() : ex;
      log.error(
          "/{} failed for interaction {}: {}",
          command.path(),
          Long.toUnsignedString(command.context().interactionId()),
          cause.toString(),
          cause);
      return Answer.reply(Replies.internal());
    }
  }

  /**
   * A new, inactive community from the Sietch preset for a guild the bot has none for (the first
   * {@code /onboard}); only for an admin, so nobody else can create rows. Named after the guild id
   * until the setup wizard or a guild event names it.
   */
  private Optional<CommunityConfig> createCommunity(SlashCommand command, long guildId) {
    CommunityConfig fresh =
        io.arrakis.domain.community.SietchPreset.newCommunity(
            io.arrakis.domain.common.CommunityId.random(),
            new io.arrakis.domain.common.Snowflake(guildId),
            "Guild " + Long.toUnsignedString(guildId));
    if (!AdminCheck.isAdmin(command, fresh)) {
      return Optional.empty();
    }
    transactions.withoutCommunity(
        () -> {
          directory.save(fresh);
          return null;
        });
    directory.forget(guildId);
    log.info("created community {} for guild {}", fresh.id(), Long.toUnsignedString(guildId));
    return Optional.of(fresh);
  }

  /** Queues the actions, waiting for the broker; a failure is logged, never thrown. */
  private void submit(Interaction interaction, List<DiscordAction> decided) {
    if (decided.isEmpty()) {
      return;
    }
    Map<DiscordAction, CompletableFuture<Void>> pending =
        decided.stream()
            .distinct()
            .collect(
                Collectors.toMap(
                    Function.identity(),
                    this::submitSafely,
                    (a, b) -> a,
                    java.util.LinkedHashMap::new));
    long deadline = System.nanoTime() + actionTimeout.toNanos();
    pending.forEach(
        (action, future) -> {
          try {
            future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            notQueued(interaction, action, ex);
          } catch (Exception ex) {
            notQueued(interaction, action, ex);
          }
        });
  }

  private CompletableFuture<Void> submitSafely(DiscordAction action) {
    try {
      return actions.submit(action);
    } catch (RuntimeException ex) {
      return CompletableFuture.failedFuture(ex);
    }
  }

  private void notQueued(Interaction interaction, DiscordAction action, Exception ex) {
    actionsNotQueued.increment();
    log.error(
        "{}: action {} was decided and recorded but could not be queued ({}); role"
            + " reconciliation will repair it",
        interaction instanceof SlashCommand c
            ? "/" + c.path()
            : "interaction " + Long.toUnsignedString(interaction.context().interactionId()),
        action.actionId(),
        ex.toString());
  }

  private DispatchResult reply(Interaction interaction, MessagePayload message, Status onSuccess) {
    return deliver(interaction, false, new InteractionResponse.Reply(message), -1, onSuccess);
  }

  private DispatchResult deliver(
      Interaction interaction,
      boolean deferred,
      InteractionResponse response,
      long firstResponse,
      Status onSuccess) {
    ResponseOutcome outcome;
    if (deferred) {
      MessagePayload message;
      if (response instanceof InteractionResponse.Reply reply) {
        message = reply.message();
      } else {
        log.error("a deferred answer must be a message, got callback type {}", response.type());
        message = Replies.internal();
      }
      outcome = responder.editOriginal(interaction.token(), message);
    } else {
      outcome = responder.respond(interaction.token(), response);
      if (outcome instanceof ResponseOutcome.Sent) {
        firstResponse = System.nanoTime();
      }
    }
    DispatchResult result = result(interaction, outcome, firstResponse);
    return result.status() == Status.ANSWERED && onSuccess != Status.ANSWERED
        ? new DispatchResult(onSuccess, unsupportedDetail(interaction), firstResponse)
        : result;
  }

  private static String unsupportedDetail(Interaction interaction) {
    return interaction instanceof SlashCommand c
        ? "no handler for command /" + c.name()
        : "no handler for interaction type " + interaction.type();
  }

  private static boolean isAlreadyAcknowledged(ResponseOutcome outcome) {
    return outcome instanceof ResponseOutcome.Rejected r
        && r.reason() == ResponseOutcome.Reason.ALREADY_ACKNOWLEDGED;
  }

  private static DispatchResult result(
      Interaction interaction, ResponseOutcome outcome, long firstResponse) {
    if (outcome instanceof ResponseOutcome.Sent) {
      return new DispatchResult(Status.ANSWERED, "answered", firstResponse);
    }
    if (outcome instanceof ResponseOutcome.Rejected r) {
      return switch (r.reason()) {
        case ALREADY_ACKNOWLEDGED ->
            new DispatchResult(Status.ANSWERED_ELSEWHERE, "already acknowledged", firstResponse);
        case EXPIRED, TOKEN_INVALID, UNKNOWN_WEBHOOK ->
            new DispatchResult(Status.EXPIRED, r.reason() + ": " + r.message(), firstResponse);
        default -> {
          log.error(
              "Discord refused the answer to interaction {}: {} {} {}",
              Long.toUnsignedString(interaction.context().interactionId()),
              r.httpStatus(),
              r.discordCode(),
              r.message());
          yield new DispatchResult(
              Status.REJECTED,
              r.httpStatus() + " " + r.discordCode() + " " + r.message(),
              firstResponse);
        }
      };
    }
    ResponseOutcome.Unavailable u = (ResponseOutcome.Unavailable) outcome;
    return new DispatchResult(Status.UNDELIVERED, u.cause(), firstResponse);
  }

  /** Carries a handler's checked exception out of the transaction callback. */
  private static final class HandlerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HandlerFailure(Exception cause) {
      super(cause);
    }
  }
}
