package io.arrakis.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.GuildEventHandler;
import io.arrakis.messaging.Delivery;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.HandlerOutcome;
import io.arrakis.state.IdempotencyClaims;
import io.arrakis.testkit.state.InMemoryIdempotencyClaims;
import io.arrakis.testkit.state.ManualClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The guild-event consumer: routing by type, one handling per event key, retries and DLQ. */
class GuildEventPipelineTest {
  private static final String MEMBER_ADD = "GUILD_MEMBER_ADD";
  private static final byte[] PAYLOAD =
      "{\"guild_id\":\"1\",\"user\":{\"id\":\"2\"}}".getBytes(StandardCharsets.UTF_8);

  private final ManualClock clock = new ManualClock();
  private final InMemoryIdempotencyClaims claims = new InMemoryIdempotencyClaims(clock);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ScriptedHandler memberAdd = new ScriptedHandler(MEMBER_ADD);
  private final GuildEventPipeline pipeline =
      new GuildEventPipeline(List.of(memberAdd), claims, registry);

  /** Records each call; fails with the queued failures first, then succeeds. */
  private static final class ScriptedHandler implements GuildEventHandler {
    final String type;
    final List<String> handled = new CopyOnWriteArrayList<>();
    final List<byte[]> payloads = new CopyOnWriteArrayList<>();
    final Deque<Exception> failures = new ArrayDeque<>();
    Runnable during = () -> {};

    ScriptedHandler(String type) {
      this.type = type;
    }

    @Override
    public String eventType() {
      return type;
    }

    @Override
    public void handle(String eventKey, byte[] payload) throws Exception {
      handled.add(eventKey);
      payloads.add(payload);
      during.run();
      Exception failure = failures.poll();
      if (failure != null) {
        throw failure;
      }
    }
  }

  private static Delivery delivery(String type, String eventKey) {
    Envelope envelope =
        Envelope.builder(eventKey, type, "guild.member.add", PAYLOAD)
            .shardId(0)
            .seq(42)
            .sessionId("abc123")
            .guildId("1")
            .build();
    return new Delivery(envelope, "arrakis.events.guild", 1, false);
  }

  private double count(String type, String result) {
    Counter counter =
        registry.find("arrakis.worker.events").tags("type", type, "result", result).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void givenTypeWithoutHandler_handle_acksAndCountsUnhandled() throws Exception {
    HandlerOutcome outcome = pipeline.handle(delivery("TYPING_START", "0:abc123:7"));

    assertThat(outcome).isEqualTo(HandlerOutcome.ack());
    assertThat(count("TYPING_START", "unhandled")).isEqualTo(1.0);
    assertThat(memberAdd.handled).isEmpty();
    // no claim taken for an event nobody handles
    assertThat(claims.claim("0:abc123:7", Duration.ofSeconds(1)))
        .isInstanceOf(IdempotencyClaims.Claimed.class);
  }

  @Test
  void givenHandledType_handle_runsTheHandlerOnceWithKeyAndPayloadAndAcks() {
    HandlerOutcome outcome = pipeline.handle(delivery(MEMBER_ADD, "0:abc123:42"));

    assertThat(outcome).isEqualTo(HandlerOutcome.ack());
    assertThat(memberAdd.handled).containsExactly("0:abc123:42");
    assertThat(memberAdd.payloads.get(0)).isEqualTo(PAYLOAD);
    assertThat(count(MEMBER_ADD, "handled")).isEqualTo(1.0);
  }

  @Test
  void givenEventAlreadyHandled_replay_isAckedAsDuplicateWithoutRunningTheHandler() {
    pipeline.handle(delivery(MEMBER_ADD, "0:abc123:42"));

    HandlerOutcome replay = pipeline.handle(delivery(MEMBER_ADD, "0:abc123:42"));

    assertThat(replay).isEqualTo(HandlerOutcome.ack());
    assertThat(memberAdd.handled).hasSize(1);
    assertThat(count(MEMBER_ADD, "duplicate")).isEqualTo(1.0);
  }

  @Test
  void givenEventBeingHandledElsewhere_handle_retriesLaterWithoutRunningTheHandler()
      throws Exception {
    claims.claim("0:abc123:42", Duration.ofMinutes(5));

    HandlerOutcome outcome = pipeline.handle(delivery(MEMBER_ADD, "0:abc123:42"));

    assertThat(outcome).isInstanceOf(HandlerOutcome.RetryLater.class);
    assertThat(memberAdd.handled).isEmpty();
  }

  @Test
  void givenHandlerFails_handle_retriesLaterAndReleasesTheClaimSoTheRetryRuns() throws Exception {
    memberAdd.failures.add(new java.io.IOException("database connection reset"));

    HandlerOutcome first = pipeline.handle(delivery(MEMBER_ADD, "0:abc123:42"));

    assertThat(first)
        .isInstanceOfSatisfying(
            HandlerOutcome.RetryLater.class,
            retry -> assertThat(retry.reason()).contains("database connection reset"));
    assertThat(count(MEMBER_ADD, "retry")).isEqualTo(1.0);

    HandlerOutcome retry = pipeline.handle(delivery(MEMBER_ADD, "0:abc123:42"));

    assertThat(retry).isEqualTo(HandlerOutcome.ack());
    assertThat(memberAdd.handled).containsExactly("0:abc123:42", "0:abc123:42");
    assertThat(count(MEMBER_ADD, "handled")).isEqualTo(1.0);
  }

  @Test
  void givenHandlerFails_claim_isReleasedImmediately() throws Exception {
    memberAdd.failures.add(new IllegalStateException("boom"));

    pipeline.handle(delivery(MEMBER_ADD, "0:abc123:43"));

    assertThat(claims.claim("0:abc123:43", Duration.ofSeconds(1)))
        .isInstanceOf(IdempotencyClaims.Claimed.class);
  }

  @Test
  void givenHandlerRejectsInputAsInvalid_handle_deadLettersAndReleasesTheClaim() throws Exception {
    memberAdd.failures.add(new IllegalArgumentException("no user in payload"));

    HandlerOutcome outcome = pipeline.handle(delivery(MEMBER_ADD, "0:abc123:44"));

    assertThat(outcome).isEqualTo(HandlerOutcome.deadLetter("InvalidEvent", "no user in payload"));
    assertThat(count(MEMBER_ADD, "invalid")).isEqualTo(1.0);
    assertThat(claims.claim("0:abc123:44", Duration.ofSeconds(1)))
        .isInstanceOf(IdempotencyClaims.Claimed.class);
  }

  @Test
  void givenRedisDown_handle_retriesLaterWithoutRunningTheHandler() {
    claims.setDown(true);

    HandlerOutcome outcome = pipeline.handle(delivery(MEMBER_ADD, "0:abc123:42"));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            HandlerOutcome.RetryLater.class, retry -> assertThat(retry.reason()).contains("Redis"));
    assertThat(memberAdd.handled).isEmpty();
  }

  @Test
  void givenRedisLostAfterTheHandlerRan_handle_stillAcks() {
    memberAdd.during = () -> claims.setDown(true);

    HandlerOutcome outcome = pipeline.handle(delivery(MEMBER_ADD, "0:abc123:42"));

    assertThat(outcome).isEqualTo(HandlerOutcome.ack());
    assertThat(count(MEMBER_ADD, "handled")).isEqualTo(1.0);
  }

  @Test
  void givenRedisLostWhileHandlerFails_handle_stillRetriesLater() {
    memberAdd.during = () -> claims.setDown(true);
    memberAdd.failures.add(new IllegalStateException("boom"));

    HandlerOutcome outcome = pipeline.handle(delivery(MEMBER_ADD, "0:abc123:42"));

    assertThat(outcome).isInstanceOf(HandlerOutcome.RetryLater.class);
  }
}
