package io.arrakis.domain.community;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.tiers.TierThresholds;
import java.util.Optional;

/**
 * One community's configuration (spec §2), grouped by concern. Immutable: "changing" a setting
 * returns a copy via the {@code with…} methods.
 */
public record CommunityConfig(
    CommunityId id,
    Snowflake guildId,
    String name,
    String preset,
    boolean active,
    TokenConfig token,
    EligibilityRules eligibility,
    TierThresholds tierThresholds,
    RoleMapping roles,
    Optional<Snowflake> adminRoleId,
    ChannelConfig channels,
    ActivitySettings activity,
    MemberSettings members,
    CoexistenceMode coexistenceMode,
    Optional<Snowflake> incumbentBotId,
    String parallelRolePrefix) {

  public CommunityConfig withActive(boolean isActive) {
    return new CommunityConfig(
        id,
        guildId,
        name,
        preset,
        isActive,
        token,
        eligibility,
        tierThresholds,
        roles,
        adminRoleId,
        channels,
        activity,
        members,
        coexistenceMode,
        incumbentBotId,
        parallelRolePrefix);
  }

  public CommunityConfig withToken(TokenConfig newToken) {
    return new CommunityConfig(
        id,
        guildId,
        name,
        preset,
        active,
        newToken,
        eligibility,
        tierThresholds,
        roles,
        adminRoleId,
        channels,
        activity,
        members,
        coexistenceMode,
        incumbentBotId,
        parallelRolePrefix);
  }

  public CommunityConfig withEligibility(EligibilityRules rules) {
    return new CommunityConfig(
        id,
        guildId,
        name,
        preset,
        active,
        token,
        rules,
        tierThresholds,
        roles,
        adminRoleId,
        channels,
        activity,
        members,
        coexistenceMode,
        incumbentBotId,
        parallelRolePrefix);
  }

  public CommunityConfig withTierThresholds(TierThresholds thresholds) {
    return new CommunityConfig(
        id,
        guildId,
        name,
        preset,
        active,
        token,
        eligibility,
        thresholds,
        roles,
        adminRoleId,
        channels,
        activity,
        members,
        coexistenceMode,
        incumbentBotId,
        parallelRolePrefix);
  }

  public CommunityConfig withRoles(RoleMapping mapping) {
    return new CommunityConfig(
        id,
        guildId,
        name,
        preset,
        active,
        token,
        eligibility,
        tierThresholds,
        mapping,
        adminRoleId,
        channels,
        activity,
        members,
        coexistenceMode,
        incumbentBotId,
        parallelRolePrefix);
  }

  public CommunityConfig withChannels(ChannelConfig newChannels) {
    return new CommunityConfig(
        id,
        guildId,
        name,
        preset,
        active,
        token,
        eligibility,
        tierThresholds,
        roles,
        adminRoleId,
        newChannels,
        activity,
        members,
        coexistenceMode,
        incumbentBotId,
        parallelRolePrefix);
  }

  public CommunityConfig withCoexistence(CoexistenceMode mode, Optional<Snowflake> incumbent) {
    return new CommunityConfig(
        id,
        guildId,
        name,
        preset,
        active,
        token,
        eligibility,
        tierThresholds,
        roles,
        adminRoleId,
        channels,
        activity,
        members,
        mode,
        incumbent,
        parallelRolePrefix);
  }
}
