package io.arrakis.domain.port;

import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import java.util.List;
import java.util.Optional;

/** {@code member_activity}. */
public interface ActivityRepository {
  Optional<ActivityBalance> find(CommunityId community, MemberId member);

  List<ActivityBalance> all(CommunityId community);

  void save(CommunityId community, ActivityBalance balance);
}
