package io.arrakis.bot.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.bot.Transactions;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.alerts.Alert;
import io.arrakis.domain.alerts.RiskLevel;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.effect.Effect;
import io.arrakis.domain.port.AlertRecord;
import io.arrakis.testkit.domain.InMemoryAuditLogRepository;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertDeliveryTest {
  private final SyncFixture f = new SyncFixture();
  private final CommunityConfig c = f.community(42, SyncFixture.CHAIN);
  private final MemberId member = f.member(c, 30, true);
  private final AlertDmOutcomeHandler done =
      AlertDmOutcomeHandler.delivered(f.delivery, Transactions.none(), f.clock);
  private final AlertDmOutcomeHandler failed =
      AlertDmOutcomeHandler.failed(f.delivery, Transactions.none(), f.clock);

  private DiscordAction.SendDirectMessage queue(Alert alert) {
    return f.delivery.queue(
        c,
        new Effect.SendAlert(SyncFixture.user(30), Optional.of(member), alert),
        UUID.randomUUID(),
        f.clock.instant());
  }

  private int sentThisWeek() {
    return f.repos.alerts().preferences(c.id(), member).orElseThrow().alertsSentThisWeek();
  }

  private AlertRecord only() {
    return f.repos.alerts().history(c.id()).get(0);
  }

  private static byte[] event(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private java.util.List<AuditType> audits() {
    return f.repos.auditLog().entries(c.id()).stream()
        .map(InMemoryAuditLogRepository.Entry::event)
        .map(e -> e.type())
        .toList();
  }

  @Test
  void givenANonCriticalAlert_whenQueued_thenARowIsPendingAndTheWeeklyCountRises() {
    DiscordAction.SendDirectMessage dm =
        queue(new Alert.AtRiskWarning(66, 4, Optional.empty(), RiskLevel.MEDIUM));

    assertThat(only().delivered()).isFalse();
    assertThat(only().deliveryError()).isEmpty();
    assertThat(dm.actionId()).isEqualTo("alert:" + c.id().value() + ":" + only().id());
    assertThat(dm.purpose()).isEqualTo("alert:at_risk_warning");
    assertThat(dm.message().embeds().get(0).footer())
        .contains("Manage alerts with /alerts in " + c.name());
    assertThat(sentThisWeek()).isEqualTo(1);
  }

  @Test
  void givenACriticalAlert_whenQueued_thenTheWeeklyCountIsUntouched() {
    queue(new Alert.NaibSeated(2, false));

    assertThat(sentThisWeek()).isZero();
  }

  @Test
  void givenActionDone_thenTheAlertIsDeliveredAndAuditedOnceEvenWhenReplayed() {
    DiscordAction.SendDirectMessage dm = queue(new Alert.NaibSeated(2, false));
    f.clock.advance(Duration.ofSeconds(3));
    byte[] body =
        event(
            "{\"action_id\":\"" + dm.actionId() + "\",\"kind\":\"dm.send\",\"user_id\":\"10030\"}");

    done.handle(dm.actionId() + ":done", body);
    done.handle(dm.actionId() + ":done", body);

    assertThat(only().delivered()).isTrue();
    assertThat(only().deliveredAt()).contains(f.clock.instant());
    assertThat(audits()).containsOnlyOnce(AuditType.ALERT_SENT);
  }

  @Test
  void givenActionFailed_thenTheErrorIsStoredAuditedAndTheCountGivenBack() {
    DiscordAction.SendDirectMessage dm =
        queue(new Alert.AtRiskWarning(66, 4, Optional.empty(), RiskLevel.MEDIUM));
    assertThat(sentThisWeek()).isEqualTo(1);

    failed.handle(
        dm.actionId() + ":failed",
        event(
            "{\"action_id\":\""
                + dm.actionId()
                + "\",\"kind\":\"dm.send\",\"error_class\":\"DmClosed\","
                + "\"reason\":\"Cannot send messages to this user \\\"x\\\"\"}"));

    assertThat(only().delivered()).isFalse();
    assertThat(only().deliveryError())
        .contains("DmClosed: Cannot send messages to this user \"x\"");
    assertThat(audits()).containsOnlyOnce(AuditType.ALERT_FAILED);
    assertThat(sentThisWeek()).isZero();
  }

  @Test
  void givenAnotherActionsOutcome_thenItIsIgnored() {
    queue(new Alert.NaibSeated(2, false));

    done.handle("x", event("{\"action_id\":\"123:dm.send:onboarding\",\"kind\":\"dm.send\"}"));

    assertThat(only().delivered()).isFalse();
    assertThat(audits()).isEmpty();
  }

  @Test
  void givenAMalformedEvent_thenItIsRejectedAsInvalid() {
    assertThatThrownBy(() -> done.handle("x", event("not json")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> done.handle("x", event("{\"kind\":\"dm.send\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("action_id");
    assertThatThrownBy(() -> done.handle("x", event("{\"action_id\":\"alert:nope:nope\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed alert action id");
  }

  @Test
  void givenAnOutcomeForAnotherCommunitysRow_thenNothingChanges() {
    DiscordAction.SendDirectMessage dm = queue(new Alert.NaibSeated(2, false));
    String forged = AlertDelivery.actionId(CommunityId.random(), only().id());

    done.handle("x", event("{\"action_id\":\"" + forged + "\"}"));

    assertThat(only().delivered()).isFalse();
    assertThat(dm.actionId()).isNotEqualTo(forged);
  }
}
