package io.arrakis.bot.alerts;

import io.arrakis.bot.Answer;
import io.arrakis.bot.ComponentHandler;
import io.arrakis.bot.ComponentInvocation;
import io.arrakis.bot.Replies;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessagePayload;
import io.arrakis.domain.alerts.AlertFrequency;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.alerts.AlertToggle;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code /alerts} controls (spec §15.10, §16): {@code alerts_toggle_position|atrisk|naib},
 * {@code alerts_frequency} and {@code alerts_disable_all}, each {@code :{memberId}}. The member id
 * must be the clicking user's (NOT_YOURS otherwise); the change is saved, audited ({@code
 * alert_preferences_updated}) and the message re-rendered in place with a confirmation line.
 */
public final class AlertsControls implements ComponentHandler {
  static final String UNKNOWN_FREQUENCY = "That frequency isn't available. Run /alerts again.";

  private final Repositories repos;
  private final MemberAlerts alerts;

  public AlertsControls(Repositories repos) {
    this.repos = repos;
    this.alerts = new MemberAlerts(repos);
  }

  @Override
  public Set<String> prefixes() {
    return Set.of(
        AlertsView.TOGGLE_POSITION,
        AlertsView.TOGGLE_AT_RISK,
        AlertsView.TOGGLE_NAIB,
        AlertsView.FREQUENCY,
        AlertsView.DISABLE_ALL);
  }

  @Override
  public Answer handle(ComponentInvocation invocation) {
    Optional<MemberId> owner = memberId(invocation.arg(0));
    if (owner.isEmpty()) {
      return Answer.reply(Replies.staleControl());
    }
    Optional<Profile> clicker =
        repos.profiles().byUser(invocation.communityId(), invocation.caller());
    if (clicker.isEmpty() || !clicker.get().memberId().equals(owner.get())) {
      return Answer.reply(Replies.notYours());
    }
    if (!clicker.get().active()) {
      return Answer.reply(Replies.notMember());
    }
    MemberId member = owner.get();
    AlertPreferences before = alerts.preferences(invocation.community(), member, invocation.now());
    AlertPreferences after;
    String change;
    String confirmation;
    boolean allDisabled = false;
    switch (invocation.customId().prefix()) {
      case AlertsView.TOGGLE_POSITION, AlertsView.TOGGLE_AT_RISK, AlertsView.TOGGLE_NAIB -> {
        AlertToggle toggle = toggle(invocation.customId().prefix());
        boolean on = !before.isOn(toggle);
        after = before.withToggle(toggle, on);
        change = key(toggle) + "=" + (on ? "on" : "off");
        confirmation = "✅ " + AlertsView.name(toggle) + " turned " + (on ? "on" : "off") + ".";
      }
      case AlertsView.FREQUENCY -> {
        Optional<AlertFrequency> picked =
            invocation.values().isEmpty()
                ? Optional.empty()
                : AlertFrequency.fromId(invocation.values().get(0));
        if (picked.isEmpty()) {
          return Answer.error(UNKNOWN_FREQUENCY);
        }
        after = before.withFrequency(picked.get());
        change = "frequency=" + picked.get().id();
        confirmation = "✅ Frequency set to " + AlertsView.label(picked.get()) + ".";
      }
      case AlertsView.DISABLE_ALL -> {
        after = before.allDisabled();
        change = "disable_all";
        confirmation = "🔕 All alerts disabled.";
        allDisabled = true;
      }
      default -> {
        return Answer.reply(Replies.staleControl());
      }
    }
    repos.alerts().savePreferences(invocation.communityId(), after);
    repos
        .auditLog()
        .append(
            invocation.communityId(),
            new AuditEvent(
                AuditType.ALERT_PREFERENCES_UPDATED,
                Long.toUnsignedString(invocation.caller().value()),
                Map.of("member", member.toString(), "change", change)),
            invocation.now());
    boolean seat = alerts.holdsSeat(invocation.communityId(), member);
    MessagePayload rendered = AlertsView.render(after, seat, allDisabled, confirmation);
    // an edit keeps the message ephemeral; only the content, embeds and components change
    MessagePayload update =
        new MessagePayload(rendered.content(), rendered.embeds(), rendered.components(), Set.of());
    return Answer.of(new InteractionResponse.UpdateMessage(update));
  }

  private static Optional<MemberId> memberId(String arg) {
    try {
      return Optional.of(new MemberId(UUID.fromString(arg)));
    } catch (IllegalArgumentException ex) {
      return Optional.empty();
    }
  }

  private static AlertToggle toggle(String prefix) {
    return switch (prefix) {
      case AlertsView.TOGGLE_POSITION -> AlertToggle.POSITION_UPDATES;
      case AlertsView.TOGGLE_AT_RISK -> AlertToggle.AT_RISK_WARNINGS;
      default -> AlertToggle.NAIB_ALERTS;
    };
  }

  /** The column name, in the audit payload. */
  private static String key(AlertToggle toggle) {
    return switch (toggle) {
      case POSITION_UPDATES -> "position_updates";
      case AT_RISK_WARNINGS -> "at_risk_warnings";
      case NAIB_ALERTS -> "naib_alerts";
    };
  }
}
