package io.arrakis.domain.port;

import io.arrakis.domain.common.CommunityId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code weekly_digests} (spec §14.4): one digest per community and ISO week, so a rerun of the
 * weekly-digest job never posts twice.
 */
public interface WeeklyDigestRepository {

  /**
   * A posted digest. {@code messageId} is empty while only the post action is known (the ingestor
   * posts it); {@code figures} are the rendered numbers by name.
   */
  record WeeklyDigest(
      UUID id,
      String weekId,
      long channelId,
      Optional<Long> messageId,
      Map<String, String> figures,
      Instant createdAt) {
    public WeeklyDigest {
      Objects.requireNonNull(weekId, "weekId");
      figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }
  }

  Optional<WeeklyDigest> find(CommunityId community, String weekId);

  /** Inserts the digest; false (nothing written) when the community has one for that week. */
  boolean insertIfAbsent(CommunityId community, WeeklyDigest digest);
}
