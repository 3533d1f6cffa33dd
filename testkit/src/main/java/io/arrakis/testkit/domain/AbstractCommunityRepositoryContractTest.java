package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.ActivitySettings;
import io.arrakis.domain.community.ChannelConfig;
import io.arrakis.domain.community.CoexistenceMode;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.community.RoleMapping;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.community.TokenConfig;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierThresholds;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@code CommunityRepository} does. */
public abstract class AbstractCommunityRepositoryContractTest
    extends AbstractRepositoryContractTest {

  @Test
  void givenAFreshPresetCommunity_whenFoundByIdAndGuild_thenItIsAsSaved() {
    CommunityConfig config =
        SietchPreset.newCommunity(CommunityId.random(), randomSnowflake(), "Arrakeen");
    repos.communities().save(config);

    assertThat(repos.communities().find(config.id())).contains(config);
    assertThat(repos.communities().findByGuild(config.guildId())).contains(config);
    assertThat(repos.communities().find(CommunityId.random())).isEmpty();
    assertThat(repos.communities().findByGuild(randomSnowflake())).isEmpty();
  }

  @Test
  void givenEverySettingChanged_whenSavedAgain_thenTheNewConfigurationLoads() {
    CommunityConfig config =
        SietchPreset.newCommunity(CommunityId.random(), randomSnowflake(), "Sietch Tabr");
    repos.communities().save(config);
    Map<Tier, BigDecimal> thresholds = new EnumMap<>(TierThresholds.sietchDefaults().minimums());
    thresholds.put(Tier.HAJRA, new BigDecimal("1.5"));
    CommunityConfig changed =
        new CommunityConfig(
            config.id(),
            config.guildId(),
            "Sietch Tabr (renamed)",
            "custom",
            true,
            new TokenConfig(1L, Optional.of(randomAddress()), "TKN", 6, 123_456L),
            new EligibilityRules(50, 5, 51, 80, 5, 12),
            new TierThresholds(thresholds),
            RoleMapping.empty()
                .with(RoleKey.NAIB, new Snowflake(11))
                .with(RoleKey.FEDAYKIN, new Snowflake(12))
                .withParallel(RoleKey.FEDAYKIN, new Snowflake(13))
                .withParallel(RoleKey.USUL, new Snowflake(14)),
            Optional.of(new Snowflake(21)),
            new ChannelConfig(
                Optional.of(new Snowflake(31)),
                Optional.of(new Snowflake(32)),
                Optional.empty(),
                Set.of(new Snowflake(41), new Snowflake(42))),
            new ActivitySettings(
                new BigDecimal("1.5"),
                new BigDecimal("0.5"),
                new BigDecimal("3"),
                new BigDecimal("0.25"),
                12,
                30,
                10),
            config.members(),
            CoexistenceMode.PARALLEL,
            Optional.of(new Snowflake(51)),
            "arrakis-");
    repos.communities().save(changed);

    assertThat(repos.communities().find(config.id())).contains(changed);
  }

  @Test
  void givenActiveAndInactiveCommunities_whenListingActive_thenOnlyActiveOnesAreListed() {
    CommunityConfig inactive =
        SietchPreset.newCommunity(CommunityId.random(), randomSnowflake(), "inactive");
    CommunityConfig active =
        SietchPreset.newCommunity(CommunityId.random(), randomSnowflake(), "active")
            .withActive(true)
            .withToken(new TokenConfig(80094L, Optional.of(randomAddress()), "BGT", 18, 0L));
    repos.communities().save(inactive);
    repos.communities().save(active);

    assertThat(repos.communities().active()).contains(active).doesNotContain(inactive);
  }

  @Test
  void givenAGuildOfAnotherCommunity_whenSaved_thenItIsRefused() {
    CommunityConfig first =
        SietchPreset.newCommunity(CommunityId.random(), randomSnowflake(), "first");
    repos.communities().save(first);
    CommunityConfig second = SietchPreset.newCommunity(CommunityId.random(), first.guildId(), "x");

    assertThatThrownBy(() -> repos.communities().save(second)).isInstanceOf(RuntimeException.class);
    assertThat(repos.communities().findByGuild(first.guildId())).contains(first);
  }
}
