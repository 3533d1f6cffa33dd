package io.arrakis.testkit.domain;

import io.arrakis.domain.alerts.Alert;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.port.AlertDeliveryUpdate;
import io.arrakis.domain.port.AlertRecord;
import io.arrakis.domain.port.AlertRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Preferences by member and the alert history, per community. */
public final class InMemoryAlertRepository implements AlertRepository {
  private final Map<CommunityId, Map<MemberId, AlertPreferences>> preferences = new HashMap<>();
  private final Map<CommunityId, List<AlertRecord>> history = new HashMap<>();

  @Override
  public synchronized Optional<AlertPreferences> preferences(
      CommunityId community, MemberId member) {
    return Optional.ofNullable(preferences.getOrDefault(community, Map.of()).get(member));
  }

  @Override
  public synchronized List<AlertPreferences> allPreferences(CommunityId community) {
    return List.copyOf(preferences.getOrDefault(community, Map.of()).values());
  }

  @Override
  public synchronized void savePreferences(CommunityId community, AlertPreferences value) {
    preferences.computeIfAbsent(community, k -> new LinkedHashMap<>()).put(value.memberId(), value);
  }

  @Override
  public synchronized void appendHistory(CommunityId community, AlertRecord record) {
    history.computeIfAbsent(community, k -> new ArrayList<>()).add(record);
  }

  @Override
  public synchronized Optional<AlertDeliveryUpdate> markDelivered(
      CommunityId community, UUID alertId, Instant at) {
    return replacePending(
        community,
        alertId,
        r ->
            new AlertRecord(
                r.id(),
                r.recipient(),
                r.member(),
                r.alert(),
                true,
                Optional.empty(),
                r.createdAt(),
                Optional.of(at)));
  }

  @Override
  public synchronized Optional<AlertDeliveryUpdate> markFailed(
      CommunityId community, UUID alertId, String error) {
    return replacePending(
        community,
        alertId,
        r ->
            new AlertRecord(
                r.id(),
                r.recipient(),
                r.member(),
                r.alert(),
                false,
                Optional.of(error),
                r.createdAt(),
                Optional.empty()));
  }

  /** Replaces the row if it is still pending (not delivered, no error), as the adapter's update. */
  private Optional<AlertDeliveryUpdate> replacePending(
      CommunityId community, UUID alertId, java.util.function.UnaryOperator<AlertRecord> outcome) {
    List<AlertRecord> records = history.getOrDefault(community, List.of());
    for (int i = 0; i < records.size(); i++) {
      AlertRecord r = records.get(i);
      if (r.id().equals(alertId) && !r.delivered() && r.deliveryError().isEmpty()) {
        records.set(i, outcome.apply(r));
        return Optional.of(
            new AlertDeliveryUpdate(
                r.id(), r.recipient(), r.member(), r.alert().type(), r.createdAt()));
      }
    }
    return Optional.empty();
  }

  /** The community's alert history in the order it was appended. */
  public synchronized List<AlertRecord> history(CommunityId community) {
    return List.copyOf(history.getOrDefault(community, List.of()));
  }

  @Override
  public synchronized Optional<MemberId> lastNaibThreatChallenger(
      CommunityId community, MemberId holder) {
    List<AlertRecord> records = history.getOrDefault(community, List.of());
    // latest by creation time; among equal times the one appended last (as the adapter's seq)
    AlertRecord latest = null;
    for (AlertRecord r : records) {
      if (r.member().equals(Optional.of(holder))
          && r.alert() instanceof Alert.NaibThreatAlert
          && (latest == null || !r.createdAt().isBefore(latest.createdAt()))) {
        latest = r;
      }
    }
    return Optional.ofNullable(latest).map(r -> ((Alert.NaibThreatAlert) r.alert()).challenger());
  }
}
