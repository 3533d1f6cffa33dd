package io.arrakis.bot.setup;

import static io.arrakis.bot.setup.SetupFixture.ADMIN;
import static io.arrakis.bot.setup.SetupFixture.OTHER_ADMIN;
import static io.arrakis.bot.setup.SetupFixture.customIds;
import static io.arrakis.bot.setup.SetupFixture.embed;
import static io.arrakis.bot.setup.SetupFixture.errorText;
import static io.arrakis.bot.setup.SetupFixture.field;
import static io.arrakis.bot.setup.SetupFixture.idStartingWith;
import static io.arrakis.bot.setup.SetupFixture.modal;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.Answer;
import io.arrakis.discord.ComponentType;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.CoexistenceMode;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.testkit.domain.InMemoryAuditLogRepository;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WizardTest {
  static final String TOKEN = "0x" + "AB".repeat(20);
  private final SetupFixture f = new SetupFixture();

  private String sid(Answer a) {
    String start = idStartingWith(a, "wizard:");
    return start.split(":")[2];
  }

  @Test
  void theHandlersServeAnInactiveCommunityAndAreAdminOnly() {
    assertThat(f.command("onboard").needsActiveCommunity()).isFalse();
    assertThat(f.command("resume").needsActiveCommunity()).isFalse();
    assertThat(f.control("wizard:start:x").needsActiveCommunity()).isFalse();
    assertThat(f.command("onboard").adminOnly()).isTrue();
    assertThat(f.control("wizard:start:x").adminOnly()).isTrue();
  }

  @Test
  void mainPath_startToDeploy_writesTheConfigurationAndActivates() throws Exception {
    Answer init = f.run("onboard", null, ADMIN, Map.of());
    assertThat(embed(init).description().orElseThrow()).startsWith("▱▱▱▱▱▱▱▱▱▱ 0%");
    String sid = sid(init);
    assertThat(customIds(init)).containsExactly("wizard:start:" + sid, "wizard:cancel:" + sid);

    Answer chain = f.click("wizard:start:" + sid, ADMIN);
    assertThat(chain.response()).isInstanceOf(InteractionResponse.UpdateMessage.class);
    assertThat(embed(chain).description().orElseThrow()).contains("12%");
    f.pick("wizard:chain:" + sid, ComponentType.STRING_SELECT, ADMIN, "80094");
    Answer asset = f.click("wizard:next:" + sid, ADMIN);
    assertThat(embed(asset).title().orElseThrow()).contains("Token");

    // Next without a token is refused; the modal sets it
    assertThat(errorText(f.click("wizard:next:" + sid, ADMIN))).contains("token address");
    assertThat(modal(f.click("wizard:asset:" + sid, ADMIN)).customId())
        .isEqualTo("wizard:asset:" + sid);
    assertThat(
            errorText(
                f.submit(
                    "wizard:asset:" + sid,
                    ADMIN,
                    Map.of(
                        "token_address", "0x123",
                        "token_symbol", "BGT",
                        "token_decimals", "18",
                        "scan_start_block", "0"))))
        .contains("valid token address");
    assertThat(
            errorText(
                f.submit(
                    "wizard:asset:" + sid,
                    ADMIN,
                    Map.of(
                        "token_address", TOKEN,
                        "token_symbol", "SPICE",
                        "token_decimals", "40",
                        "scan_start_block", "0"))))
        .contains("between 0 and 36");
    Answer assetSet =
        f.submit(
            "wizard:asset:" + sid,
            ADMIN,
            Map.of(
                "token_address", TOKEN,
                "token_symbol", "SPICE",
                "token_decimals", "18",
                "scan_start_block", "1234"));
    assertThat(field(embed(assetSet), "Address")).isEqualTo(TOKEN.toLowerCase());
    f.click("wizard:next:" + sid, ADMIN);

    assertThat(
            errorText(
                f.submit(
                    "wizard:rules:" + sid,
                    ADMIN,
                    Map.of(
                        "eligible_count", "50",
                        "naib_seats", "5",
                        "waitlist_range", "40-60",
                        "grace_hours", "12",
                        "launch_date", "2026-01-01"))))
        .contains("waitlist must start after");
    f.submit(
        "wizard:rules:" + sid,
        ADMIN,
        Map.of(
            "eligible_count", "50",
            "naib_seats", "5",
            "waitlist_range", "51-80",
            "grace_hours", "12",
            "launch_date", "2026-01-01"));
    assertThat(
            errorText(
                f.submit(
                    "wizard:tiers:" + sid + ":2",
                    ADMIN,
                    Map.of("mushtamal", "1", "sayyadina", "2", "usul", "3"))))
        .contains("strictly increasing");
    f.submit(
        "wizard:tiers:" + sid + ":2",
        ADMIN,
        Map.of("mushtamal", "700", "sayyadina", "900", "usul", "1200"));
    Answer roles = f.click("wizard:next:" + sid, ADMIN);
    assertThat(embed(roles).description().orElseThrow()).contains("50%");
    assertThat(customIds(roles))
        .contains("wizard:role:" + sid + ":naib", "wizard:roles-page:" + sid + ":2");
    assertThat(SetupFixture.message(roles).components()).hasSizeLessThanOrEqualTo(5);

    assertThat(errorText(f.click("wizard:next:" + sid, ADMIN))).contains("naib and fedaykin");
    f.pick("wizard:role:" + sid + ":naib", ComponentType.ROLE_SELECT, ADMIN, "501");
    f.pick("wizard:role:" + sid + ":fedaykin", ComponentType.ROLE_SELECT, ADMIN, "502");
    Answer page5 = f.click("wizard:roles-page:" + sid + ":5", ADMIN);
    assertThat(customIds(page5)).contains("wizard:incumbent:" + sid);
    f.pick("wizard:incumbent:" + sid, ComponentType.USER_SELECT, ADMIN, "777");
    // the create toggle goes on and off again: this path maps everything
    assertThat(customIds(f.click("wizard:create-roles:" + sid, ADMIN)))
        .contains("wizard:create-roles:" + sid);
    f.click("wizard:create-roles:" + sid, ADMIN);
    Answer channels = f.click("wizard:next:" + sid, ADMIN);
    assertThat(embed(channels).description().orElseThrow()).contains("62%");
    f.pick("wizard:channel:" + sid + ":the_door", ComponentType.CHANNEL_SELECT, ADMIN, "601");
    f.pick("wizard:channel:" + sid + ":census", ComponentType.CHANNEL_SELECT, ADMIN, "602");
    Answer review = f.click("wizard:next:" + sid, ADMIN);
    assertThat(embed(review).description().orElseThrow()).contains("75%");
    assertThat(field(embed(review), "Checks")).isEqualTo("No problems found.");

    Answer done = f.click("wizard:deploy:" + sid, ADMIN);
    assertThat(embed(done).title().orElseThrow()).contains("Setup complete");
    assertThat(embed(done).description().orElseThrow()).contains("100%");
    assertThat(SetupFixture.message(done).components()).isEmpty();

    CommunityConfig c = f.stored();
    assertThat(c.active()).isTrue();
    assertThat(c.token().tokenAddress().orElseThrow().value()).isEqualTo(TOKEN.toLowerCase());
    assertThat(c.token().symbol()).isEqualTo("SPICE");
    assertThat(c.token().scanStartBlock()).isEqualTo(1234);
    assertThat(c.eligibility().eligibleCount()).isEqualTo(50);
    assertThat(c.eligibility().waitlistMin()).isEqualTo(51);
    assertThat(c.members().launchDate()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(c.tierThresholds().minimumOf(Tier.USUL)).isEqualByComparingTo(new BigDecimal(1200));
    assertThat(c.roles().bindings().get(RoleKey.NAIB).discordRoleId()).contains(new Snowflake(501));
    assertThat(c.channels().census()).contains(new Snowflake(602));
    assertThat(c.incumbentBotId()).contains(new Snowflake(777));
    assertThat(c.coexistenceMode()).isEqualTo(CoexistenceMode.SHADOW);
    assertThat(f.repos.badges().catalogue(c.id()))
        .as("the preset badges are seeded for a community that had none")
        .extracting(d -> d.id())
        .contains("og", "water-sharer");
    assertThat(f.repos.migrations().state(c.id()).orElseThrow().shadowStartedAt())
        .contains(f.clock.instant());
    assertThat(((InMemoryAuditLogRepository) f.repos.auditLog()).entries(c.id()))
        .extracting(e -> e.event().type())
        .containsExactly(AuditType.COMMUNITY_CONFIGURED);
    assertThat(f.syncRequested).as("deploy asks for the first sync").containsExactly(c.id());

    // the lock is released; the session says it completed
    assertThat(f.wizardLockFree()).isTrue();
    assertThat(errorText(f.run("resume", null, ADMIN, Map.of())))
        .isEqualTo(Wizard.ALREADY_COMPLETE);
  }

  @Test
  void anotherAdminIsToldSetupIsRunning_andCannotClickTheControls() throws Exception {
    String sid = sid(f.run("onboard", null, ADMIN, Map.of()));
    assertThat(errorText(f.run("onboard", null, OTHER_ADMIN, Map.of())))
        .startsWith("Another administrator is running setup (expires <t:");
    assertThat(errorText(f.click("wizard:start:" + sid, OTHER_ADMIN)))
        .isEqualTo("This control belongs to someone else.");
  }

  @Test
  void aSecondOnboardOffersResumeOrRestart_andAnOldSessionIdIsNotCurrent() throws Exception {
    String sid = sid(f.run("onboard", null, ADMIN, Map.of()));
    f.click("wizard:start:" + sid, ADMIN);
    Answer again = f.run("onboard", null, ADMIN, Map.of());
    assertThat(customIds(again))
        .containsExactly("wizard:resume-existing:" + sid, "wizard:restart:" + sid);
    Answer restarted = f.click("wizard:restart:" + sid, ADMIN);
    String fresh = sid(restarted);
    assertThat(fresh).isNotEqualTo(sid);
    assertThat(errorText(f.click("wizard:next:" + sid, ADMIN))).isEqualTo(Wizard.NOT_CURRENT);
  }

  @Test
  void resume_showsTheCurrentStepWithTheSession() throws Exception {
    assertThat(errorText(f.run("resume", null, ADMIN, Map.of()))).isEqualTo(Wizard.NO_SESSION);
    String sid = sid(f.run("onboard", null, ADMIN, Map.of()));
    f.click("wizard:start:" + sid, ADMIN);
    assertThat(errorText(f.run("resume", null, ADMIN, Map.of("session_id", "nope"))))
        .isEqualTo(Wizard.NO_SESSION);
    Answer resumed = f.run("resume", null, ADMIN, Map.of("session_id", sid));
    assertThat(embed(resumed).description().orElseThrow())
        .startsWith("**Session resumed**")
        .contains("12%");
    assertThat(field(embed(resumed), "Session")).contains(sid).contains("1 steps completed");
    assertThat(customIds(resumed)).contains("wizard:chain:" + sid);
  }

  @Test
  void cancel_deletesTheSessionAndTheLock() throws Exception {
    String sid = sid(f.run("onboard", null, ADMIN, Map.of()));
    assertThat(f.wizardLockFree()).as("the session holds lock:wizard:{communityId}").isFalse();
    f.click("wizard:cancel:" + sid, ADMIN);
    assertThat(f.sessions.get(Wizard.sessionType(f.community.id()), Long.toUnsignedString(ADMIN)))
        .isEmpty();
    assertThat(f.wizardLockFree()).isTrue();
    assertThat(errorText(f.run("onboard", null, OTHER_ADMIN, Map.of())))
        .doesNotContain("Another administrator");
  }

  @Test
  void theSessionExpiresAfter15Minutes() throws Exception {
    String sid = sid(f.run("onboard", null, ADMIN, Map.of()));
    f.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    assertThat(errorText(f.click("wizard:start:" + sid, ADMIN))).isEqualTo(Wizard.NOT_CURRENT);
  }

  @Test
  void everyRolePageHasAtMostFiveRows_andBackReturnsToThePreviousStep() throws Exception {
    String sid = sid(f.run("onboard", null, ADMIN, Map.of()));
    f.click("wizard:start:" + sid, ADMIN);
    f.submit(
        "wizard:asset:" + sid,
        ADMIN,
        Map.of(
            "token_address", TOKEN,
            "token_symbol", "BGT",
            "token_decimals", "18",
            "scan_start_block", "0"));
    f.click("wizard:next:" + sid, ADMIN);
    f.click("wizard:next:" + sid, ADMIN);
    Answer rules = f.click("wizard:next:" + sid, ADMIN);
    assertThat(embed(rules).title().orElseThrow()).contains("Roles");
    for (int page = 1; page <= 5; page++) {
      Answer a = f.click("wizard:roles-page:" + sid + ":" + page, ADMIN);
      assertThat(SetupFixture.message(a).components()).hasSizeLessThanOrEqualTo(5);
      assertThat(customIds(a)).contains("wizard:back:" + sid, "wizard:next:" + sid);
    }
    Answer back = f.click("wizard:back:" + sid, ADMIN);
    assertThat(embed(back).description().orElseThrow()).contains("37%");
    Answer chain = f.click("wizard:back:" + sid, ADMIN);
    assertThat(embed(f.click("wizard:back:" + sid, ADMIN)).description().orElseThrow())
        .contains("12%");
    assertThat(embed(chain).description().orElseThrow()).contains("25%");
    Answer init = f.click("wizard:back:" + sid, ADMIN);
    assertThat(customIds(init)).contains("wizard:start:" + sid);
    assertThat(errorText(f.click("wizard:back:" + sid, ADMIN))).contains("no step to go back");
  }

  @Test
  void flatJsonRoundTrips() {
    Map<String, String> m = Map.of("a", "x\"y\\z\n", "b", "ü ▰");
    assertThat(FlatJson.read(FlatJson.write(m))).isEqualTo(m);
  }
}
