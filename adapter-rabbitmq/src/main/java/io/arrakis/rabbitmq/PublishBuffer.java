package io.arrakis.rabbitmq;

import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.PublishException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The bounded buffer in front of the broker. Sends oldest first. When full while the broker is
 * connected, the caller waits for room: publishing only falls behind reading for moments, and
 * waiting pushes back on the gateway socket instead of dropping events. When full while the broker
 * is away, it drops what matters least: first interactions that already expired, then the oldest
 * message of the lowest priority present (or the new message if it is lower still). Interactions
 * are never shed: a new interaction waits for room until its response window closes.
 */
final class PublishBuffer {
  private final int capacity;
  private final Clock clock;
  private final Consumer<PendingPublish> onShed;
  private final Consumer<PendingPublish> onExpired;
  private final BooleanSupplier brokerAway;

  /** Sheddable messages by priority, each deque oldest first. */
  @SuppressWarnings("unchecked")
  private final ArrayDeque<PendingPublish>[] byPriority = new ArrayDeque[Envelope.MAX_PRIORITY + 1];

  /** Interactions, oldest first; never shed. */
  private final ArrayDeque<PendingPublish> interactions = new ArrayDeque<>();

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private int size;
  private long nextOrder;

  PublishBuffer(
      int capacity,
      Clock clock,
      Consumer<PendingPublish> onShed,
      Consumer<PendingPublish> onExpired,
      BooleanSupplier brokerAway) {
    this.capacity = capacity;
    this.clock = clock;
    this.onShed = onShed;
    this.onExpired = onExpired;
    this.brokerAway = brokerAway;
    for (int i = 0; i < byPriority.length; i++) {
      byPriority[i] = new ArrayDeque<>();
    }
  }

  /**
   * Accepts a message. When full: waits while the broker is connected; sheds per the policy while
   * it is away (a new interaction still waits for room while it can be answered).
   */
  void offer(
      String exchange, Envelope envelope, java.util.concurrent.CompletableFuture<Void> result)
      throws InterruptedException {
    lock.lock();
    try {
      PendingPublish entry = new PendingPublish(nextOrder++, exchange, envelope, result);
      while (size >= capacity && !brokerAway.getAsBoolean()) {
        // Backpressure: the sender is draining; wait rather than drop.
        notFull.await(100, TimeUnit.MILLISECONDS);
      }
      if (size >= capacity) {
        dropExpired();
      }
      while (size >= capacity) {
        Optional<ArrayDeque<PendingPublish>> lowest = lowestSheddable();
        if (entry.sheddable()
            && (lowest.isEmpty()
                || envelope.priority() <= lowest.get().peekFirst().envelope().priority())) {
          onShed.accept(entry);
          return;
        }
        if (lowest.isPresent()) {
          onShed.accept(lowest.get().pollFirst());
          size--;
          break;
        }
        // Full of interactions and this is one too: wait for room while it can still be answered.
        long waitNanos =
            envelope
                .expiresAt()
                .map(at -> TimeUnit.MILLISECONDS.toNanos(at.toEpochMilli() - clock.millis()))
                .orElse(TimeUnit.SECONDS.toNanos(3));
        if (waitNanos <= 0) {
          onExpired.accept(entry);
          return;
        }
        notFull.awaitNanos(waitNanos);
        if (envelope.isExpired(clock.instant())) {
          onExpired.accept(entry);
          return;
        }
        dropExpired();
      }
      add(entry);
    } finally {
      lock.unlock();
    }
  }

  /** Puts back messages that were sent but never confirmed; they keep their original order. */
  void requeue(List<PendingPublish> entries) {
    lock.lock();
    try {
      for (int i = entries.size() - 1; i >= 0; i--) {
        PendingPublish entry = entries.get(i);
        queueOf(entry).addFirst(entry);
        size++;
      }
      if (!entries.isEmpty()) {
        notEmpty.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The oldest message, waiting up to {@code timeoutMillis}; null if none came. */
  PendingPublish poll(long timeoutMillis) throws InterruptedException {
    lock.lock();
    try {
      long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (size == 0) {
        if (nanos <= 0) {
          return null;
        }
        nanos = notEmpty.awaitNanos(nanos);
      }
      ArrayDeque<PendingPublish> oldest = interactions.isEmpty() ? null : interactions;
      for (ArrayDeque<PendingPublish> queue : byPriority) {
        PendingPublish head = queue.peekFirst();
        if (head != null && (oldest == null || head.order() < oldest.peekFirst().order())) {
          oldest = queue;
        }
      }
      PendingPublish next = oldest.pollFirst();
      size--;
      notFull.signal();
      return next;
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return size;
    } finally {
      lock.unlock();
    }
  }

  /** Empties the buffer (on close), failing every message with {@code reason}. */
  void failAll(PublishException reason) {
    lock.lock();
    try {
      for (ArrayDeque<PendingPublish> queue : allQueues()) {
        PendingPublish entry;
        while ((entry = queue.pollFirst()) != null) {
          entry.result().completeExceptionally(reason);
        }
      }
      size = 0;
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private ArrayDeque<PendingPublish> queueOf(PendingPublish entry) {
    return entry.sheddable() ? byPriority[entry.envelope().priority()] : interactions;
  }

  private List<ArrayDeque<PendingPublish>> allQueues() {
    List<ArrayDeque<PendingPublish>> all = new java.util.ArrayList<>(List.of(byPriority));
    all.add(interactions);
    return all;
  }

  private void add(PendingPublish entry) {
    queueOf(entry).addLast(entry);
    size++;
    notEmpty.signal();
  }

  /**
   * Drops the expired interactions at the head of their queue. Only interactions expire, and they
   * arrive roughly in creation order, so this stops at the first live one instead of scanning a
   * full buffer on every offer (which profiling showed costing most of the reading thread).
   */
  private void dropExpired() {
    Instant now = clock.instant();
    PendingPublish head;
    while ((head = interactions.peekFirst()) != null && head.envelope().isExpired(now)) {
      interactions.pollFirst();
      size--;
      onExpired.accept(head);
    }
  }

  private Optional<ArrayDeque<PendingPublish>> lowestSheddable() {
    for (ArrayDeque<PendingPublish> queue : byPriority) {
      if (!queue.isEmpty()) {
        return Optional.of(queue);
      }
    }
    return Optional.empty();
  }
}
