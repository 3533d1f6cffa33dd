package io.arrakis.bot;

import io.arrakis.bot.DispatchResult.Status;
import io.arrakis.discord.AutocompleteChoices;
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
    this.handlers =
        handlers.stream().collect(Collectors.toUnmodifiableMap(CommandHandler::name, h -> h));
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
    if (interaction instanceof Interaction.Autocomplete) {
      // no option of the registered commands autocompletes yet: an empty list, not an error
      return deliver(
          interaction,
          false,
          new InteractionResponse.Autocomplete(AutocompleteChoices.none()),
          -1,
          Status.ANSWERED);
    }
    // components and modals of a command this worker has no handler for: a stale control
    return deliver(
        interaction,
        false,
        new InteractionResponse.Reply(
            MessagePayload.ephemeralText(
                "This control is no longer available. Run the command again.")),
        -1,
        Status.ANSWERED);
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
      Optional<CommunityConfig> community =
          directory.community(command.context().guildId().getAsLong());
      if (community.isEmpty() || (handler.needsActiveCommunity() && !community.get().active())) {
        return Answer.reply(Replies.notSetUp());
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
      return transactions.inCommunity(
          community.get().id(),
          () -> {
            try {
              return java.util.Objects.requireNonNull(
                  handler.handle(invocation), "the handler returned no answer");
            } catch (RuntimeException ex) {
              throw ex;
            } catch (Exception ex) {
              throw new HandlerFailure(ex);
            }
          });
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

  /** Queues the actions, waiting for the broker; a failure is logged, never thrown. */
  private void submit(SlashCommand command, List<DiscordAction> decided) {
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
            notQueued(command, action, ex);
          } catch (Exception ex) {
            notQueued(command, action, ex);
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

  private void notQueued(SlashCommand command, DiscordAction action, Exception ex) {
    actionsNotQueued.increment();
    log.error(
        "/{}: action {} was decided and recorded but could not be queued ({}); role"
            + " reconciliation will repair it",
        command.path(),
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
