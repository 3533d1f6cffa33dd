package io.arrakis.worker;

import static io.arrakis.worker.TestInteractions.envelope;
import static io.arrakis.worker.TestInteractions.firstDelivery;
import static io.arrakis.worker.TestInteractions.redelivery;
import static io.arrakis.worker.TestInteractions.slashCommand;
import static io.arrakis.worker.TestInteractions.snowflakeAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandGate;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.CommunityDirectory;
import io.arrakis.bot.InteractionDispatcher;
import io.arrakis.bot.Invocation;
import io.arrakis.bot.Replies;
import io.arrakis.bot.Transactions;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessagePayload;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.messaging.Delivery;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.HandlerOutcome;
import io.arrakis.state.IdempotencyClaims;
import io.arrakis.testkit.domain.InMemoryCommunityRepository;
import io.arrakis.testkit.state.InMemoryCooldownStore;
import io.arrakis.testkit.state.InMemoryIdempotencyClaims;
import io.arrakis.testkit.state.InMemoryRateLimiter;
import io.arrakis.testkit.state.ManualClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The interaction consumer over a real {@link InteractionDispatcher} with recording fakes: the
 * 3-second window, the idempotency claim (duplicates, takeover on redelivery, Redis down) and what
 * is dead-lettered.
 */
class InteractionPipelineTest {
  private static final Instant NOW = Instant.parse("2026-11-28T13:30:00Z");
  private static final String COMMAND = "stats";

  private final ManualClock clock = new ManualClock(NOW);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final InMemoryIdempotencyClaims claims = new InMemoryIdempotencyClaims(clock);
  private final RecordingResponder responder = new RecordingResponder();
  private final RecordingCommand command = new RecordingCommand();
  private final InteractionPipeline pipeline;

  InteractionPipelineTest() {
    InMemoryCommunityRepository communities = new InMemoryCommunityRepository();
    communities.save(
        SietchPreset.newCommunity(
                CommunityId.random(), new Snowflake(TestInteractions.GUILD), "Arrakis")
            .withActive(true));
    InteractionDispatcher dispatcher =
        new InteractionDispatcher(
            List.of(command),
            responder,
            action -> CompletableFuture.completedFuture(null),
            new CommunityDirectory(communities, Transactions.none()),
            new CommandGate(
                new InMemoryCooldownStore(clock), new InMemoryRateLimiter(clock), clock),
            Transactions.none(),
            clock,
            Duration.ofMillis(100));
    pipeline = new InteractionPipeline(dispatcher, claims, clock, registry);
  }

  /** Answers {@code /stats} at once with a message naming the interaction. */
  private static final class RecordingCommand implements CommandHandler {
    final List<Long> handled = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
      return COMMAND;
    }

    @Override
    public AnswerMode answerMode(SlashCommand command) {
      return AnswerMode.IMMEDIATE;
    }

    @Override
    public Answer handle(Invocation invocation) {
      handled.add(invocation.interactionId());
      return Answer.reply(MessagePayload.ephemeralText("stats of " + invocation.interactionId()));
    }
  }

  /** An interaction created {@code age} before now, read off the socket just after. */
  private static Envelope interaction(Duration age, String name) {
    Instant created = NOW.minus(age);
    long id = snowflakeAt(created);
    return envelope(id, slashCommand(id, name), created.plusMillis(20));
  }

  private static Envelope freshStats() {
    return interaction(Duration.ofMillis(300), COMMAND);
  }

  private static String claimKey(Envelope envelope) {
    return "interaction:" + envelope.messageId();
  }

  private HandlerOutcome handle(Delivery delivery) {
    return pipeline.handle(delivery);
  }

  private double count(String name) {
    Counter counter = registry.find(name).counter();
    return counter == null ? 0 : counter.count();
  }

  private double results(String result) {
    Counter counter =
        registry
            .find("arrakis.worker.interactions")
            .tags("type", "command", "result", result)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void givenInteractionOlderThanThreeSeconds_handle_acksWithoutDispatchAndCountsExpired()
      throws Exception {
    Envelope stale = interaction(Duration.ofMillis(3_001), COMMAND);

    HandlerOutcome outcome = handle(firstDelivery(stale));

    assertThat(outcome).isEqualTo(HandlerOutcome.ack());
    assertThat(command.handled).isEmpty();
    assertThat(responder.calls()).isEmpty();
    assertThat(count("arrakis.worker.interactions.expired")).isEqualTo(1.0);
    // no claim was taken for it
    assertThat(claims.claim(claimKey(stale), Duration.ofSeconds(1)))
        .isInstanceOf(IdempotencyClaims.Claimed.class);
  }

  @Test
  void givenInteractionExactlyThreeSecondsOld_handle_stillAnswersIt() {
    HandlerOutcome outcome = handle(firstDelivery(interaction(Duration.ofSeconds(3), COMMAND)));

    assertThat(outcome).isEqualTo(HandlerOutcome.ack());
    assertThat(command.handled).hasSize(1);
    assertThat(count("arrakis.worker.interactions.expired")).isZero();
  }

  @Test
  void givenFreshInteraction_handle_dispatchesOnceAnswersAndMarksTheClaimDone() throws Exception {
    Envelope fresh = freshStats();

    HandlerOutcome outcome = handle(firstDelivery(fresh));

    assertThat(outcome).isEqualTo(HandlerOutcome.ack());
    assertThat(command.handled).containsExactly(Long.parseUnsignedLong(fresh.messageId()));
    assertThat(responder.responses())
        .singleElement()
        .isInstanceOfSatisfying(
            InteractionResponse.Reply.class,
            reply -> assertThat(reply.message().content()).startsWith("stats of "));
    assertThat(responder.calls().get(0).token().interactionId())
        .isEqualTo(Long.parseUnsignedLong(fresh.messageId()));
    assertThat(results("answered")).isEqualTo(1.0);
    assertThat(claims.claim(claimKey(fresh), Duration.ofSeconds(1)))
        .isInstanceOf(IdempotencyClaims.AlreadyDone.class);
  }

  @Test
  void givenFreshInteraction_handle_recordsQueueDelayAndFirstResponseTimers() {
    handle(firstDelivery(freshStats()));

    assertThat(registry.get("arrakis.worker.interaction.queue.delay").timer().count()).isEqualTo(1);
    assertThat(registry.get("arrakis.worker.interaction.first.response").timer().count())
        .isEqualTo(1);
    assertThat(registry.get("arrakis.worker.interaction.received.to.response").timer().count())
        .isEqualTo(1);
  }

  @Test
  void givenInteractionAlreadyHandled_secondDelivery_isAckedAsDuplicateWithoutDispatch() {
    Envelope fresh = freshStats();
    handle(firstDelivery(fresh));

    HandlerOutcome again = handle(redelivery(fresh));

    assertThat(again).isEqualTo(HandlerOutcome.ack());
    assertThat(command.handled).hasSize(1);
    assertThat(responder.calls()).hasSize(1);
    assertThat(count("arrakis.worker.interactions.duplicates")).isEqualTo(1.0);
  }

  @Test
  void givenClaimHeldElsewhere_firstDelivery_isAckedAsDuplicateWithoutDispatch() throws Exception {
    Envelope fresh = freshStats();
    claims.claim(claimKey(fresh), Duration.ofMinutes(2)); // another worker is on it

    HandlerOutcome outcome = handle(firstDelivery(fresh));

    assertThat(outcome).isEqualTo(HandlerOutcome.ack());
    assertThat(command.handled).isEmpty();
    assertThat(responder.calls()).isEmpty();
    assertThat(count("arrakis.worker.interactions.duplicates")).isEqualTo(1.0);
    assertThat(count("arrakis.worker.interactions.takeovers")).isZero();
  }

  @Test
  void givenClaimHeldByAWorkerThatDied_brokerRedelivery_isTakenOverAndAnswered() throws Exception {
    Envelope fresh = freshStats();
    claims.claim(claimKey(fresh), Duration.ofMinutes(2)); // the claimant died holding it

    HandlerOutcome outcome = handle(redelivery(fresh));

    assertThat(outcome).isEqualTo(HandlerOutcome.ack());
    assertThat(command.handled).hasSize(1);
    assertThat(responder.responses()).hasSize(1);
    assertThat(count("arrakis.worker.interactions.takeovers")).isEqualTo(1.0);
    assertThat(count("arrakis.worker.interactions.duplicates")).isZero();
  }

  @Test
  void givenRedisDown_handle_answersAnywayAndCountsUnclaimed() {
    claims.setDown(true);

    HandlerOutcome outcome = handle(firstDelivery(freshStats()));

    assertThat(outcome).isEqualTo(HandlerOutcome.ack());
    assertThat(command.handled).hasSize(1);
    assertThat(responder.responses()).hasSize(1);
    assertThat(count("arrakis.worker.interactions.unclaimed")).isEqualTo(1.0);
  }

  @Test
  void givenRedisLostWhileHandling_handle_stillAcksTheAnsweredInteraction() {
    RecordingResponder failingAfterAnswer =
        responder.answering(
            () -> {
              claims.setDown(true); // Redis goes away before markDone
              return RecordingResponder.sent();
            });

    HandlerOutcome outcome = handle(firstDelivery(freshStats()));

    assertThat(outcome).isEqualTo(HandlerOutcome.ack());
    assertThat(failingAfterAnswer.responses()).hasSize(1);
    assertThat(results("answered")).isEqualTo(1.0);
  }

  @Test
  void givenDiscordUnreachable_handle_acksAndCountsTheAnswerAsUndelivered() {
    responder.answering(RecordingResponder::unavailable);

    HandlerOutcome outcome = handle(firstDelivery(freshStats()));

    // the 3-second window will not wait for a retry
    assertThat(outcome).isEqualTo(HandlerOutcome.ack());
    assertThat(results("undelivered")).isEqualTo(1.0);
    assertThat(registry.get("arrakis.worker.interaction.first.response").timer().count()).isZero();
  }

  @Test
  void givenUnparseableBody_handle_deadLettersAsMalformedInteraction() {
    Envelope garbage =
        envelope(
            snowflakeAt(NOW), "{not json".getBytes(StandardCharsets.UTF_8), NOW.minusMillis(10));

    HandlerOutcome outcome = handle(firstDelivery(garbage));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            HandlerOutcome.DeadLetter.class,
            dead -> {
              assertThat(dead.errorClass()).isEqualTo("MalformedInteraction");
              assertThat(dead.reason()).contains("not valid JSON");
            });
    assertThat(count("arrakis.worker.interactions.malformed")).isEqualTo(1.0);
    assertThat(responder.calls()).isEmpty();
  }

  @Test
  void givenPayloadWithoutToken_handle_deadLettersAsMalformedInteraction() {
    long id = snowflakeAt(NOW);
    String body =
        new String(slashCommand(id, COMMAND), StandardCharsets.UTF_8)
            .replaceFirst("\"token\":\"[^\"]*\",", "");
    Envelope noToken = envelope(id, body.getBytes(StandardCharsets.UTF_8), NOW);

    HandlerOutcome outcome = handle(firstDelivery(noToken));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            HandlerOutcome.DeadLetter.class,
            dead -> {
              assertThat(dead.errorClass()).isEqualTo("MalformedInteraction");
              assertThat(dead.reason()).contains("token");
            });
    assertThat(command.handled).isEmpty();
  }

  @Test
  void givenUnknownCommand_handle_answersTheUserThenDeadLettersAsUnsupported() throws Exception {
    Envelope unknown = interaction(Duration.ofMillis(200), "no-such-command");

    HandlerOutcome outcome = handle(firstDelivery(unknown));

    assertThat(responder.responses())
        .singleElement()
        .isEqualTo(new InteractionResponse.Reply(Replies.unknownCommand()));
    assertThat(outcome)
        .isInstanceOfSatisfying(
            HandlerOutcome.DeadLetter.class,
            dead -> {
              assertThat(dead.errorClass()).isEqualTo("UnsupportedInteraction");
              assertThat(dead.reason()).contains("/no-such-command");
            });
    assertThat(results("unsupported")).isEqualTo(1.0);
    // answered once: a replay of it is a duplicate, not a second "not available"
    assertThat(claims.claim(claimKey(unknown), Duration.ofSeconds(1)))
        .isInstanceOf(IdempotencyClaims.AlreadyDone.class);
  }
}
