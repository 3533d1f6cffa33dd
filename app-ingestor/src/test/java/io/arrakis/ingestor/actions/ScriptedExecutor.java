package io.arrakis.ingestor.actions;

import io.arrakis.discord.action.ActionOutcome;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.action.DiscordActionExecutor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link DiscordActionExecutor} that answers from a script (then {@code Done}) and records what
 * it was asked to do, and when by the test's clock.
 */
final class ScriptedExecutor implements DiscordActionExecutor {
  private final Clock clock;
  private final Deque<Function<DiscordAction, ActionOutcome>> script = new ArrayDeque<>();
  private final List<DiscordAction> executed = new ArrayList<>();
  private final List<Instant> times = new ArrayList<>();

  ScriptedExecutor(Clock clock) {
    this.clock = clock;
  }

  /** The next execution answers {@code outcome}. */
  synchronized ScriptedExecutor then(ActionOutcome outcome) {
    script.addLast(a -> outcome);
    return this;
  }

  /** The next execution throws {@code ex} (which the port promises never to do). */
  synchronized ScriptedExecutor thenThrow(RuntimeException ex) {
    script.addLast(
        a -> {
          throw ex;
        });
    return this;
  }

  @Override
  public synchronized ActionOutcome execute(DiscordAction action) {
    executed.add(action);
    times.add(clock.instant());
    Function<DiscordAction, ActionOutcome> next = script.pollFirst();
    return next == null ? new ActionOutcome.Done(1, 200) : next.apply(action);
  }

  synchronized List<DiscordAction> executed() {
    return List.copyOf(executed);
  }

  synchronized List<Instant> times() {
    return List.copyOf(times);
  }
}
