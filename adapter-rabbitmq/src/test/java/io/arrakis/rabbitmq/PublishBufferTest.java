package io.arrakis.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.PublishException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PublishBufferTest {
  private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final List<PendingPublish> shed = new ArrayList<>();
  private final List<PendingPublish> expired = new ArrayList<>();

  /** A buffer whose broker is away: the shedding policy applies when it is full. */
  private PublishBuffer buffer(int capacity) {
    return new PublishBuffer(capacity, clock, shed::add, expired::add, () -> true);
  }

  private static Envelope event(String id, int priority) {
    return Envelope.builder(id, "MESSAGE_CREATE", "message.create", new byte[0])
        .priority(priority)
        .receivedAtMicros(NOW.toEpochMilli() * 1000)
        .build();
  }

  private static Envelope interaction(String id, Instant receivedAt) {
    return Envelope.builder(id, "INTERACTION_CREATE", "interaction.command.stats", new byte[0])
        .priority(10)
        .receivedAtMicros(receivedAt.toEpochMilli() * 1000)
        .expiration(Duration.ofSeconds(3))
        .build();
  }

  private static CompletableFuture<Void> offer(PublishBuffer buffer, Envelope e) throws Exception {
    CompletableFuture<Void> f = new CompletableFuture<>();
    buffer.offer("x", e, f);
    return f;
  }

  private static List<String> drain(PublishBuffer buffer) throws Exception {
    List<String> ids = new ArrayList<>();
    PendingPublish p;
    while ((p = buffer.poll(0)) != null) {
      ids.add(p.envelope().messageId());
    }
    return ids;
  }

  @Test
  void givenMixedPriorities_whenPolled_thenArrivalOrderIsKept() throws Exception {
    PublishBuffer buffer = buffer(10);
    offer(buffer, event("a", 1));
    offer(buffer, event("b", 5));
    offer(buffer, interaction("c", NOW));
    offer(buffer, event("d", 1));
    assertThat(drain(buffer)).containsExactly("a", "b", "c", "d");
  }

  @Test
  void givenAFullBuffer_whenAHigherPriorityEventArrives_thenTheOldestLowestIsShed()
      throws Exception {
    PublishBuffer buffer = buffer(3);
    offer(buffer, event("low-1", 1));
    offer(buffer, event("mid", 3));
    offer(buffer, event("low-2", 1));
    offer(buffer, event("member", 5));
    assertThat(shed).extracting(p -> p.envelope().messageId()).containsExactly("low-1");
    assertThat(drain(buffer)).containsExactly("mid", "low-2", "member");
  }

  @Test
  void givenAFullBuffer_whenAnEventNoMoreImportantArrives_thenTheNewOneIsShed() throws Exception {
    PublishBuffer buffer = buffer(2);
    offer(buffer, event("a", 3));
    offer(buffer, event("b", 3));
    offer(buffer, event("c", 1));
    assertThat(shed).extracting(p -> p.envelope().messageId()).containsExactly("c");
    assertThat(drain(buffer)).containsExactly("a", "b");
  }

  @Test
  void givenAFullBuffer_whenAnInteractionArrives_thenAnEventMakesRoomAndNoInteractionIsShed()
      throws Exception {
    PublishBuffer buffer = buffer(2);
    offer(buffer, interaction("i-1", NOW));
    offer(buffer, event("e", 5));
    offer(buffer, interaction("i-2", NOW));
    assertThat(shed).extracting(p -> p.envelope().messageId()).containsExactly("e");
    assertThat(drain(buffer)).containsExactly("i-1", "i-2");
  }

  @Test
  void givenAFullBuffer_whenExpiredInteractionsWait_thenTheyAreDroppedFirst() throws Exception {
    PublishBuffer buffer = buffer(2);
    offer(buffer, interaction("stale", NOW.minusSeconds(10)));
    offer(buffer, event("e", 1));
    offer(buffer, event("f", 1));
    assertThat(expired).extracting(p -> p.envelope().messageId()).containsExactly("stale");
    assertThat(shed).isEmpty();
    assertThat(drain(buffer)).containsExactly("e", "f");
  }

  @Test
  void givenAFullBufferOfLiveInteractions_whenAnExpiredInteractionArrives_thenItIsExpiredNotQueued()
      throws Exception {
    PublishBuffer buffer = buffer(1);
    offer(buffer, interaction("live", NOW));
    CompletableFuture<Void> dead = offer(buffer, interaction("dead", NOW.minusSeconds(5)));
    assertThat(expired).extracting(p -> p.envelope().messageId()).containsExactly("dead");
    assertThat(drain(buffer)).containsExactly("live");
    assertThat(dead).as("the expiry callback, not the buffer, fails the future").isNotDone();
  }

  @Test
  void givenRequeuedMessages_whenPolled_thenTheyComeBeforeNewerOnes() throws Exception {
    PublishBuffer buffer = buffer(10);
    offer(buffer, event("1", 1));
    offer(buffer, event("2", 1));
    PendingPublish first = buffer.poll(0);
    PendingPublish second = buffer.poll(0);
    offer(buffer, event("3", 1));
    buffer.requeue(List.of(first, second));
    assertThat(drain(buffer)).containsExactly("1", "2", "3");
  }

  @Test
  void givenTheBrokerConnected_whenTheBufferIsFull_thenTheCallerWaitsForRoomAndNothingIsShed()
      throws Exception {
    PublishBuffer buffer = new PublishBuffer(1, clock, shed::add, expired::add, () -> false);
    offer(buffer, event("first", 1));
    java.util.concurrent.CompletableFuture<Void> waiting =
        java.util.concurrent.CompletableFuture.runAsync(
            () -> {
              try {
                offer(buffer, event("second", 1));
              } catch (Exception ex) {
                throw new IllegalStateException(ex);
              }
            });
    Thread.sleep(300);
    assertThat(waiting).as("still waiting for room").isNotDone();

    assertThat(buffer.poll(0).envelope().messageId()).isEqualTo("first");
    waiting.get(5, java.util.concurrent.TimeUnit.SECONDS);

    assertThat(drain(buffer)).containsExactly("second");
    assertThat(shed).isEmpty();
  }

  @Test
  void failAllFailsEveryWaitingMessageAsClosed() throws Exception {
    PublishBuffer buffer = buffer(10);
    CompletableFuture<Void> f = offer(buffer, event("1", 1));
    buffer.failAll(new PublishException(PublishException.Reason.CLOSED, "bye"));
    assertThat(f).isCompletedExceptionally();
    assertThat(buffer.size()).isZero();
  }
}
