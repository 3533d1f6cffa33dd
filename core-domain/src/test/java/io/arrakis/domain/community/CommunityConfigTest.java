package io.arrakis.domain.community;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.Fixtures;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierThresholds;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommunityConfigTest {

  @Test
  void givenNewGuild_whenCreatedFromThePreset_thenInactiveBgtOnBerachainWithSietchNumbers() {
    CommunityConfig c = SietchPreset.newCommunity(CommunityId.random(), new Snowflake(1), "Tabr");
    assertThat(c.active()).isFalse();
    assertThat(c.preset()).isEqualTo("sietch");
    assertThat(c.token().chainId()).isEqualTo(80094L);
    assertThat(c.token().symbol()).isEqualTo("BGT");
    assertThat(c.token().decimals()).isEqualTo(18);
    assertThat(c.eligibility()).isEqualTo(new EligibilityRules(69, 7, 70, 100, 7, 24));
    assertThat(c.tierThresholds().minimumOf(Tier.USUL)).isEqualByComparingTo("1111");
    assertThat(c.members().nymChangeCooldownDays()).isEqualTo(30);
    assertThat(c.members().launchDate()).isEqualTo(java.time.LocalDate.of(2025, 1, 1));
    assertThat(c.roles().configuredKeys()).isEmpty();
    assertThat(c.coexistenceMode()).isEqualTo(CoexistenceMode.EXCLUSIVE);
    assertThat(SietchPreset.initialMode(Optional.of(new Snowflake(9))))
        .isEqualTo(CoexistenceMode.SHADOW);
    assertThat(SietchPreset.initialMode(Optional.empty())).isEqualTo(CoexistenceMode.EXCLUSIVE);
    assertThat(CommunityConfigValidator.validateForDeploy(c).rejectionCode())
        .contains("INVALID_ADDRESS");
  }

  @Test
  void givenRules_whenAskedAboutRanks_thenBoundariesAt7_69_70_100() {
    EligibilityRules r = EligibilityRules.sietchDefaults();
    assertThat(r.isNaibRank(7)).isTrue();
    assertThat(r.isNaibRank(8)).isFalse();
    assertThat(r.isEligibleRank(69)).isTrue();
    assertThat(r.isEligibleRank(70)).isFalse();
    assertThat(r.isWaitlistRank(70)).isTrue();
    assertThat(r.isWaitlistRank(100)).isTrue();
    assertThat(r.isWaitlistRank(101)).isFalse();
    assertThat(r.isAtRiskRank(62)).isFalse();
    assertThat(r.isAtRiskRank(63)).isTrue();
    assertThat(r.isAtRiskRank(69)).isTrue();
  }

  @Test
  void givenDeployedSietch_whenValidated_thenAllowed() {
    assertThat(CommunityConfigValidator.validateForDeploy(Fixtures.sietch()).isAllowed()).isTrue();
  }

  @Test
  void givenInvalidRules_whenValidated_thenEachProblemHasItsCode() {
    assertThat(code(new EligibilityRules(0, 1, 70, 100, 7, 24)))
        .isEqualTo("INVALID_ELIGIBLE_COUNT");
    assertThat(code(new EligibilityRules(69, 70, 70, 100, 7, 24))).isEqualTo("INVALID_SEATS");
    assertThat(code(new EligibilityRules(69, 0, 70, 100, 7, 24))).isEqualTo("INVALID_SEATS");
    assertThat(code(new EligibilityRules(69, 7, 69, 100, 7, 24))).isEqualTo("INVALID_WAITLIST");
    assertThat(code(new EligibilityRules(69, 7, 70, 69, 7, 24))).isEqualTo("INVALID_WAITLIST");
    assertThat(code(new EligibilityRules(69, 7, 70, 100, 7, -1))).isEqualTo("INVALID_GRACE");
    assertThat(code(new EligibilityRules(69, 7, 70, 100, 70, 24)))
        .isEqualTo("INVALID_AT_RISK_BAND");
  }

  private static String code(EligibilityRules rules) {
    return CommunityConfigValidator.validateRules(rules).rejectionCode().orElse("OK");
  }

  @Test
  void givenInvalidTokenThresholdsRolesOrChannels_whenValidatedForDeploy_thenRejected() {
    CommunityConfig ok = Fixtures.sietch();
    assertThat(
            CommunityConfigValidator.validateForDeploy(
                    ok.withToken(new TokenConfig(80094, ok.token().tokenAddress(), "BGT", 37, 0)))
                .rejectionCode())
        .contains("INVALID_DECIMALS");
    assertThat(
            CommunityConfigValidator.validateToken(
                    new TokenConfig(80094, ok.token().tokenAddress(), "BGT", 18, -1))
                .rejectionCode())
        .contains("INVALID_START_BLOCK");
    assertThat(
            CommunityConfigValidator.validateForDeploy(
                    ok.withEligibility(new EligibilityRules(69, 7, 50, 100, 7, 24)))
                .rejectionCode())
        .contains("INVALID_WAITLIST");
    EnumMap<Tier, BigDecimal> bad = new EnumMap<>(TierThresholds.sietchDefaults().minimums());
    bad.put(Tier.HAJRA, BigDecimal.ZERO);
    assertThat(
            CommunityConfigValidator.validateForDeploy(
                    ok.withTierThresholds(new TierThresholds(bad)))
                .rejectionCode())
        .contains("INVALID_THRESHOLDS");
    assertThat(
            CommunityConfigValidator.validateForDeploy(
                    ok.withRoles(RoleMapping.empty().with(RoleKey.NAIB, new Snowflake(1))))
                .rejectionCode())
        .contains("MISSING_ROLE");
    assertThat(
            CommunityConfigValidator.validateForDeploy(ok.withChannels(ChannelConfig.unset()))
                .rejectionCode())
        .contains("MISSING_CHANNEL");
  }

  @Test
  void
      givenModes_whenResolvingWritableRoles_thenShadowWritesNothingAndParallelUsesNamespacedCopiesForSeatAndChainRoles() {
    RoleMapping roles = Fixtures.allRoles();
    assertThat(roles.writableRole(RoleKey.FEDAYKIN, CoexistenceMode.SHADOW)).isEmpty();
    assertThat(roles.writableRole(RoleKey.FEDAYKIN, CoexistenceMode.EXCLUSIVE))
        .contains(Fixtures.roleId(RoleKey.FEDAYKIN));
    assertThat(roles.writableRole(RoleKey.FEDAYKIN, CoexistenceMode.PRIMARY))
        .contains(new Snowflake(Fixtures.roleId(RoleKey.FEDAYKIN).value() + 500));
    assertThat(roles.writableRole(RoleKey.ONBOARDED, CoexistenceMode.PARALLEL))
        .contains(Fixtures.roleId(RoleKey.ONBOARDED));
    assertThat(RoleMapping.empty().writableRole(RoleKey.TAQWA, CoexistenceMode.EXCLUSIVE))
        .isEmpty();
    assertThat(CoexistenceMode.SHADOW.recordsShadowComparison()).isTrue();
    assertThat(CoexistenceMode.PRIMARY.recordsShadowComparison()).isFalse();
  }
}
