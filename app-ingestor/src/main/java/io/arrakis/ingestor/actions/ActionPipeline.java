package io.arrakis.ingestor.actions;

import io.arrakis.discord.action.ActionOutcome;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.action.DiscordActionExecutor;
import io.arrakis.jda.actions.ActionJson;
import io.arrakis.jda.actions.MalformedActionException;
import io.arrakis.messaging.Delivery;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.EnvelopeHandler;
import io.arrakis.messaging.EventPublisher;
import io.arrakis.messaging.HandlerOutcome;
import io.arrakis.state.IdempotencyClaims;
import io.arrakis.state.IdempotencyClaims.Claim;
import io.arrakis.state.StateUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Consumes the action queues ({@code arrakis.actions.shard.{n}} of the shards this ingestor holds
 * and the shared {@code arrakis.actions.dm}) and executes each action once, within the global REST
 * budget, through the {@link DiscordActionExecutor} that holds the bot token.
 *
 * <p>Waiting never holds a consumer thread for long: an action that must wait is <b>parked</b>
 * ({@link ActionParking}: republished to a delay queue, acknowledged once the broker confirmed).
 *
 * <ol>
 *   <li><b>Decode</b> ({@link ActionJson}); a body that cannot be an action is dead-lettered as
 *       {@code MalformedAction} with the reason.
 *   <li><b>Parked and early</b> (it came back from a shorter delay tier): parked again for the
 *       rest.
 *   <li><b>Guard</b>: while the {@link InvalidRequestGuard} is stopped, nothing is executed: parked
 *       for {@link #GUARD_STOP_PARK} (not counted as a retry).
 *   <li><b>Role bucket</b>: a member-role change gets its guild's next moment from the {@link
 *       GuildRoleSchedule} and is parked until then (header {@code role-slot}; when it comes back
 *       it runs without asking again).
 *   <li><b>Claim</b> the action id in Redis ({@code idem:action:{actionId}}). Already done: ack as
 *       a duplicate. Claimed by another ingestor: retry later, since that one may still fail and
 *       release it — except when the broker redelivers the message (the consumer that held it died)
 *       and the kind is idempotent at Discord (role add/remove, message edit/delete): then this one
 *       takes over at once, a second execution changing nothing. A DM or a post is never taken
 *       over: it waits until the dead claimant's claim expires ({@link #CLAIM_TTL}). Redis
 *       unreachable: retry later — executing without a claim risks a duplicate DM.
 *   <li><b>Pace</b>: the {@link InvalidRequestGuard}'s slowdown if any, then one permit of the
 *       {@link GlobalPacer} per request the action may need.
 *   <li><b>Execute</b> and settle by the outcome: {@code Done} ⇒ mark done, ack; {@code Retry} ⇒
 *       release the claim, park for the {@code after} the executor asked for (header {@code
 *       action-retries}; after {@link #MAX_RETRIES} dead-lettered {@code RetriesExhausted}); {@code
 *       Refused} ⇒ mark done (for {@link #REFUSED_TTL}), dead-letter with the error class and
 *       reason, and for a direct message publish {@link ActionFailedEvent} for the workers (and
 *       {@link ActionDoneEvent} for a delivered one). Every 401/403/429 answer is counted by the
 *       guard.
 * </ol>
 *
 * <p>Metrics: {@code arrakis.actions.executed} by {@code kind} and {@code result} ({@code done},
 * {@code retry}, {@code refused}, {@code duplicate}; and the deliveries not executed: {@code busy}
 * (claimed elsewhere), {@code unclaimed} (Redis down), {@code stopped} (guard), {@code deferred}
 * (budget full for too long, or shutting down)), {@code arrakis.actions.execution} (latency of the
 * executor by kind), {@code arrakis.actions.queue.age} (published by the worker → consumed), {@code
 * arrakis.actions.takeovers}, {@code arrakis.actions.malformed}, {@code
 * arrakis.actions.failure.events} by {@code result}. Thread-safe.
 */
public final class ActionPipeline implements EnvelopeHandler {
  private static final Logger log = LoggerFactory.getLogger(ActionPipeline.class);

  /**
   * How long the executor may take for one action, Discord's per-route rate-limit waits included
   * (the JDA executor waits a few seconds more for a request already sent).
   */
  public static final Duration EXECUTOR_TIMEOUT = Duration.ofSeconds(20);

  /**
   * How long a claim lives: longer than a handler can hold it — the guard's slowdown (at most 30
   * s), the pacer's wait (30 s) and the executor's time-out with its grace (25 s).
   */
  public static final Duration CLAIM_TTL = Duration.ofMinutes(2);

  /** How long a done action is remembered: duplicates come from redeliveries and replays. */
  public static final Duration DONE_TTL = Duration.ofHours(24);

  /**
   * How long a refused action is remembered: long enough to turn away redeliveries and retries
   * (each would cost Discord another invalid request), short enough that an operator can shovel it
   * back from the DLQ once the cause is fixed (a role moved under the bot's).
   */
  public static final Duration REFUSED_TTL = Duration.ofMinutes(15);

  /** How long the failure event of a refused DM may take to be confirmed by the broker. */
  static final Duration FAILURE_EVENT_CONFIRM = Duration.ofSeconds(10);

  /** Kinds whose second execution changes nothing at Discord (a role or channel creation would). */
  static final Set<DiscordAction.Kind> IDEMPOTENT =
      EnumSet.of(
          DiscordAction.Kind.ROLE_ADD,
          DiscordAction.Kind.ROLE_REMOVE,
          DiscordAction.Kind.MESSAGE_EDIT,
          DiscordAction.Kind.MESSAGE_DELETE,
          DiscordAction.Kind.ROLE_EDIT,
          DiscordAction.Kind.MEMBERS_REQUEST);

  /** The moment reserved for a member-role change, epoch milliseconds. */
  static final String ROLE_SLOT = "role-slot";

  /** How many times the executor asked to retry the action. */
  static final String RETRIES = "action-retries";

  /** Retries the executor may ask for before the action is dead-lettered. */
  static final int MAX_RETRIES = 8;

  /** How long an action waits while the invalid-request guard has stopped execution. */
  static final Duration GUARD_STOP_PARK = Duration.ofSeconds(60);

  /**
   * How long an action waits when the global budget stayed full for {@link
   * GlobalPacer#DEFAULT_MAX_WAIT}.
   */
  static final Duration BUDGET_PARK = Duration.ofSeconds(1);

  private static final String CLAIM_PREFIX = "action:";
  private static final int MAX_KEY = 200;

  private final DiscordActionExecutor executor;
  private final IdempotencyClaims claims;
  private final GlobalPacer pacer;
  private final InvalidRequestGuard guard;
  private final EventPublisher publisher;
  private final ActionParking parking;
  private final GuildRoleSchedule roleSchedule;
  private final Sleeper sleeper;
  private final Clock clock;
  private final MeterRegistry registry;
  private final Timer queueAge;
  private final Counter takeovers;
  private final Counter malformed;
  private volatile boolean stopping;

  public ActionPipeline(
      DiscordActionExecutor executor,
      IdempotencyClaims claims,
      GlobalPacer pacer,
      InvalidRequestGuard guard,
      EventPublisher publisher,
      GuildRoleSchedule roleSchedule,
      Sleeper sleeper,
      Clock clock,
      MeterRegistry registry) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.claims = Objects.requireNonNull(claims, "claims");
    this.pacer = Objects.requireNonNull(pacer, "pacer");
    this.guard = Objects.requireNonNull(guard, "guard");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.parking = new ActionParking(publisher, clock);
    this.roleSchedule = Objects.requireNonNull(roleSchedule, "roleSchedule");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.queueAge =
        Timer.builder("arrakis.actions.queue.age")
            .description("the worker published the action -> this ingestor consumed it")
            .publishPercentiles(0.5, 0.99)
            .publishPercentileHistogram()
            .register(registry);
    this.takeovers =
        Counter.builder("arrakis.actions.takeovers")
            .description("idempotent actions redelivered while claimed, taken over")
            .register(registry);
    this.malformed =
        Counter.builder("arrakis.actions.malformed")
            .description("action messages that are not actions, dead-lettered")
            .register(registry);
  }

  /**
   * The process is stopping: actions waiting for the budget give up (retried later, by this or
   * another ingestor) instead of holding the shutdown; actions being executed finish.
   */
  public void stopping() {
    stopping = true;
  }

  @Override
  public HandlerOutcome handle(Delivery delivery) {
    Envelope envelope = delivery.envelope();
    recordQueueAge(envelope);
    DiscordAction action;
    try {
      action = ActionJson.decode(envelope.body());
    } catch (MalformedActionException ex) {
      malformed.increment();
      log.warn("malformed action {}: {}", envelope.messageId(), ex.getMessage());
      return HandlerOutcome.deadLetter("MalformedAction", ex.getMessage());
    }
    MDC.put("event_key", action.actionId());
    try {
      return handle(action, delivery);
    } finally {
      MDC.remove("event_key");
    }
  }

  private HandlerOutcome handle(DiscordAction action, Delivery delivery) {
    DiscordAction.Kind kind = action.kind();
    Envelope envelope = delivery.envelope();
    try {
      Optional<Instant> parkedUntil = ActionParking.parkedUntil(envelope);
      if (parkedUntil.isPresent()) {
        Duration left = Duration.between(clock.instant(), parkedUntil.get());
        if (left.compareTo(ActionParking.SHORTEST) >= 0) {
          return park(action, delivery, parkedUntil.get(), Map.of(), "early");
        }
        sleepIfPositive(left);
      }
      if (guard.check() == InvalidRequestGuard.State.STOPPED) {
        count(kind, "stopped");
        return park(action, delivery, clock.instant().plus(GUARD_STOP_PARK), Map.of(), "guard");
      }
      if (isRoleChange(kind) && !envelope.headers().containsKey(ROLE_SLOT)) {
        Instant slot = roleSchedule.reserve(action.guildId().getAsLong());
        Duration wait = Duration.between(clock.instant(), slot);
        if (wait.compareTo(ActionParking.SHORTEST) >= 0) {
          return park(
              action,
              delivery,
              slot,
              Map.of(ROLE_SLOT, Long.toString(slot.toEpochMilli())),
              "role-bucket");
        }
        sleepIfPositive(wait);
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return HandlerOutcome.retryLater("interrupted before the action was executed");
    }
    String key = claimKey(action.actionId());
    Claim claim;
    try {
      IdempotencyClaims.Outcome outcome = claims.claim(key, CLAIM_TTL);
      if (outcome instanceof IdempotencyClaims.AlreadyDone) {
        count(kind, "duplicate");
        log.info("action {} was already executed: duplicate acknowledged", action.actionId());
        return HandlerOutcome.ack();
      }
      if (outcome instanceof IdempotencyClaims.InProgress) {
        if (!delivery.redelivered() || !IDEMPOTENT.contains(kind)) {
          count(kind, "busy");
          return HandlerOutcome.retryLater("action is being executed by another ingestor");
        }
        takeovers.increment();
        log.warn(
            "action {} ({}) redelivered while claimed: the claimant died, taking over",
            action.actionId(),
            kind.key());
        // Not a claim of ours: release() will not touch the live one; markDone() is unconditional.
        claim = new Claim(key, "takeover");
      } else {
        claim = ((IdempotencyClaims.Claimed) outcome).claim();
      }
    } catch (StateUnavailableException ex) {
      count(kind, "unclaimed");
      return HandlerOutcome.retryLater(
          "Redis unreachable for the idempotency claim: not executing without one");
    }
    try {
      if (guard.state() == InvalidRequestGuard.State.SLOW && !guard.slowdown().isZero()) {
        sleeper.sleep(guard.slowdown());
      }
      int requests = executor.requestsFor(action);
      if (requests > 0 && !pacer.acquire(requests, () -> stopping)) {
        release(claim);
        count(kind, "deferred");
        if (stopping) {
          return HandlerOutcome.retryLater("ingestor stopping before the action was executed");
        }
        return park(action, delivery, clock.instant().plus(BUDGET_PARK), Map.of(), "budget");
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      release(claim);
      count(kind, "deferred");
      return HandlerOutcome.retryLater("interrupted before the action was executed");
    }
    return execute(action, delivery, claim);
  }

  private static boolean isRoleChange(DiscordAction.Kind kind) {
    return kind == DiscordAction.Kind.ROLE_ADD || kind == DiscordAction.Kind.ROLE_REMOVE;
  }

  private void sleepIfPositive(Duration wait) throws InterruptedException {
    if (!wait.isNegative() && !wait.isZero()) {
      sleeper.sleep(wait);
    }
  }

  /**
   * Parks the action until {@code until} ({@link ActionParking}) and acks it once the broker holds
   * the parked copy; if it does not, the delivery is retried by the consumer's ladder instead.
   */
  private HandlerOutcome park(
      DiscordAction action,
      Delivery delivery,
      Instant until,
      Map<String, String> headers,
      String reason) {
    try {
      parking.park(delivery, until, headers);
    } catch (ActionParking.ParkingFailedException ex) {
      log.warn("could not park action {} ({}): {}", action.actionId(), reason, ex.getMessage());
      return HandlerOutcome.retryLater(
          "could not park the action (" + reason + "): " + ex.getMessage());
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return HandlerOutcome.retryLater("interrupted while parking the action");
    }
    registry
        .counter("arrakis.actions.parked", "kind", action.kind().key(), "reason", reason)
        .increment();
    return HandlerOutcome.ack();
  }

  private static int retriesSoFar(Envelope envelope) {
    try {
      return Integer.parseInt(envelope.headers().getOrDefault(RETRIES, "0"));
    } catch (NumberFormatException ex) {
      return 0;
    }
  }

  private HandlerOutcome execute(DiscordAction action, Delivery delivery, Claim claim) {
    DiscordAction.Kind kind = action.kind();
    long started = System.nanoTime();
    ActionOutcome outcome;
    try {
      outcome = executor.execute(action);
    } catch (RuntimeException ex) {
      // The port promises an outcome; a bug must not lose the action either.
      release(claim);
      count(kind, "retry");
      log.error("executor failed on action {}: {}", action.actionId(), ex.toString(), ex);
      return HandlerOutcome.retryLater("executor failed: " + ex);
    } finally {
      Timer.builder("arrakis.actions.execution")
          .description("executing one action at Discord (the executor's own waits included)")
          .tag("kind", kind.key())
          .publishPercentiles(0.5, 0.99)
          .register(registry)
          .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
    guard.record(outcome.httpStatus());
    if (outcome instanceof ActionOutcome.Done) {
      markDone(claim, DONE_TTL);
      count(kind, "done");
      log.debug("action {} ({}) done", action.actionId(), kind.key());
      if (action instanceof DiscordAction.SendDirectMessage dm) {
        publishEvent(dm, ActionDoneEvent.of(dm, clock.instant()), "done");
      }
      return HandlerOutcome.ack();
    }
    if (outcome instanceof ActionOutcome.Retry retry) {
      release(claim);
      count(kind, "retry");
      String reason =
          retry.reason()
              + " (HTTP "
              + retry.httpStatus()
              + ", Discord asks to wait "
              + retry.after().toMillis()
              + " ms)";
      int retries = retriesSoFar(delivery.envelope()) + 1;
      if (retries > MAX_RETRIES) {
        count(kind, "gave_up");
        log.warn(
            "action {} ({}) dead-lettered after {} retries: {}",
            action.actionId(),
            kind.key(),
            MAX_RETRIES,
            reason);
        return HandlerOutcome.deadLetter(
            "RetriesExhausted", "retried " + MAX_RETRIES + " times, last: " + reason);
      }
      log.info("action {} ({}) will be retried: {}", action.actionId(), kind.key(), reason);
      Map<String, String> headers = new HashMap<>();
      headers.put(RETRIES, Integer.toString(retries));
      headers.put(ROLE_SLOT, null); // a role change takes a new moment in its guild's bucket
      Duration after =
          retry.after().compareTo(ActionParking.SHORTEST) < 0
              ? ActionParking.SHORTEST
              : retry.after();
      return park(action, delivery, clock.instant().plus(after), headers, "retry");
    }
    ActionOutcome.Refused refused = (ActionOutcome.Refused) outcome;
    markDone(claim, REFUSED_TTL);
    count(kind, "refused");
    log.warn(
        "action {} ({}) refused, dead-lettered: {}: {}",
        action.actionId(),
        kind.key(),
        refused.errorClass(),
        refused.reason());
    if (action instanceof DiscordAction.SendDirectMessage dm) {
      publishEvent(dm, ActionFailedEvent.of(dm, refused, clock.instant()), "failure");
    }
    return HandlerOutcome.deadLetter(refused.errorClass(), refused.reason());
  }

  /**
   * Publishes the DM's outcome event ({@code what}: {@code failure} or {@code done}) and waits for
   * the broker's confirm. When that fails it is logged and counted, and the action is settled
   * anyway: a refused DM is dead-lettered with its reason (a retry would cost Discord another
   * invalid request), a delivered one must not be sent twice.
   */
  private void publishEvent(DiscordAction.SendDirectMessage dm, Envelope event, String what) {
    String lost;
    try {
      publisher
          .publish(publisher.names().eventsExchange(), event)
          .get(FAILURE_EVENT_CONFIRM.toMillis(), TimeUnit.MILLISECONDS);
      registry.counter("arrakis.actions." + what + ".events", "result", "published").increment();
      return;
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      lost = "interrupted";
    } catch (ExecutionException ex) {
      lost = String.valueOf(ex.getCause());
    } catch (TimeoutException ex) {
      lost = "no confirm within " + FAILURE_EVENT_CONFIRM;
    } catch (RuntimeException ex) {
      lost = ex.toString();
    }
    registry.counter("arrakis.actions." + what + ".events", "result", "failed").increment();
    log.error("could not publish the {} event of DM {} ({})", what, dm.actionId(), lost);
  }

  private void recordQueueAge(Envelope envelope) {
    long receivedAtMicros = envelope.receivedAtMicros();
    if (receivedAtMicros > 0) {
      Instant now = clock.instant();
      long nowMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
      queueAge.record(Math.max(0, nowMicros - receivedAtMicros), TimeUnit.MICROSECONDS);
    }
  }

  private void markDone(Claim claim, Duration keepFor) {
    try {
      claims.markDone(claim, keepFor);
    } catch (StateUnavailableException ex) {
      log.warn(
          "could not mark {} done ({}): its claim expires by itself",
          claim.eventKey(),
          ex.getMessage());
    }
  }

  private void release(Claim claim) {
    try {
      claims.release(claim);
    } catch (StateUnavailableException ex) {
      log.warn("could not release {}: it expires by itself", claim.eventKey());
    }
  }

  private void count(DiscordAction.Kind kind, String result) {
    registry.counter("arrakis.actions.executed", "kind", kind.key(), "result", result).increment();
  }

  /**
   * The claim key of an action: {@code action:{actionId}} (its own namespace beside the workers'
   * event keys); an id too long for a key segment is replaced by its SHA-256.
   */
  static String claimKey(String actionId) {
    String key = CLAIM_PREFIX + actionId;
    if (key.length() <= MAX_KEY) {
      return key;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(actionId.getBytes(StandardCharsets.UTF_8));
      return CLAIM_PREFIX + "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("SHA-256 is part of every JDK", ex);
    }
  }
}
