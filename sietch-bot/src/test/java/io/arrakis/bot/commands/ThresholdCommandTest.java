package io.arrakis.bot.commands;

import static io.arrakis.bot.commands.CommandFixture.balanceOfRank;
import static io.arrakis.bot.commands.CommandFixture.embed;
import static io.arrakis.bot.commands.CommandFixture.ephemeralText;
import static io.arrakis.bot.commands.CommandFixture.fields;
import static io.arrakis.bot.commands.CommandFixture.message;
import static io.arrakis.bot.commands.CommandFixture.user;
import static io.arrakis.bot.commands.CommandFixture.wallet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.discord.Embed;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.eligibility.OverrideAction;
import io.arrakis.domain.waitlist.ClosedReason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThresholdCommandTest {
  private final CommandFixture f = new CommandFixture();
  private final ThresholdCommand command = new ThresholdCommand(f.repos.asRepositories());

  private Answer threshold() {
    return command.handle(f.invocation(f.slash("threshold", Optional.empty(), user(1), Map.of())));
  }

  @Test
  void isThresholdAndAnswersImmediately() {
    assertThat(command.name()).isEqualTo("threshold");
    assertThat(command.answerMode(f.slash("threshold", Optional.empty(), user(1), Map.of())))
        .isEqualTo(AnswerMode.IMMEDIATE);
  }

  @Test
  void givenFullRanking_threshold_answersPubliclyWithFiguresPoolAndFooter() {
    f.sync();
    f.registered(user(7), wallet(71), 71, CommandFixture.SYNCED_AT);

    Answer answer = threshold();

    assertThat(message(answer).ephemeral()).as("/threshold is public").isFalse();
    assertThat(answer.actions()).isEmpty();
    Embed embed = embed(answer);
    assertThat(embed.title()).contains("The Threshold");
    assertThat(fields(embed))
        .containsExactly(
            entry("Entry requirement", "410.12 BGT (#69)"),
            entry("Eligible", "69"),
            entry("Waiting", "31 in #70–#100"),
            entry("Gap", "#70 needs 10.00 BGT more"),
            entry(
                "Waiting Pool (Top 5)",
                String.join(
                    "\n",
                    "#70 0xa000...0046 — 400.12 BGT (needs 10.00)",
                    "#71 0xa000...0047 — 390.12 BGT (needs 20.00) 📬",
                    "#72 0xa000...0048 — 380.12 BGT (needs 30.00)",
                    "#73 0xa000...0049 — 370.12 BGT (needs 40.00)",
                    "#74 0xa000...004a — 360.12 BGT (needs 50.00)")));
    assertThat(embed.footer()).contains("📬 = registered for alerts · /register-waitlist register");
  }

  @Test
  void givenClosedRegistration_threshold_showsNoMailbox() {
    f.sync();
    var registration = f.registered(user(7), wallet(70), 70, CommandFixture.SYNCED_AT);
    f.repos
        .waitlist()
        .save(f.community.id(), registration.close(CommandFixture.NOW, ClosedReason.UNREGISTERED));

    assertThat(fields(embed(threshold())).get("Waiting Pool (Top 5)"))
        .startsWith("#70 0xa000...0046 — 400.12 BGT (needs 10.00)\n")
        .doesNotContain("📬");
  }

  @Test
  void givenEqualBalancesAtEntryAndBelow_threshold_omitsTheGap() {
    f.sync(
        CommandFixture.WALLETS,
        i -> i == 70 ? balanceOfRank(69) : balanceOfRank(i),
        List.of(),
        Set.of());

    Map<String, String> fields = fields(embed(threshold()));

    assertThat(fields).doesNotContainKey("Gap");
    assertThat(fields.get("Waiting Pool (Top 5)"))
        .startsWith("#70 0xa000...0046 — 410.12 BGT (needs 0.00)\n");
  }

  @Test
  void givenAddOverrideInTheWaitlist_threshold_leavesThatWalletOutOfThePool() {
    f.sync(
        CommandFixture.WALLETS,
        CommandFixture::balanceOfRank,
        List.of(f.override(wallet(72), OverrideAction.ADD)),
        Set.of());

    Map<String, String> fields = fields(embed(threshold()));

    assertThat(fields).containsEntry("Eligible", "70").containsEntry("Waiting", "30 in #70–#100");
    assertThat(fields.get("Waiting Pool (Top 5)").lines().map(l -> l.substring(0, 3)))
        .containsExactly("#70", "#71", "#73", "#74", "#75");
  }

  @Test
  void givenFewerWalletsThanEligibleCount_threshold_saysEntryIsOpenAndPoolIsEmpty() {
    f.sync(50, CommandFixture::balanceOfRank, List.of(), Set.of());

    assertThat(fields(embed(threshold())))
        .containsExactly(
            entry("Entry requirement", "0.00 BGT (#69) — open: fewer than 69 wallets are ranked"),
            entry("Eligible", "50"),
            entry("Waiting", "0 in #70–#100"),
            entry("Waiting Pool (Top 5)", "No wallets in #70–#100 right now."));
  }

  @Test
  void givenCommunityWithOtherRanks_threshold_rendersTheConfiguredValues() {
    f.community = f.community.withEligibility(new EligibilityRules(50, 5, 51, 80, 5, 24));
    f.sync();

    Map<String, String> fields = fields(embed(threshold()));

    assertThat(fields)
        .containsEntry("Entry requirement", "600.12 BGT (#50)")
        .containsEntry("Eligible", "50")
        .containsEntry("Waiting", "30 in #51–#80")
        .containsEntry("Gap", "#51 needs 10.00 BGT more");
    assertThat(fields.get("Waiting Pool (Top 5)"))
        .startsWith("#51 0xa000...0033 — 590.12 BGT (needs 10.00)\n");
  }

  @Test
  void givenNoRankingYet_threshold_saysSoEphemerally() {
    assertThat(ephemeralText(threshold())).isEqualTo("No ranking yet.");
  }
}
