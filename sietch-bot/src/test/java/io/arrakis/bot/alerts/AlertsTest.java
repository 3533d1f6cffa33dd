package io.arrakis.bot.alerts;

import static io.arrakis.bot.directory.MembersFixture.button;
import static io.arrakis.bot.directory.MembersFixture.embed;
import static io.arrakis.bot.directory.MembersFixture.ephemeralText;
import static io.arrakis.bot.directory.MembersFixture.fields;
import static io.arrakis.bot.directory.MembersFixture.reply;
import static io.arrakis.bot.directory.MembersFixture.row;
import static io.arrakis.bot.directory.MembersFixture.select;
import static io.arrakis.bot.directory.MembersFixture.selected;
import static io.arrakis.bot.directory.MembersFixture.update;
import static io.arrakis.bot.directory.MembersFixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.ComponentHandler;
import io.arrakis.bot.Replies;
import io.arrakis.bot.directory.MembersFixture;
import io.arrakis.discord.Button;
import io.arrakis.discord.Embed;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.StringSelect;
import io.arrakis.domain.alerts.AlertFrequency;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.testkit.domain.InMemoryAuditLogRepository;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertsTest {
  private static final UserId OWNER = user(1);
  private static final UserId OTHER = user(2);
  private static final Instant WEEK = Instant.parse("2026-11-23T00:00:00Z");

  private final MembersFixture f = new MembersFixture();
  private final AlertsGroup group = new AlertsGroup(f.ports);
  private final CommandHandler command = group.commands().get(0);
  private final ComponentHandler controls = group.components().get(0);
  private Profile owner;
  private Profile other;

  @BeforeEach
  void seed() {
    owner = f.member(OWNER, "alia", Optional.of(Tier.FEDAYKIN), MembersFixture.NOW);
    other = f.member(OTHER, "chani", Optional.of(Tier.NAIB), MembersFixture.NOW);
    f.repos
        .alerts()
        .savePreferences(
            f.community.id(),
            new AlertPreferences(
                owner.memberId(), true, true, true, AlertFrequency.THREE_PER_WEEK, 2, WEEK));
  }

  private String id(String prefix, Profile p) {
    return prefix + ":" + p.memberId();
  }

  private AlertPreferences stored(Profile p) {
    return f.repos.alerts().preferences(f.community.id(), p.memberId()).orElseThrow();
  }

  @Test
  void givenAMember_alerts_showsThePreferencesWithTogglesFrequencyAndDisableAll() throws Exception {
    assertThat(command.name()).isEqualTo("alerts");
    assertThat(command.answerMode(f.slash("alerts", OWNER).command()))
        .isEqualTo(AnswerMode.IMMEDIATE);

    MessagePayload message = reply(command.handle(f.slash("alerts", OWNER)));

    assertThat(message.ephemeral()).isTrue();
    Embed embed = embed(message);
    assertThat(embed.title()).contains("Alert Preferences");
    assertThat(fields(embed))
        .containsExactly(
            entry("Position updates", "On"),
            entry("At-risk warnings", "On"),
            entry("Frequency", "3 per week (2/3 sent this week)"));
    assertThat(embed.footer())
        .contains(
            "Changes apply immediately. Critical alerts are never limited by your weekly cap.");
    assertThat(message.components()).hasSize(3);
    assertThat(row(message, 0)).hasSize(2).as("no Naib toggle without a seat");
    Button position = button(message, 0, 0);
    assertThat(position.customId()).contains("alerts_toggle_position:" + owner.memberId());
    assertThat(position.label()).isEqualTo("Disable position updates");
    assertThat(position.style()).as("grey when on").isEqualTo(Button.Style.SECONDARY);
    assertThat(button(message, 0, 1).customId())
        .contains("alerts_toggle_atrisk:" + owner.memberId());
    StringSelect frequency = select(message, 1);
    assertThat(frequency.customId()).isEqualTo("alerts_frequency:" + owner.memberId());
    assertThat(frequency.options())
        .extracting(StringSelect.Option::value)
        .containsExactly("1_per_week", "2_per_week", "3_per_week", "daily");
    assertThat(selected(frequency)).containsExactly("3_per_week");
    Button disableAll = button(message, 2, 0);
    assertThat(disableAll.customId()).contains("alerts_disable_all:" + owner.memberId());
    assertThat(disableAll.style()).isEqualTo(Button.Style.DANGER);
  }

  @Test
  void givenASeatHolderWithoutStoredPreferences_alerts_showsTheDefaultsAndTheNaibToggle()
      throws Exception {
    f.repos
        .seats()
        .save(
            f.community.id(),
            SeatRecord.open(
                UUID.randomUUID(), 1, other.memberId(), MembersFixture.NOW, BigInteger.TEN));

    MessagePayload message = reply(command.handle(f.slash("alerts", OTHER)));

    assertThat(fields(embed(message)))
        .containsExactly(
            entry("Position updates", "On"),
            entry("At-risk warnings", "On"),
            entry("Naib alerts", "On"),
            entry("Frequency", "3 per week (0/3 sent this week)"));
    assertThat(row(message, 0)).hasSize(3);
    assertThat(button(message, 0, 2).customId()).contains("alerts_toggle_naib:" + other.memberId());
    assertThat(button(message, 0, 2).label()).isEqualTo("Disable Naib alerts");
    assertThat(f.repos.alerts().preferences(f.community.id(), other.memberId()))
        .as("reading writes nothing")
        .isEmpty();
  }

  @Test
  void givenNoProfile_alerts_answersNotMember() throws Exception {
    assertThat(ephemeralText(command.handle(f.slash("alerts", user(99)))))
        .isEqualTo(Replies.notMember().content());
  }

  @Test
  void toggle_flipsThePreference_auditsIt_andUpdatesTheMessageInPlace() throws Exception {
    Answer answer = controls.handle(f.click(id("alerts_toggle_position", owner), OWNER));

    MessagePayload message = update(answer);
    assertThat(message.content()).isEqualTo("✅ Position updates turned off.");
    assertThat(fields(embed(message))).containsEntry("Position updates", "Off");
    Button position = button(message, 0, 0);
    assertThat(position.label()).isEqualTo("Enable position updates");
    assertThat(position.style()).as("green when off").isEqualTo(Button.Style.SUCCESS);
    assertThat(stored(owner).positionUpdates()).isFalse();
    assertThat(stored(owner).atRiskWarnings()).isTrue();
    assertThat(stored(owner).alertsSentThisWeek()).isEqualTo(2);
    List<InMemoryAuditLogRepository.Entry> audit = f.repos.auditLog().entries(f.community.id());
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).event().type()).isEqualTo(AuditType.ALERT_PREFERENCES_UPDATED);
    assertThat(audit.get(0).event().actor()).isEqualTo(Long.toUnsignedString(OWNER.value()));
    assertThat(audit.get(0).event().payload())
        .containsEntry("member", owner.memberId().toString())
        .containsEntry("change", "position_updates=off");

    MessagePayload again =
        update(controls.handle(f.click(id("alerts_toggle_atrisk", owner), OWNER)));
    assertThat(again.content()).isEqualTo("✅ At-risk warnings turned off.");
    assertThat(stored(owner).atRiskWarnings()).isFalse();
    MessagePayload back =
        update(controls.handle(f.click(id("alerts_toggle_position", owner), OWNER)));
    assertThat(back.content()).isEqualTo("✅ Position updates turned on.");
    assertThat(stored(owner).positionUpdates()).isTrue();
  }

  @Test
  void frequency_setsTheCapShownInTheEmbed() throws Exception {
    MessagePayload message =
        update(controls.handle(f.pick(id("alerts_frequency", owner), "daily", OWNER)));

    assertThat(message.content()).isEqualTo("✅ Frequency set to Daily.");
    assertThat(fields(embed(message))).containsEntry("Frequency", "Daily (2/7 sent this week)");
    assertThat(selected(select(message, 1))).containsExactly("daily");
    assertThat(stored(owner).frequency()).isEqualTo(AlertFrequency.DAILY);
    assertThat(f.repos.auditLog().entries(f.community.id()).get(0).event().payload())
        .containsEntry("change", "frequency=daily");
  }

  @Test
  void anUnknownFrequency_isRefusedAndChangesNothing() throws Exception {
    assertThat(
            ephemeralText(controls.handle(f.pick(id("alerts_frequency", owner), "hourly", OWNER))))
        .isEqualTo("That frequency isn't available. Run /alerts again.");
    assertThat(stored(owner).frequency()).isEqualTo(AlertFrequency.THREE_PER_WEEK);
  }

  @Test
  void disableAll_turnsOffTheThreeToggles_andRendersTheRedEmbed() throws Exception {
    MessagePayload message =
        update(controls.handle(f.click(id("alerts_disable_all", owner), OWNER)));

    Embed embed = embed(message);
    assertThat(embed.title()).contains("All Alerts Disabled");
    assertThat(embed.color().getAsInt()).isEqualTo(0xE74C3C);
    assertThat(embed.description().orElseThrow()).contains("Critical alerts still arrive");
    assertThat(fields(embed))
        .containsEntry("Position updates", "Off")
        .containsEntry("At-risk warnings", "Off");
    assertThat(button(message, 0, 0).label()).isEqualTo("Enable position updates");
    AlertPreferences prefs = stored(owner);
    assertThat(prefs.positionUpdates()).isFalse();
    assertThat(prefs.atRiskWarnings()).isFalse();
    assertThat(prefs.naibAlerts()).isFalse();
    assertThat(prefs.frequency()).isEqualTo(AlertFrequency.THREE_PER_WEEK);
  }

  @Test
  void anotherMembersClick_isRefusedWithNotYours_andChangesNothing() throws Exception {
    for (String prefix :
        List.of(
            "alerts_toggle_position",
            "alerts_toggle_atrisk",
            "alerts_toggle_naib",
            "alerts_disable_all")) {
      assertThat(ephemeralText(controls.handle(f.click(id(prefix, owner), OTHER))))
          .isEqualTo(Replies.notYours().content());
    }
    assertThat(
            ephemeralText(controls.handle(f.pick(id("alerts_frequency", owner), "daily", OTHER))))
        .isEqualTo(Replies.notYours().content());
    assertThat(ephemeralText(controls.handle(f.click(id("alerts_disable_all", owner), user(99)))))
        .as("a user without a profile")
        .isEqualTo(Replies.notYours().content());

    assertThat(stored(owner))
        .isEqualTo(
            new AlertPreferences(
                owner.memberId(), true, true, true, AlertFrequency.THREE_PER_WEEK, 2, WEEK));
    assertThat(f.repos.auditLog().entries(f.community.id())).isEmpty();
  }

  @Test
  void aMalformedMemberId_isAStaleControl() throws Exception {
    assertThat(ephemeralText(controls.handle(f.click("alerts_toggle_position:42", OWNER))))
        .isEqualTo(Replies.staleControl().content());
    assertThat(ephemeralText(controls.handle(f.click("alerts_disable_all", OWNER))))
        .isEqualTo(Replies.staleControl().content());
  }

  @Test
  void aMemberWhoLeft_isRefusedWithNotMember() throws Exception {
    f.repos.profiles().save(f.community.id(), owner.left(MembersFixture.NOW));

    assertThat(ephemeralText(controls.handle(f.click(id("alerts_disable_all", owner), OWNER))))
        .isEqualTo(Replies.notMember().content());
  }

  @Test
  void aFirstChangeWithoutStoredPreferences_savesTheDefaultsWithTheChange() throws Exception {
    update(controls.handle(f.click(id("alerts_toggle_atrisk", other), OTHER)));

    AlertPreferences prefs = stored(other);
    assertThat(prefs)
        .isEqualTo(
            new AlertPreferences(
                other.memberId(), true, false, true, AlertFrequency.THREE_PER_WEEK, 0, WEEK));
  }
}
