package io.arrakis.domain.port;

import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code notification_preferences} and the part of {@code alert_history} the rules read. */
public interface AlertRepository {
  Optional<AlertPreferences> preferences(CommunityId community, MemberId member);

  List<AlertPreferences> allPreferences(CommunityId community);

  void savePreferences(CommunityId community, AlertPreferences preferences);

  /** Appends an alert to the history: pending (queued), delivered or failed. */
  void appendHistory(CommunityId community, AlertRecord record);

  /**
   * Records that a pending alert (not delivered, no error) was delivered at {@code at}. Empty when
   * the row is unknown or its outcome was already recorded, so a replayed outcome changes nothing.
   */
  Optional<AlertDeliveryUpdate> markDelivered(CommunityId community, UUID alertId, Instant at);

  /**
   * Records that a pending alert could not be delivered (DMs closed, unknown user). Empty when the
   * row is unknown or its outcome was already recorded.
   */
  Optional<AlertDeliveryUpdate> markFailed(CommunityId community, UUID alertId, String error);

  /**
   * The challenger named by the latest {@code naib_threat} alert sent to {@code holder}, so the
   * same threat is not repeated.
   */
  Optional<MemberId> lastNaibThreatChallenger(CommunityId community, MemberId holder);
}
