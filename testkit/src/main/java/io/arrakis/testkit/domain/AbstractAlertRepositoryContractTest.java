package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.alerts.Alert;
import io.arrakis.domain.alerts.AlertFrequency;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.alerts.AlertType;
import io.arrakis.domain.alerts.RiskLevel;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.eligibility.RemovalReason;
import io.arrakis.domain.port.AlertDeliveryUpdate;
import io.arrakis.domain.port.AlertRecord;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierProgress;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@code AlertRepository} does. */
public abstract class AbstractAlertRepositoryContractTest extends AbstractRepositoryContractTest {

  private static AlertRecord record(MemberId member, Alert alert, Instant at) {
    return new AlertRecord(
        UUID.randomUUID(),
        randomUser(),
        Optional.of(member),
        alert,
        true,
        Optional.empty(),
        at,
        Optional.of(at));
  }

  private static Alert threat(MemberId challenger) {
    return new Alert.NaibThreatAlert(3, new BigInteger("100"), new BigInteger("95"), challenger);
  }

  @Test
  void givenPreferences_thenTheyAreFoundListedAndUpdated() {
    CommunityId c = newCommunity();
    AlertPreferences p =
        AlertPreferences.defaults(randomMember(), AlertFrequency.THREE_PER_WEEK, at(0));
    repos.alerts().savePreferences(c, p);
    assertThat(repos.alerts().preferences(c, p.memberId())).contains(p);
    assertThat(repos.alerts().allPreferences(c)).containsExactly(p);

    AlertPreferences changed =
        p.allDisabled().withFrequency(AlertFrequency.DAILY).afterDelivery(AlertType.NAIB_THREAT);
    repos.alerts().savePreferences(c, changed);
    assertThat(repos.alerts().preferences(c, p.memberId())).contains(changed);
    assertThat(repos.alerts().preferences(c, randomMember())).isEmpty();
  }

  @Test
  void givenNaibThreats_thenTheLatestChallengerOfTheHolderIsReturned() {
    CommunityId c = newCommunity();
    MemberId holder = randomMember();
    MemberId first = randomMember();
    MemberId second = randomMember();
    assertThat(repos.alerts().lastNaibThreatChallenger(c, holder)).isEmpty();

    repos.alerts().appendHistory(c, record(holder, threat(first), at(0)));
    repos.alerts().appendHistory(c, record(holder, threat(second), at(10)));
    repos.alerts().appendHistory(c, record(randomMember(), threat(first), at(20)));
    repos.alerts().appendHistory(c, record(holder, new Alert.NaibSeated(3, true), at(30)));

    assertThat(repos.alerts().lastNaibThreatChallenger(c, holder)).contains(second);
  }

  @Test
  void givenEveryAlertType_whenAppended_thenTheHistoryAcceptsIt() {
    CommunityId c = newCommunity();
    MemberId member = randomMember();
    List<Alert> alerts =
        List.of(
            new Alert.PositionUpdate(
                5, 7, BigInteger.TEN, Optional.of(BigInteger.ONE), Optional.empty(), true),
            new Alert.AtRiskWarning(68, 2, Optional.of(BigInteger.TWO), RiskLevel.HIGH),
            threat(randomMember()),
            new Alert.NaibSeated(1, false),
            new Alert.NaibBump(2, new BigInteger("123456789012345678901234567890")),
            new Alert.WaitlistEligible(OptionalInt.of(60), "0x1234...abcd"),
            new Alert.TierPromotion(
                Optional.of(Tier.HAJRA),
                Tier.ICHWAN,
                new TierProgress.ToNext(Tier.QANAT, BigInteger.TEN)),
            new Alert.BadgeAward(
                "og", "OG", "🏜️", "said \"hi\"\n", Optional.empty(), Optional.of("Stilgar")),
            new Alert.EligibilityLost(OptionalInt.empty(), RemovalReason.RANK_CHANGE, 24),
            new Alert.AccessRevoked());
    for (Alert alert : alerts) {
      repos.alerts().appendHistory(c, record(member, alert, at(1)));
    }
    repos
        .alerts()
        .appendHistory(
            c,
            new AlertRecord(
                UUID.randomUUID(),
                randomUser(),
                Optional.empty(),
                new Alert.AccessRevoked(),
                false,
                Optional.of("dm closed"),
                at(2),
                Optional.empty()));

    assertThat(repos.alerts().lastNaibThreatChallenger(c, member)).isPresent();
  }

  private static AlertRecord pending(Optional<MemberId> member, Alert alert, Instant at) {
    return new AlertRecord(
        UUID.randomUUID(),
        randomUser(),
        member,
        alert,
        false,
        Optional.empty(),
        at,
        Optional.empty());
  }

  @Test
  void givenAPendingAlert_whenDelivered_thenItIsMarkedOnceWithWhatTheCallerNeeds() {
    CommunityId c = newCommunity();
    MemberId member = randomMember();
    AlertRecord queued =
        pending(
            Optional.of(member),
            new Alert.AtRiskWarning(66, 4, Optional.empty(), RiskLevel.MEDIUM),
            at(0));
    repos.alerts().appendHistory(c, queued);

    assertThat(repos.alerts().markDelivered(c, queued.id(), at(1)))
        .contains(
            new AlertDeliveryUpdate(
                queued.id(),
                queued.recipient(),
                Optional.of(member),
                AlertType.AT_RISK_WARNING,
                at(0)));
    assertThat(repos.alerts().markDelivered(c, queued.id(), at(2))).isEmpty();
    assertThat(repos.alerts().markFailed(c, queued.id(), "too late")).isEmpty();
  }

  @Test
  void givenAPendingUserAlert_whenItFails_thenTheErrorIsKeptAndItCannotBeDeliveredLater() {
    CommunityId c = newCommunity();
    AlertRecord queued = pending(Optional.empty(), new Alert.AccessRevoked(), at(0));
    repos.alerts().appendHistory(c, queued);

    assertThat(repos.alerts().markFailed(c, queued.id(), "DmClosed: Cannot send messages"))
        .hasValueSatisfying(
            u -> {
              assertThat(u.member()).isEmpty();
              assertThat(u.recipient()).isEqualTo(queued.recipient());
              assertThat(u.type()).isEqualTo(AlertType.ACCESS_REVOKED);
            });
    assertThat(repos.alerts().markFailed(c, queued.id(), "again")).isEmpty();
    assertThat(repos.alerts().markDelivered(c, queued.id(), at(1))).isEmpty();
  }

  @Test
  void givenAnUnknownOrForeignAlert_whenMarked_thenNothingChanges() {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    AlertRecord queued = pending(Optional.empty(), new Alert.AccessRevoked(), at(0));
    repos.alerts().appendHistory(a, queued);

    assertThat(repos.alerts().markDelivered(b, queued.id(), at(1))).isEmpty();
    assertThat(repos.alerts().markFailed(a, UUID.randomUUID(), "x")).isEmpty();
    assertThat(repos.alerts().markDelivered(a, queued.id(), at(1))).isPresent();
  }

  @Test
  void givenAlertsOfAnotherCommunity_thenTheyAreNotVisible() {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    MemberId holder = randomMember();
    AlertPreferences p = AlertPreferences.defaults(holder, AlertFrequency.DAILY, at(0));
    repos.alerts().savePreferences(a, p);
    repos.alerts().appendHistory(a, record(holder, threat(randomMember()), at(0)));

    assertThat(repos.alerts().allPreferences(b)).isEmpty();
    assertThat(repos.alerts().lastNaibThreatChallenger(b, holder)).isEmpty();
  }
}
