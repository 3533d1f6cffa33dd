package io.arrakis.domain.community;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.tiers.TierThresholds;
import java.util.Optional;

/**
 * The default preset (spec §1, §2): BGT on Berachain (80094), top 69 eligible, 7 Naib seats,
 * waitlist 70–100, 24 h grace, Sietch tier thresholds. A community created from it is inactive and
 * has no role or channel ids; the setup wizard fills those in.
 */
public final class SietchPreset {
  public static final String NAME = "sietch";

  private SietchPreset() {}

  public static CommunityConfig newCommunity(CommunityId id, Snowflake guildId, String guildName) {
    return new CommunityConfig(
        id,
        guildId,
        guildName,
        NAME,
        false,
        new TokenConfig(TokenConfig.BERACHAIN, Optional.empty(), "BGT", 18, 0L),
        EligibilityRules.sietchDefaults(),
        TierThresholds.sietchDefaults(),
        RoleMapping.empty(),
        Optional.empty(),
        ChannelConfig.unset(),
        ActivitySettings.sietchDefaults(),
        MemberSettings.sietchDefaults(),
        CoexistenceMode.EXCLUSIVE,
        Optional.empty(),
        "sietch-");
  }

  /**
   * Initial coexistence mode: {@code shadow} when an incumbent bot is named in setup, otherwise
   * {@code exclusive} (spec §2).
   */
  public static CoexistenceMode initialMode(Optional<Snowflake> incumbentBotId) {
    return incumbentBotId.isPresent() ? CoexistenceMode.SHADOW : CoexistenceMode.EXCLUSIVE;
  }
}
