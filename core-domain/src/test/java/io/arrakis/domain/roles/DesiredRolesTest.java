package io.arrakis.domain.roles;

import static io.arrakis.domain.Fixtures.T0;
import static io.arrakis.domain.Fixtures.addr;
import static io.arrakis.domain.Fixtures.bgt;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierPolicy;
import io.arrakis.domain.tiers.TierThresholds;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Desired roles of spec §4.3 and the dynamic roles of §12. */
class DesiredRolesTest {
  private static final UserId USER = new UserId(9);
  private final DesiredRoles desired =
      new DesiredRoles(
          new TierPolicy(EligibilityRules.sietchDefaults(), TierThresholds.sietchDefaults(), 18));

  private static RankingEntry entry(int rank, long balance, boolean eligible) {
    return new RankingEntry(
        addr(1), OptionalInt.of(rank), bgt(balance), eligible, false, Optional.of(Tier.FEDAYKIN));
  }

  private static RoleFacts.ProfileFacts profile(
      Instant created, int badges, boolean helper, boolean water, long activity) {
    return new RoleFacts.ProfileFacts(created, badges, helper, water, BigDecimal.valueOf(activity));
  }

  @Test
  void givenEligibleWalletAt300Bgt_thenFedaykinAndCumulativeTierRolesUpToQanat() {
    Set<RoleKey> roles = desired.of(RoleFacts.linkedOnly(Optional.of(entry(20, 300, true))), T0);
    assertThat(roles)
        .containsExactlyInAnyOrder(RoleKey.FEDAYKIN, RoleKey.HAJRA, RoleKey.ICHWAN, RoleKey.QANAT);
  }

  @Test
  void givenTinyRankedBalance_thenHajraOnly() {
    Set<RoleKey> roles = desired.of(RoleFacts.linkedOnly(Optional.of(entry(200, 1, false))), T0);
    assertThat(roles).containsExactly(RoleKey.HAJRA);
  }

  @Test
  void givenUnrankedOverrideEntry_thenFedaykinButNoTierRole() {
    var unranked =
        new RankingEntry(
            addr(1), OptionalInt.empty(), bgt(5000), true, true, Optional.of(Tier.FEDAYKIN));
    assertThat(desired.of(RoleFacts.linkedOnly(Optional.of(unranked)), T0))
        .containsExactly(RoleKey.FEDAYKIN);
  }

  @Test
  void givenSeatHolderWhoIsFormerNaib_thenNaibWithoutFedaykinOrFormerNaib() {
    var facts = new RoleFacts(Optional.of(entry(3, 10, true)), true, true, false, Optional.empty());
    assertThat(desired.of(facts, T0))
        .contains(RoleKey.NAIB)
        .doesNotContain(RoleKey.FEDAYKIN, RoleKey.FORMER_NAIB);
  }

  @Test
  void givenUnseatedFormerNaib_thenFormerNaibAndFedaykin() {
    var facts =
        new RoleFacts(Optional.of(entry(9, 10, true)), false, true, false, Optional.empty());
    assertThat(desired.of(facts, T0))
        .contains(RoleKey.FORMER_NAIB, RoleKey.FEDAYKIN)
        .doesNotContain(RoleKey.NAIB);
  }

  @Test
  void givenWaitlistRegistrationWithoutProfile_thenTaqwaUntilAProfileExists() {
    var waiting =
        new RoleFacts(Optional.of(entry(80, 900, false)), false, false, true, Optional.empty());
    assertThat(desired.of(waiting, T0)).contains(RoleKey.TAQWA);
    var member =
        new RoleFacts(
            Optional.of(entry(80, 900, false)),
            false,
            false,
            true,
            Optional.of(profile(T0, 0, false, false, 0)));
    assertThat(desired.of(member, T0)).doesNotContain(RoleKey.TAQWA).contains(RoleKey.ONBOARDED);
  }

  @Test
  void givenSocialFacts_thenEngagedVeteranTrustedAndWaterSharerFollowThresholds() {
    Instant now = T0.plus(Duration.ofDays(90));
    var newcomer =
        new RoleFacts(
            Optional.empty(),
            false,
            false,
            false,
            Optional.of(profile(now.minusSeconds(1), 4, false, false, 199)));
    assertThat(desired.of(newcomer, now)).containsExactly(RoleKey.ONBOARDED);
    var engagedByBadges =
        new RoleFacts(
            Optional.empty(), false, false, false, Optional.of(profile(T0, 5, false, true, 0)));
    assertThat(desired.of(engagedByBadges, now))
        .containsExactlyInAnyOrder(
            RoleKey.ONBOARDED, RoleKey.ENGAGED, RoleKey.VETERAN, RoleKey.WATER_SHARER);
    var active =
        new RoleFacts(
            Optional.empty(), false, false, false, Optional.of(profile(now, 0, true, false, 200)));
    assertThat(desired.of(active, now))
        .containsExactlyInAnyOrder(RoleKey.ONBOARDED, RoleKey.ENGAGED, RoleKey.TRUSTED);
    var tenBadges =
        new RoleFacts(
            Optional.empty(), false, false, false, Optional.of(profile(now, 10, false, false, 0)));
    assertThat(desired.of(tenBadges, now)).contains(RoleKey.TRUSTED);
  }

  @Test
  void givenRoleKeys_thenClassesAndNamespacingFollowTheCatalogue() {
    assertThat(RoleKey.FEDAYKIN.roleClass()).isEqualTo(RoleClass.CHAIN);
    assertThat(RoleKey.NAIB.roleClass()).isEqualTo(RoleClass.SEAT);
    assertThat(RoleKey.TAQWA.roleClass()).isEqualTo(RoleClass.WAITLIST);
    assertThat(RoleKey.FORMER_NAIB.namespacedInParallel()).isFalse();
    assertThat(RoleKey.USUL.namespacedInParallel()).isTrue();
    assertThat(RoleKey.fromKey("water_sharer")).contains(RoleKey.WATER_SHARER);
    assertThat(RoleKey.ofBalanceTier(Tier.QANAT)).isEqualTo(RoleKey.QANAT);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RoleKey.ofBalanceTier(Tier.NAIB))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
