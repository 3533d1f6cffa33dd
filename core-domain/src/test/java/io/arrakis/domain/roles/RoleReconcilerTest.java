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
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reconciliation of spec §4.4: immediate grants, grace-timed chain removals. */
class RoleReconcilerTest {
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

  private final RoleReconciler reconciler = new RoleReconciler(24, EnumSet.allOf(RoleKey.class));

  private RolePlan sync(
      Set<RoleKey> desired,
      Set<RoleKey> held,
      Map<RoleKey, Instant> pending,
      boolean inGrace,
      Instant now) {
    return reconciler.reconcile(
        USER, desired, held, pending, true, ReconcileScope.SUCCESSFUL_SYNC, inGrace, now);
  }

  @Test
  void givenDesiredRolesNotHeld_thenGrantedImmediately() {
    RolePlan plan =
        sync(Set.of(RoleKey.FEDAYKIN, RoleKey.HAJRA), Set.of(RoleKey.HAJRA), Map.of(), false, T0);
    assertThat(plan.grants()).containsExactly(RoleKey.FEDAYKIN);
    assertThat(plan.removals()).isEmpty();
  }

  @Test
  void givenChainRoleNoLongerDesiredAndNoPendingRow_thenScheduledNotRemoved() {
    RolePlan plan = sync(Set.of(), Set.of(RoleKey.FEDAYKIN), Map.of(), false, T0);
    assertThat(plan.scheduled()).containsExactly(RoleKey.FEDAYKIN);
    assertThat(plan.removals()).isEmpty();
    assertThat(plan.accessRevoked()).isFalse();
  }

  @Test
  void givenPendingFor23Hours59Minutes_thenStillKept() {
    RolePlan plan =
        sync(
            Set.of(),
            Set.of(RoleKey.FEDAYKIN),
            Map.of(RoleKey.FEDAYKIN, T0),
            false,
            T0.plus(Duration.ofHours(24)).minusSeconds(60));
    assertThat(plan.removals()).isEmpty();
    assertThat(plan.scheduled()).isEmpty();
    assertThat(plan.cancelled()).isEmpty();
  }

  @Test
  void givenPendingFor24Hours_thenRemovedWithGraceExpiredAndAccessRevoked() {
    RolePlan plan =
        sync(
            Set.of(),
            Set.of(RoleKey.FEDAYKIN, RoleKey.HAJRA),
            Map.of(RoleKey.FEDAYKIN, T0, RoleKey.HAJRA, T0),
            false,
            T0.plus(Duration.ofHours(24)));
    assertThat(plan.removals())
        .containsExactlyInAnyOrder(
            new RolePlan.Removal(RoleKey.FEDAYKIN, RolePlan.RemovalCause.GRACE_EXPIRED),
            new RolePlan.Removal(RoleKey.HAJRA, RolePlan.RemovalCause.GRACE_EXPIRED));
    assertThat(plan.accessRevoked()).isTrue();
  }

  @Test
  void givenCommunityInGrace_thenNoChainRoleIsRemovedEvenLongAfterTheGracePeriod() {
    RolePlan plan =
        sync(
            Set.of(),
            Set.of(RoleKey.FEDAYKIN),
            Map.of(RoleKey.FEDAYKIN, T0),
            true,
            T0.plus(Duration.ofDays(30)));
    assertThat(plan.removals()).isEmpty();
    assertThat(plan.accessRevoked()).isFalse();
  }

  @Test
  void givenPendingRoleDesiredAgain_thenPendingCancelled() {
    RolePlan plan =
        sync(
            Set.of(RoleKey.FEDAYKIN),
            Set.of(RoleKey.FEDAYKIN),
            Map.of(RoleKey.FEDAYKIN, T0),
            false,
            T0.plus(Duration.ofHours(30)));
    assertThat(plan.cancelled()).containsExactly(RoleKey.FEDAYKIN);
    assertThat(plan.removals()).isEmpty();
  }

  @Test
  void givenOutsideASync_thenChainRolesAreNeverRemovedNorScheduledButImmediateClassesAre() {
    RolePlan plan =
        reconciler.reconcile(
            USER,
            Set.of(),
            Set.of(RoleKey.FEDAYKIN, RoleKey.TAQWA, RoleKey.ENGAGED),
            Map.of(RoleKey.FEDAYKIN, T0),
            true,
            ReconcileScope.OUTSIDE_SYNC,
            false,
            T0.plus(Duration.ofDays(3)));
    assertThat(plan.removals())
        .extracting(RolePlan.Removal::role)
        .containsExactlyInAnyOrder(RoleKey.TAQWA, RoleKey.ENGAGED);
    assertThat(plan.scheduled()).isEmpty();
    assertThat(plan.cancelled()).isEmpty();
  }

  @Test
  void givenSeating_thenFedaykinSwappedForNaibImmediately() {
    RolePlan plan = sync(Set.of(RoleKey.NAIB), Set.of(RoleKey.FEDAYKIN), Map.of(), false, T0);
    assertThat(plan.grants()).containsExactly(RoleKey.NAIB);
    assertThat(plan.removals())
        .containsExactly(new RolePlan.Removal(RoleKey.FEDAYKIN, RolePlan.RemovalCause.SEATED));
    assertThat(plan.scheduled()).isEmpty();
  }

  @Test
  void givenUnseating_thenNaibRemovedAndFedaykinAndFormerNaibGranted() {
    RolePlan plan =
        sync(
            Set.of(RoleKey.FEDAYKIN, RoleKey.FORMER_NAIB),
            Set.of(RoleKey.NAIB),
            Map.of(),
            false,
            T0);
    assertThat(plan.grants()).containsExactlyInAnyOrder(RoleKey.FEDAYKIN, RoleKey.FORMER_NAIB);
    assertThat(plan.removals())
        .containsExactly(new RolePlan.Removal(RoleKey.NAIB, RolePlan.RemovalCause.NOT_DESIRED));
  }

  @Test
  void givenActiveProfile_thenOnboardedAndVeteranAreNeverRemoved() {
    RolePlan plan = sync(Set.of(), Set.of(RoleKey.ONBOARDED, RoleKey.VETERAN), Map.of(), false, T0);
    assertThat(plan.removals()).isEmpty();
    RolePlan gone =
        reconciler.reconcile(
            USER,
            Set.of(),
            Set.of(RoleKey.ONBOARDED, RoleKey.VETERAN),
            Map.of(),
            false,
            ReconcileScope.SUCCESSFUL_SYNC,
            false,
            T0);
    assertThat(gone.removals()).hasSize(2);
  }

  @Test
  void givenUnsetOptionalRole_thenNeverAssigned() {
    RoleReconciler onlyRequired =
        new RoleReconciler(24, EnumSet.of(RoleKey.NAIB, RoleKey.FEDAYKIN));
    RolePlan plan =
        onlyRequired.reconcile(
            USER,
            Set.of(RoleKey.FEDAYKIN, RoleKey.HAJRA, RoleKey.ONBOARDED),
            Set.of(),
            Map.of(),
            true,
            ReconcileScope.SUCCESSFUL_SYNC,
            false,
            T0);
    assertThat(plan.grants()).containsExactly(RoleKey.FEDAYKIN);
  }
}
