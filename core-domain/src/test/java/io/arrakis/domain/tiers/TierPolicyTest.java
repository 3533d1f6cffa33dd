package io.arrakis.domain.tiers;

import static io.arrakis.domain.Fixtures.bgt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.domain.community.EligibilityRules;
import java.math.BigInteger;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TierPolicyTest {
  private final TierPolicy policy =
      new TierPolicy(EligibilityRules.sietchDefaults(), TierThresholds.sietchDefaults(), 18);

  @ParameterizedTest(name = "{0} BGT → {1}")
  @CsvSource({
    "0.000000000000000001, HAJRA",
    "6.899999999999999999, HAJRA",
    "6.9, HAJRA",
    "68.99, HAJRA",
    "69, ICHWAN",
    "222, QANAT",
    "420, SIHAYA",
    "690, MUSHTAMAL",
    "888, SAYYADINA",
    "1110.99, SAYYADINA",
    "1111, USUL"
  })
  void givenBalanceOfUneligibleRankedWallet_whenTiered_thenHighestThresholdMet(
      String units, Tier expected) {
    assertThat(policy.tierOf(OptionalInt.of(200), false, bgt(units))).contains(expected);
  }

  @Test
  void givenRanks_whenTiered_thenRank7IsNaibAndRank8IsFedaykinWhateverTheBalance() {
    assertThat(policy.tierOf(OptionalInt.of(7), true, bgt(1))).contains(Tier.NAIB);
    assertThat(policy.tierOf(OptionalInt.of(8), true, bgt(5000))).contains(Tier.FEDAYKIN);
    assertThat(policy.tierOf(OptionalInt.empty(), true, BigInteger.ZERO)).contains(Tier.FEDAYKIN);
  }

  @Test
  void givenUnrankedAndNotEligible_whenTiered_thenNoTier() {
    assertThat(policy.tierOf(OptionalInt.empty(), false, BigInteger.ZERO)).isEmpty();
  }

  @Test
  void givenBalanceTier_whenProgressAsked_thenNextThresholdMinusBalance() {
    assertThat(policy.progress(Tier.QANAT, bgt(300)))
        .isEqualTo(new TierProgress.ToNext(Tier.SIHAYA, bgt(120)));
    assertThat(policy.progress(Tier.FEDAYKIN, bgt(300)))
        .isEqualTo(new TierProgress.RankBased(Tier.NAIB));
    assertThat(policy.progress(Tier.USUL, bgt(3000)))
        .isEqualTo(new TierProgress.RankBased(Tier.FEDAYKIN));
    assertThat(policy.progress(Tier.NAIB, bgt(3000))).isInstanceOf(TierProgress.Highest.class);
  }

  @Test
  void givenTiers_whenCompared_thenOrderDecidesPromotion() {
    assertThat(Tier.NAIB.isAbove(Tier.FEDAYKIN)).isTrue();
    assertThat(Tier.FEDAYKIN.isAbove(Tier.USUL)).isTrue();
    assertThat(Tier.HAJRA.isAbove(Tier.ICHWAN)).isFalse();
    assertThat(Tier.fromId("qanat")).contains(Tier.QANAT);
    assertThat(Tier.NAIB.next()).isEmpty();
    assertThat(Tier.balanceTiers()).hasSize(7);
  }

  @Test
  void givenThresholds_whenValidated_thenMustBeStrictlyIncreasingAndNameEveryBalanceTier() {
    assertThat(TierThresholds.sietchDefaults().isStrictlyIncreasingAndPositive()).isTrue();
    var m = new java.util.EnumMap<>(TierThresholds.sietchDefaults().minimums());
    m.put(Tier.QANAT, new java.math.BigDecimal("69"));
    assertThat(new TierThresholds(m).isStrictlyIncreasingAndPositive()).isFalse();
    assertThatThrownBy(() -> new TierThresholds(Map.of(Tier.HAJRA, java.math.BigDecimal.ONE)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TierThresholds.sietchDefaults().minimumOf(Tier.NAIB))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
