package io.arrakis.bot;

import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.CommunityRepository;
import java.util.Optional;

/** Finds the community of a guild (spec §15: every command resolves it first). */
public final class CommunityDirectory {
  private final CommunityRepository communities;
  private final Transactions transactions;

  public CommunityDirectory(CommunityRepository communities, Transactions transactions) {
    this.communities = communities;
    this.transactions = transactions;
  }

  /** The guild's community, active (set up) or not; empty when the bot never saw the guild. */
  public Optional<CommunityConfig> community(long guildId) {
    return transactions.withoutCommunity(() -> communities.findByGuild(new Snowflake(guildId)));
  }
}
