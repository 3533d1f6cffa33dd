package io.arrakis.domain.port;

import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import java.util.List;
import java.util.Optional;

/** {@code notification_preferences} and the part of {@code alert_history} the rules read. */
public interface AlertRepository {
  Optional<AlertPreferences> preferences(CommunityId community, MemberId member);

  List<AlertPreferences> allPreferences(CommunityId community);

  void savePreferences(CommunityId community, AlertPreferences preferences);

  /** Appends a delivered or failed alert to the history. */
  void appendHistory(CommunityId community, AlertRecord record);

  /**
   * The challenger named by the latest {@code naib_threat} alert sent to {@code holder}, so the
   * same threat is not repeated.
   */
  Optional<MemberId> lastNaibThreatChallenger(CommunityId community, MemberId holder);
}
