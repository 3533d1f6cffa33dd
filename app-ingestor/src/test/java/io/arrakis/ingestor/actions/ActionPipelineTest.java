package io.arrakis.ingestor.actions;

import static io.arrakis.ingestor.actions.Actions.addRole;
import static io.arrakis.ingestor.actions.Actions.delete;
import static io.arrakis.ingestor.actions.Actions.delivery;
import static io.arrakis.ingestor.actions.Actions.dm;
import static io.arrakis.ingestor.actions.Actions.edit;
import static io.arrakis.ingestor.actions.Actions.post;
import static io.arrakis.ingestor.actions.Actions.removeRole;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arrakis.discord.action.ActionOutcome;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.HandlerOutcome;
import io.arrakis.messaging.RetryPolicy;
import io.arrakis.messaging.Topology;
import io.arrakis.messaging.TopologyNames;
import io.arrakis.messaging.TopologyProfile;
import io.arrakis.state.IdempotencyClaims;
import io.arrakis.testkit.messaging.InMemoryEventBus;
import io.arrakis.testkit.state.InMemoryIdempotencyClaims;
import io.arrakis.testkit.state.InMemoryRateLimiter;
import io.arrakis.testkit.state.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ActionPipelineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final InMemoryIdempotencyClaims claims = new InMemoryIdempotencyClaims(clock);
  private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final Topology topology =
      Topology.of(TopologyNames.DEFAULT, TopologyProfile.CLASSIC_PRIORITY, RetryPolicy.STANDARD);
  private final InMemoryEventBus bus = new InMemoryEventBus(Actions.withParking(topology));
  private final ScriptedExecutor executor = new ScriptedExecutor(clock);
  private final ActionSettings settings =
      new ActionSettings(45, 10, 4, 1, 3, 5, Duration.ofSeconds(1));
  private final InvalidRequestGuard guard =
      new InvalidRequestGuard(limiter, settings, clock, metrics);
  private final GlobalPacer pacer =
      new GlobalPacer(limiter, settings, clock, clock::advance, metrics);
  private final ActionPipeline pipeline =
      pipeline(new GuildRolePace(1_000_000, Duration.ofSeconds(1))); // role bucket out of the way

  private ActionPipeline pipeline(GuildRolePace pace) {
    return new ActionPipeline(
        executor,
        claims,
        pacer,
        guard,
        bus,
        new GuildRoleSchedule(pace, clock),
        clock::advance,
        clock,
        metrics);
  }

  private List<Envelope> parked(String tier) {
    return bus.peek("arrakis.actions.park." + tier);
  }

  @AfterEach
  void closeBus() {
    bus.close();
  }

  private HandlerOutcome handle(DiscordAction action) {
    return pipeline.handle(delivery(action, clock.instant(), false));
  }

  private HandlerOutcome redeliver(DiscordAction action) {
    return pipeline.handle(delivery(action, clock.instant(), true));
  }

  private double executed(String kind, String result) {
    var c = metrics.find("arrakis.actions.executed").tag("kind", kind).tag("result", result);
    return c.counter() == null ? 0 : c.counter().count();
  }

  private IdempotencyClaims.Outcome claimNow(String actionId) throws Exception {
    return claims.claim(ActionPipeline.claimKey(actionId), Duration.ofMinutes(1));
  }

  @Test
  void givenAnAction_thenExecutedOnceAckedAndMarkedDone() throws Exception {
    HandlerOutcome outcome = handle(addRole("i1:role.add:7"));

    assertThat(outcome).isEqualTo(HandlerOutcome.ack());
    assertThat(executor.executed()).containsExactly(addRole("i1:role.add:7"));
    assertThat(claimNow("i1:role.add:7")).isInstanceOf(IdempotencyClaims.AlreadyDone.class);
    assertThat(executed("role.add", "done")).isEqualTo(1);
    assertThat(metrics.find("arrakis.actions.execution").tag("kind", "role.add").timer().count())
        .isEqualTo(1);
  }

  @Test
  void givenTheSameActionTwice_thenTheDuplicateIsAckedWithoutExecuting() {
    handle(dm("a:dm"));
    HandlerOutcome second = redeliver(dm("a:dm"));

    assertThat(second).isEqualTo(HandlerOutcome.ack());
    assertThat(executor.executed()).hasSize(1);
    assertThat(executed("dm.send", "duplicate")).isEqualTo(1);
  }

  @Test
  void givenAnActionClaimedElsewhere_thenRetriedLaterAndNotExecuted() throws Exception {
    claimNow("busy:role.add");

    HandlerOutcome outcome = handle(addRole("busy:role.add"));

    assertThat(outcome).isInstanceOf(HandlerOutcome.RetryLater.class);
    assertThat(executor.executed()).isEmpty();
    assertThat(executed("role.add", "busy")).isEqualTo(1);
  }

  static Stream<DiscordAction> idempotentKinds() {
    return Stream.of(addRole("t1"), removeRole("t2"), edit("t3"), delete("t4"));
  }

  @ParameterizedTest
  @MethodSource("idempotentKinds")
  void givenARedeliveryOfAClaimedIdempotentAction_thenTakenOverAndMarkedDone(DiscordAction action)
      throws Exception {
    claimNow(action.actionId()); // the ingestor that held it died with the claim

    HandlerOutcome outcome = redeliver(action);

    assertThat(outcome).isEqualTo(HandlerOutcome.ack());
    assertThat(executor.executed()).containsExactly(action);
    assertThat(metrics.counter("arrakis.actions.takeovers").count()).isEqualTo(1);
    clock.advance(ActionPipeline.CLAIM_TTL.plusSeconds(1)); // the dead claim would have expired
    assertThat(claimNow(action.actionId())).isInstanceOf(IdempotencyClaims.AlreadyDone.class);
  }

  static Stream<DiscordAction> nonIdempotentKinds() {
    return Stream.of(dm("n1"), post("n2"));
  }

  @ParameterizedTest
  @MethodSource("nonIdempotentKinds")
  void givenARedeliveryOfAClaimedDmOrPost_thenNeverTakenOver(DiscordAction action)
      throws Exception {
    claimNow(action.actionId());

    HandlerOutcome outcome = redeliver(action);

    assertThat(outcome).isInstanceOf(HandlerOutcome.RetryLater.class);
    assertThat(executor.executed()).isEmpty();
    assertThat(metrics.counter("arrakis.actions.takeovers").count()).isZero();
  }

  @Test
  void givenAClaimedDmWhoseClaimantDied_thenExecutedOnceTheClaimExpired() throws Exception {
    claimNow("late:dm"); // a one-minute claim

    assertThat(redeliver(dm("late:dm"))).isInstanceOf(HandlerOutcome.RetryLater.class);
    clock.advance(Duration.ofMinutes(1));
    assertThat(handle(dm("late:dm"))).isEqualTo(HandlerOutcome.ack());

    assertThat(executor.executed()).containsExactly(dm("late:dm"));
  }

  @Test
  void givenRedisDown_thenRetriedLaterWithoutExecuting() {
    claims.setDown(true);

    HandlerOutcome outcome = handle(dm("down:dm"));

    assertThat(outcome).isInstanceOf(HandlerOutcome.RetryLater.class);
    assertThat(((HandlerOutcome.RetryLater) outcome).reason()).contains("Redis");
    assertThat(executor.executed()).isEmpty();
    assertThat(executed("dm.send", "unclaimed")).isEqualTo(1);
  }

  @Test
  void givenATransientFailure_thenParkedForWhatTheExecutorAskedAndTheClaimReleased()
      throws Exception {
    executor.then(new ActionOutcome.Retry("Discord answered 502", Duration.ofSeconds(2), 502));

    HandlerOutcome outcome = handle(addRole("r:role.add"));

    assertThat(outcome).isEqualTo(HandlerOutcome.ack()); // acked once the parked copy is safe
    List<Envelope> parked = parked("2s");
    assertThat(parked).hasSize(1);
    Envelope copy = parked.get(0);
    assertThat(copy.messageId()).isEqualTo("r:role.add");
    assertThat(copy.headers())
        .containsEntry(
            ActionParking.PARK_UNTIL, Long.toString(clock.instant().plusSeconds(2).toEpochMilli()))
        .containsEntry(ActionPipeline.RETRIES, "1")
        .containsEntry("origin-queue", Actions.queueOf(addRole("r:role.add")))
        .doesNotContainKey(ActionPipeline.ROLE_SLOT);
    assertThat(claimNow("r:role.add")).isInstanceOf(IdempotencyClaims.Claimed.class);
    assertThat(executed("role.add", "retry")).isEqualTo(1);
  }

  @Test
  void givenAParkedActionBackEarly_thenParkedAgainForTheRestWithoutExecuting() {
    Envelope early =
        Actions.envelope(post("early:post"), clock.instant()).toBuilder()
            .headers(
                java.util.Map.of(
                    ActionParking.PARK_UNTIL,
                    Long.toString(clock.instant().plusSeconds(100).toEpochMilli())))
            .build();

    HandlerOutcome outcome =
        pipeline.handle(
            new io.arrakis.messaging.Delivery(early, Actions.queueOf(post("x")), 1, false));

    assertThat(outcome).isEqualTo(HandlerOutcome.ack());
    assertThat(executor.executed()).isEmpty();
    assertThat(parked("64s")).hasSize(1); // the largest tier within the 100 s left
  }

  @Test
  void givenTheExecutorAskedToRetryTooOften_thenDeadLetteredWithTheLastReason() {
    executor.then(new ActionOutcome.Retry("Discord answered 503", Duration.ofSeconds(5), 503));
    Envelope tired =
        Actions.envelope(post("tired:post"), clock.instant()).toBuilder()
            .headers(
                java.util.Map.of(
                    ActionPipeline.RETRIES, Integer.toString(ActionPipeline.MAX_RETRIES)))
            .build();

    HandlerOutcome outcome =
        pipeline.handle(
            new io.arrakis.messaging.Delivery(tired, Actions.queueOf(post("x")), 1, false));

    assertThat(outcome).isInstanceOf(HandlerOutcome.DeadLetter.class);
    assertThat(((HandlerOutcome.DeadLetter) outcome).errorClass()).isEqualTo("RetriesExhausted");
    assertThat(((HandlerOutcome.DeadLetter) outcome).reason()).contains("503");
  }

  @Test
  void givenTheParkCannotBeConfirmed_thenTheDeliveryIsRetriedByTheConsumerNotAcked() {
    executor.then(new ActionOutcome.Retry("Discord answered 502", Duration.ofSeconds(2), 502));
    bus.close(); // the broker does not take the parked copy

    HandlerOutcome outcome = handle(post("unparked:post"));

    assertThat(outcome).isInstanceOf(HandlerOutcome.RetryLater.class);
    assertThat(((HandlerOutcome.RetryLater) outcome).reason()).contains("could not park");
  }

  @Test
  void givenManyRoleChangesInOneGuild_thenEachParkedUntilItsMomentAndOtherGuildsFlow()
      throws Exception {
    ActionPipeline paced = pipeline(new GuildRolePace(10, Duration.ofSeconds(10)));
    Instant start = clock.instant();

    assertThat(paced.handle(delivery(addRole("s0"), start, false))).isEqualTo(HandlerOutcome.ack());
    paced.handle(delivery(addRole("s1"), start, false));
    paced.handle(delivery(addRole("s2"), start, false));
    DiscordAction otherGuild =
        new DiscordAction.AddRole("o0", Actions.GUILD + 1, Actions.USER, Actions.ROLE, "sync");
    paced.handle(delivery(otherGuild, start, false));

    assertThat(executor.executed().stream().map(DiscordAction::actionId))
        .containsExactly("s0", "o0"); // the other guild is not behind the first one's bucket
    Envelope second = parked("1s").get(0);
    Envelope third = parked("2s").get(0);
    assertThat(second.headers())
        .containsEntry(
            ActionPipeline.ROLE_SLOT, Long.toString(start.plusSeconds(1).toEpochMilli()));
    assertThat(third.headers())
        .containsEntry(
            ActionPipeline.ROLE_SLOT, Long.toString(start.plusSeconds(2).toEpochMilli()));
    assertThat(executed("role.add", "done")).isEqualTo(2);

    clock.advance(Duration.ofSeconds(2)); // both come back from their delay queues
    paced.handle(new io.arrakis.messaging.Delivery(third, Actions.queueOf(addRole("s")), 1, false));
    paced.handle(
        new io.arrakis.messaging.Delivery(second, Actions.queueOf(addRole("s")), 1, false));

    assertThat(executor.executed().stream().map(DiscordAction::actionId))
        .containsExactly("s0", "o0", "s2", "s1"); // run at their moments, not rescheduled
  }

  @Test
  void givenADeliveredDm_thenTheDoneEventIsPublished() throws Exception {
    HandlerOutcome outcome = handle(dm("alert-10:dm"));

    assertThat(outcome).isEqualTo(HandlerOutcome.ack());
    List<Envelope> events = bus.peek(topology.names().guildEventsQueue());
    assertThat(events).hasSize(1);
    Envelope event = events.get(0);
    assertThat(event.type()).isEqualTo("ACTION_DONE");
    assertThat(event.routingKey()).isEqualTo("action.done.dm.send");
    assertThat(event.messageId()).isEqualTo("alert-10:dm:done");
    JsonNode body = JSON.readTree(event.body());
    assertThat(body.get("action_id").asText()).isEqualTo("alert-10:dm");
    assertThat(body.get("kind").asText()).isEqualTo("dm.send");
    assertThat(body.get("user_id").asText()).isEqualTo(Long.toString(Actions.USER));
    assertThat(body.get("purpose").asText()).isEqualTo("alert:position_update");
    assertThat(body.size()).isEqualTo(4);
  }

  @Test
  void givenARetryThenSuccess_thenTheRetryExecutesAgain() {
    // The parked copy comes back as a new delivery of the same action.
    executor.then(new ActionOutcome.Retry("timeout", Duration.ofSeconds(1), 0));

    handle(post("rp:post"));
    HandlerOutcome second = handle(post("rp:post"));

    assertThat(second).isEqualTo(HandlerOutcome.ack());
    assertThat(executor.executed()).hasSize(2);
  }

  @Test
  void givenAnExecutorThatThrows_thenRetriedLaterAndTheClaimReleased() throws Exception {
    executor.thenThrow(new IllegalStateException("bug"));

    HandlerOutcome outcome = handle(addRole("x:role.add"));

    assertThat(outcome).isInstanceOf(HandlerOutcome.RetryLater.class);
    assertThat(((HandlerOutcome.RetryLater) outcome).reason()).contains("bug");
    assertThat(claimNow("x:role.add")).isInstanceOf(IdempotencyClaims.Claimed.class);
  }

  @Test
  void givenARefusal_thenDeadLetteredWithClassAndReasonAndNotExecutedAgain() throws Exception {
    executor.then(
        new ActionOutcome.Refused("RoleAboveBot", "role 7 is above the bot's highest role", 0));

    HandlerOutcome outcome = handle(addRole("ra:role.add"));

    assertThat(outcome)
        .isEqualTo(
            HandlerOutcome.deadLetter("RoleAboveBot", "role 7 is above the bot's highest role"));
    assertThat(claimNow("ra:role.add")).isInstanceOf(IdempotencyClaims.AlreadyDone.class);
    assertThat(executed("role.add", "refused")).isEqualTo(1);
    assertThat(bus.peek(topology.names().guildEventsQueue())).isEmpty(); // no event for roles
  }

  @Test
  void givenARefusal_thenRememberedOnlyLongEnoughForAnOperatorToReplayItLater() throws Exception {
    executor.then(new ActionOutcome.Refused("MissingPermission", "no MANAGE_ROLES", 403));
    handle(addRole("op:role.add"));

    clock.advance(ActionPipeline.REFUSED_TTL.plusSeconds(1));

    assertThat(handle(addRole("op:role.add"))).isEqualTo(HandlerOutcome.ack());
    assertThat(executor.executed()).hasSize(2);
  }

  @Test
  void givenADmToClosedDms_thenDeadLetteredAndTheFailureEventPublished() throws Exception {
    executor.then(new ActionOutcome.Refused("DmClosed", "Cannot send messages to this user", 403));

    HandlerOutcome outcome = handle(dm("alert-9:dm"));

    assertThat(outcome)
        .isEqualTo(HandlerOutcome.deadLetter("DmClosed", "Cannot send messages to this user"));
    List<Envelope> events = bus.peek(topology.names().guildEventsQueue());
    assertThat(events).hasSize(1);
    Envelope event = events.get(0);
    assertThat(event.type()).isEqualTo("ACTION_FAILED");
    assertThat(event.routingKey()).isEqualTo("action.failed.dm.send");
    assertThat(event.messageId()).isEqualTo("alert-9:dm:failed");
    assertThat(event.contentType()).isEqualTo(Envelope.JSON);
    assertThat(event.expiration()).isEmpty();
    JsonNode body = JSON.readTree(event.body());
    assertThat(body.get("action_id").asText()).isEqualTo("alert-9:dm");
    assertThat(body.get("kind").asText()).isEqualTo("dm.send");
    assertThat(body.get("user_id").asText()).isEqualTo(Long.toString(Actions.USER));
    assertThat(body.get("purpose").asText()).isEqualTo("alert:position_update");
    assertThat(body.get("error_class").asText()).isEqualTo("DmClosed");
    assertThat(body.get("reason").asText()).isEqualTo("Cannot send messages to this user");
    assertThat(body.size()).isEqualTo(6);
    assertThat(metrics.find("arrakis.actions.failure.events").tag("result", "published").counter())
        .isNotNull();
  }

  @Test
  void givenTheFailureEventCannotBePublished_thenTheDmIsStillDeadLetteredNotRetried() {
    bus.close(); // publishing fails
    executor.then(new ActionOutcome.Refused("DmClosed", "closed", 403));

    HandlerOutcome outcome = handle(dm("lost:dm"));

    assertThat(outcome).isEqualTo(HandlerOutcome.deadLetter("DmClosed", "closed"));
    assertThat(
            metrics
                .find("arrakis.actions.failure.events")
                .tag("result", "failed")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void givenAMalformedBody_thenDeadLetteredWithTheReasonAndNothingExecuted() {
    HandlerOutcome outcome =
        pipeline.handle(
            Actions.rawDelivery(
                "m1",
                "{\"v\":1,\"kind\":\"role.add\",\"action_id\":\"m1\",\"guild_id\":\"x\"}",
                clock.instant()));

    assertThat(outcome).isInstanceOf(HandlerOutcome.DeadLetter.class);
    HandlerOutcome.DeadLetter dead = (HandlerOutcome.DeadLetter) outcome;
    assertThat(dead.errorClass()).isEqualTo("MalformedAction");
    assertThat(dead.reason()).contains("m1").contains("guild_id");
    assertThat(executor.executed()).isEmpty();
    assertThat(metrics.counter("arrakis.actions.malformed").count()).isEqualTo(1);
  }

  @Test
  void givenNotJson_thenDeadLettered() {
    HandlerOutcome outcome = pipeline.handle(Actions.rawDelivery("m2", "{oops", clock.instant()));

    assertThat(outcome).isInstanceOf(HandlerOutcome.DeadLetter.class);
    assertThat(((HandlerOutcome.DeadLetter) outcome).reason()).contains("not valid JSON");
  }

  @Test
  void givenAnActionThatWaitedInTheQueue_thenItsAgeIsRecorded() {
    Instant published = clock.instant();
    clock.advance(Duration.ofMillis(1500));

    pipeline.handle(delivery(addRole("age"), published, false));

    var age = metrics.find("arrakis.actions.queue.age").timer();
    assertThat(age.count()).isEqualTo(1);
    assertThat(age.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500);
  }

  @Test
  void givenInvalidAnswers_thenTheGuardCountsThem() {
    executor
        .then(new ActionOutcome.Refused("MissingPermission", "no", 403))
        .then(new ActionOutcome.Retry("rate limited", Duration.ofSeconds(1), 429))
        .then(new ActionOutcome.Refused("UnknownMember", "gone", 404));

    handle(addRole("g1"));
    handle(addRole("g2"));
    handle(addRole("g3"));

    assertThat(guard.lastCount()).isEqualTo(2);
    assertThat(metrics.find("arrakis.actions.invalid.requests").counters())
        .extracting(c -> c.getId().getTag("status"))
        .containsExactlyInAnyOrder("403", "429");
  }

  @Test
  void givenTheGuardSlowedDown_thenEachActionWaitsTheSlowdownFirst() {
    for (int i = 0; i < 4; i++) {
      guard.record(403); // 4 > slow threshold 3
    }
    Instant before = clock.instant();

    handle(addRole("slow"));

    assertThat(executor.times()).containsExactly(before.plusSeconds(1));
  }

  @Test
  void givenTheGuardStopped_thenNothingIsClaimedOrExecuted() throws Exception {
    for (int i = 0; i < 6; i++) {
      guard.record(401); // 6 > stop threshold 5
    }

    HandlerOutcome outcome = handle(addRole("stopped"));

    assertThat(outcome).isEqualTo(HandlerOutcome.ack()); // parked, not a retry that could run out
    assertThat(parked("32s")).hasSize(1);
    assertThat(parked("32s").get(0).headers())
        .containsEntry(
            ActionParking.PARK_UNTIL,
            Long.toString(clock.instant().plus(ActionPipeline.GUARD_STOP_PARK).toEpochMilli()))
        .doesNotContainKey(ActionPipeline.RETRIES);
    assertThat(executor.executed()).isEmpty();
    assertThat(claimNow("stopped")).isInstanceOf(IdempotencyClaims.Claimed.class);
    assertThat(executed("role.add", "stopped")).isEqualTo(1);
  }

  @Test
  void givenTheBudgetSpentByOthers_thenTheActionWaitsForItsPermits() throws Exception {
    GlobalPacer other = new GlobalPacer(limiter, settings, clock, clock::advance, metrics);
    assertThat(other.acquire(45, () -> false)).isTrue(); // another ingestor took the whole second
    Instant full = clock.instant();

    handle(dm("paced:dm")); // a DM needs two requests

    assertThat(executor.times()).containsExactly(full.plusSeconds(1));
  }

  @Test
  void givenTheIngestorStopping_thenAnActionWaitingForTheBudgetIsDeferredAndReleased()
      throws Exception {
    GlobalPacer other = new GlobalPacer(limiter, settings, clock, clock::advance, metrics);
    other.acquire(45, () -> false);
    pipeline.stopping();

    HandlerOutcome outcome = handle(addRole("bye"));

    assertThat(outcome).isInstanceOf(HandlerOutcome.RetryLater.class);
    assertThat(executor.executed()).isEmpty();
    assertThat(claimNow("bye")).isInstanceOf(IdempotencyClaims.Claimed.class);
    assertThat(executed("role.add", "deferred")).isEqualTo(1);
  }

  @Test
  void givenALongActionId_thenTheClaimKeyStaysAValidKey() throws Exception {
    String id = "x".repeat(200);
    assertThat(ActionPipeline.claimKey(id)).hasSizeLessThanOrEqualTo(200).startsWith("action:");
    assertThat(ActionPipeline.claimKey("short")).isEqualTo("action:short");

    assertThat(handle(addRole(id))).isEqualTo(HandlerOutcome.ack());
    assertThat(handle(addRole(id))).isEqualTo(HandlerOutcome.ack());
    assertThat(executor.executed()).hasSize(1);
  }
}
