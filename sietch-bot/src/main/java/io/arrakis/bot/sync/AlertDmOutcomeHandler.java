package io.arrakis.bot.sync;

import io.arrakis.bot.GuildEventHandler;
import io.arrakis.bot.Transactions;
import java.time.Clock;
import java.util.Optional;

/**
 * Records the outcome of an alert DM from the ingestor's action events: {@code ACTION_DONE}
 * (routing {@code action.done.dm.send}) marks the alert delivered, {@code ACTION_FAILED} ({@code
 * action.failed.dm.send}, DMs closed or unknown user) stores the error. Events of other actions
 * (ids not starting with {@code alert:}) are ignored. A replayed event changes nothing.
 */
public final class AlertDmOutcomeHandler implements GuildEventHandler {
  public static final String DONE = "ACTION_DONE";
  public static final String FAILED = "ACTION_FAILED";

  private final String eventType;
  private final AlertDelivery delivery;
  private final Transactions transactions;
  private final Clock clock;

  private AlertDmOutcomeHandler(
      String eventType, AlertDelivery delivery, Transactions transactions, Clock clock) {
    this.eventType = eventType;
    this.delivery = delivery;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Handles {@code ACTION_DONE}. */
  public static AlertDmOutcomeHandler delivered(
      AlertDelivery delivery, Transactions transactions, Clock clock) {
    return new AlertDmOutcomeHandler(DONE, delivery, transactions, clock);
  }

  /** Handles {@code ACTION_FAILED}. */
  public static AlertDmOutcomeHandler failed(
      AlertDelivery delivery, Transactions transactions, Clock clock) {
    return new AlertDmOutcomeHandler(FAILED, delivery, transactions, clock);
  }

  @Override
  public String eventType() {
    return eventType;
  }

  @Override
  public void handle(String eventKey, byte[] payload) {
    ActionEventFields fields = new ActionEventFields(payload);
    Optional<AlertDelivery.AlertRef> ref = AlertDelivery.parse(fields.required("action_id"));
    if (ref.isEmpty()) {
      return;
    }
    if (eventType.equals(DONE)) {
      transactions.inCommunity(
          ref.get().community(), () -> delivery.delivered(ref.get(), clock.instant()));
    } else {
      String error =
          fields.string("error_class").map(c -> c + ": ").orElse("")
              + fields.string("reason").orElse("refused");
      transactions.inCommunity(
          ref.get().community(), () -> delivery.failed(ref.get(), error, clock.instant()));
    }
  }
}
