package io.arrakis.bot.setup;

import io.arrakis.domain.common.CommunityId;
import java.util.Optional;

/**
 * What {@code /admin-migrate} needs beyond the community's configuration: the {@code
 * migration_states} row (strategy, batch plan, when shadow mode started) and the totals of the
 * shadow comparisons since then (spec §15.18, §19.2). The domain has no port for these tables yet;
 * {@link SessionMigrationRecords} stands in until it does.
 */
public interface MigrationRecords {

  Optional<MigrationRecord> read(CommunityId community);

  void write(CommunityId community, MigrationRecord record);
}
