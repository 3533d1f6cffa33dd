package io.arrakis.domain.badges;

import static io.arrakis.domain.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.tiers.Tier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BadgesTest {
  private final Map<String, BadgeDefinition> catalogue =
      BadgeCatalogue.sietch(69).stream()
          .collect(Collectors.toMap(BadgeDefinition::id, Function.identity()));
  private final MemberId member = MemberId.random();

  private BadgeFacts facts(java.time.Instant created, long peak, Optional<Tier> tier, long before) {
    return new BadgeFacts(
        created,
        LocalDate.of(2025, 1, 1),
        30,
        BigDecimal.valueOf(peak),
        tier,
        0,
        before,
        created.plus(Duration.ofDays(100)));
  }

  private MemberBadge held(String badge) {
    return new MemberBadge(
        UUID.randomUUID(), member, badge, T0, Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void givenCatalogue_thenTwelveBadgesWithTheirCategories() {
    assertThat(catalogue).hasSize(12);
    assertThat(catalogue.get(BadgeCatalogue.HELPER).category())
        .isEqualTo(BadgeCategory.CONTRIBUTION);
    assertThat(catalogue.get(BadgeCatalogue.VETERAN).category()).isEqualTo(BadgeCategory.TENURE);
    assertThat(catalogue.get(BadgeCatalogue.FOUNDING_FEDAYKIN).criteriaValue()).contains("69");
  }

  @Test
  void givenAutomaticCriteria_whenChecked_thenTenureActivityPeakTierAndOnboardingOrderDecide() {
    var created = java.time.Instant.parse("2025-01-20T00:00:00Z");
    BadgeFacts f = facts(created, 250, Optional.of(Tier.USUL), 68);
    assertThat(BadgeCriteria.qualifies(catalogue.get(BadgeCatalogue.OG), f)).isTrue();
    assertThat(BadgeCriteria.qualifies(catalogue.get(BadgeCatalogue.VETERAN), f)).isTrue();
    assertThat(BadgeCriteria.qualifies(catalogue.get(BadgeCatalogue.ELDER), f)).isFalse();
    assertThat(BadgeCriteria.qualifies(catalogue.get(BadgeCatalogue.DEDICATED), f)).isTrue();
    assertThat(BadgeCriteria.qualifies(catalogue.get(BadgeCatalogue.DEVOTED), f)).isFalse();
    assertThat(BadgeCriteria.qualifies(catalogue.get(BadgeCatalogue.USUL_ASCENDED), f)).isTrue();
    assertThat(BadgeCriteria.qualifies(catalogue.get(BadgeCatalogue.FOUNDING_FEDAYKIN), f))
        .isTrue();
    assertThat(
            BadgeCriteria.qualifies(
                catalogue.get(BadgeCatalogue.FOUNDING_FEDAYKIN),
                facts(created, 0, Optional.empty(), 69)))
        .isFalse();
    assertThat(BadgeCriteria.qualifies(catalogue.get(BadgeCatalogue.HELPER), f)).isFalse();
  }

  @Test
  void givenBadgeCountCriterion_whenChecked_thenActiveCountDecides() {
    var def =
        new BadgeDefinition(
            "collector",
            "Collector",
            "",
            BadgeCategory.SPECIAL,
            "x",
            Optional.of(CriteriaType.BADGE_COUNT),
            Optional.of("3"),
            99);
    var f =
        new BadgeFacts(
            T0, LocalDate.of(2025, 1, 1), 30, BigDecimal.ZERO, Optional.empty(), 3, 0, T0);
    assertThat(BadgeCriteria.qualifies(def, f)).isTrue();
  }

  @Test
  void givenAdminAward_whenTenureBadge_thenRefusedAsNotManual() {
    assertThat(
            BadgeRules.adminAward(catalogue.get(BadgeCatalogue.VETERAN), Optional.empty(), "why")
                .rejectionCode())
        .contains(BadgeRules.NOT_MANUAL);
  }

  @Test
  void givenAdminAward_whenHeldOrReasonMissing_thenRefusedButARevokedRowMayBeReactivated() {
    BadgeDefinition helper = catalogue.get(BadgeCatalogue.HELPER);
    assertThat(BadgeRules.adminAward(helper, Optional.of(held("helper")), "again").rejectionCode())
        .contains(BadgeRules.ALREADY_HELD);
    assertThat(BadgeRules.adminAward(helper, Optional.empty(), " ").rejectionCode())
        .contains(BadgeRules.REASON_REQUIRED);
    MemberBadge revoked = held("helper").revoked(T0, "admin");
    assertThat(BadgeRules.adminAward(helper, Optional.of(revoked), "back").isAllowed()).isTrue();
    MemberBadge again =
        revoked.reawarded(T0.plusSeconds(1), Optional.of("admin"), Optional.of("back"));
    assertThat(again.active()).isTrue();
    assertThat(again.id()).isEqualTo(revoked.id());
  }

  @Test
  void givenAutomaticAward_whenRevokedBefore_thenNeverReawarded() {
    assertThat(BadgeRules.automaticAward(Optional.empty()).isAllowed()).isTrue();
    assertThat(BadgeRules.automaticAward(Optional.of(held("og"))).rejectionCode())
        .contains(BadgeRules.ALREADY_HELD);
    assertThat(
            BadgeRules.automaticAward(Optional.of(held("og").revoked(T0, "admin"))).rejectionCode())
        .contains(BadgeRules.REVOKED);
  }

  @Test
  void givenRevoke_whenNotHeld_thenRefused() {
    BadgeDefinition helper = catalogue.get(BadgeCatalogue.HELPER);
    assertThat(BadgeRules.revoke(helper, Optional.of(held("helper"))).isAllowed()).isTrue();
    assertThat(BadgeRules.revoke(helper, Optional.empty()).rejectionCode())
        .contains(BadgeRules.NOT_HELD);
    assertThat(BadgeRules.revoke(helper, Optional.of(held("helper").revoked(T0, "a"))).isAllowed())
        .isFalse();
    assertThat(List.of(BadgeCategory.values()))
        .filteredOn(BadgeCategory::manuallyAwardable)
        .containsExactly(BadgeCategory.CONTRIBUTION, BadgeCategory.SPECIAL);
  }
}
