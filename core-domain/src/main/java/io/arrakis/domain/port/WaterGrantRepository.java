package io.arrakis.domain.port;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.water.WaterGrant;
import java.util.List;

/** {@code water_sharer_grants}. */
public interface WaterGrantRepository {
  /** Every grant, active and revoked. */
  List<WaterGrant> all(CommunityId community);

  /** Inserts or updates by grant id. */
  void save(CommunityId community, WaterGrant grant);
}
