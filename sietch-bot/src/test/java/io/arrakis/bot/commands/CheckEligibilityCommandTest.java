package io.arrakis.bot.commands;

import static io.arrakis.bot.commands.CommandFixture.embed;
import static io.arrakis.bot.commands.CommandFixture.ephemeralText;
import static io.arrakis.bot.commands.CommandFixture.fields;
import static io.arrakis.bot.commands.CommandFixture.message;
import static io.arrakis.bot.commands.CommandFixture.wallet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.discord.Embed;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.community.TokenConfig;
import io.arrakis.domain.eligibility.OverrideAction;
import io.arrakis.domain.port.BurnerRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckEligibilityCommandTest {
  private final CommandFixture f = new CommandFixture();
  private final CheckEligibilityCommand command =
      new CheckEligibilityCommand(f.repos.asRepositories(), f.burners);

  private Answer check(String walletInput) {
    return command.handle(
        f.invocation(
            f.slash(
                SietchCommands.CHECK_ELIGIBILITY,
                Optional.empty(),
                CommandFixture.user(1),
                Map.of("wallet", walletInput))));
  }

  @Test
  void isCheckEligibilityAndDefersEphemerally() {
    assertThat(command.name()).isEqualTo("check-eligibility");
    assertThat(
            command.answerMode(
                f.slash("check-eligibility", Optional.empty(), CommandFixture.user(1), Map.of())))
        .isEqualTo(AnswerMode.DEFER_EPHEMERAL);
  }

  @Test
  void givenFedaykinWallet_check_showsEveryFieldFromTheRanking() {
    f.sync();

    Answer answer = check(wallet(30).value());

    assertThat(message(answer).ephemeral()).isTrue();
    assertThat(answer.actions()).isEmpty();
    Embed embed = embed(answer);
    assertThat(embed.title()).contains("Eligibility — 0xa000...001e");
    assertThat(embed.color()).hasValue(CheckEligibilityCommand.COLOR_ELIGIBLE);
    assertThat(fields(embed))
        .containsExactly(
            entry("Eligible", "Yes"),
            entry("Rank", "#30"),
            entry("Tier", "Fedaykin"),
            entry("Balance", "800.12 BGT"),
            entry("Burned", "No"),
            entry("As of", "<t:" + CommandFixture.SYNCED_AT.getEpochSecond() + ":R>"));
    assertThat(embed.description()).isEmpty();
  }

  @Test
  void givenNaibWalletTypedInUpperCase_check_acceptsItAndShowsThousandsSeparators() {
    f.sync();

    Embed embed = embed(check(wallet(1).value().toUpperCase().replace("0X", "0x")));

    assertThat(embed.title()).contains("Eligibility — 0xa000...0001");
    assertThat(fields(embed))
        .containsEntry("Eligible", "Yes")
        .containsEntry("Rank", "#1")
        .containsEntry("Tier", "Naib")
        .containsEntry("Balance", "1,090.12 BGT");
  }

  @Test
  void givenWaitlistWallet_check_saysNotEligibleWithItsBalanceTier() {
    f.sync();

    Embed embed = embed(check(wallet(80).value()));

    assertThat(embed.color()).hasValue(CheckEligibilityCommand.COLOR_NOT_ELIGIBLE);
    assertThat(fields(embed))
        .containsEntry("Eligible", "No")
        .containsEntry("Rank", "#80")
        .containsEntry("Tier", "Qanat")
        .containsEntry("Balance", "300.12 BGT")
        .containsEntry("Burned", "No");
  }

  @Test
  void givenBurner_check_saysBurnedAndNotRanked() {
    Address burner = wallet(5);
    f.sync(CommandFixture.WALLETS, CommandFixture::balanceOfRank, List.of(), Set.of(burner));

    Embed embed = embed(check(burner.value()));

    assertThat(fields(embed))
        .containsExactly(
            entry("Eligible", "No"),
            entry("Rank", "Not ranked"),
            entry("Tier", "—"),
            entry("Balance", "—"),
            entry("Burned", "Yes"),
            entry("As of", "<t:" + CommandFixture.SYNCED_AT.getEpochSecond() + ":R>"));
  }

  @Test
  void givenWalletThatNeverHeld_check_showsZeroBalance() {
    f.sync();

    Embed embed = embed(check("0x" + "1".repeat(40)));

    assertThat(embed.title()).contains("Eligibility — 0x1111...1111");
    assertThat(fields(embed))
        .containsEntry("Eligible", "No")
        .containsEntry("Rank", "Not ranked")
        .containsEntry("Tier", "—")
        .containsEntry("Balance", "0.00 BGT")
        .containsEntry("Burned", "No");
  }

  @Test
  void givenRemoveOverride_check_notesTheExclusion() {
    Address excluded = wallet(10);
    f.sync(
        CommandFixture.WALLETS,
        CommandFixture::balanceOfRank,
        List.of(f.override(excluded, OverrideAction.REMOVE)),
        Set.of());

    Embed embed = embed(check(excluded.value()));

    assertThat(embed.description()).contains("Excluded by an administrator");
    assertThat(fields(embed))
        .containsEntry("Eligible", "No")
        .containsEntry("Rank", "Not ranked")
        .containsEntry("Balance", "—");
    // the wallets below moved up: rank 11's wallet is now #10
    assertThat(fields(embed(check(wallet(11).value())))).containsEntry("Rank", "#10");
  }

  @Test
  void givenAddOverride_check_notesTheAdmission() {
    Address admitted = wallet(90);
    f.sync(
        CommandFixture.WALLETS,
        CommandFixture::balanceOfRank,
        List.of(f.override(admitted, OverrideAction.ADD)),
        Set.of());

    Embed embed = embed(check(admitted.value()));

    assertThat(embed.description()).contains("Admitted by an administrator");
    assertThat(fields(embed))
        .containsEntry("Eligible", "Yes")
        .containsEntry("Rank", "#90")
        .containsEntry("Tier", "Fedaykin");
  }

  @Test
  void givenInvalidAddress_check_answersTheFormatError() {
    f.sync();

    assertThat(ephemeralText(check("0x1234"))).isEqualTo(CheckEligibilityCommand.INVALID_WALLET);
    assertThat(ephemeralText(check("0x" + "g".repeat(40))))
        .isEqualTo("That isn't a valid wallet address (0x followed by 40 hex characters).");
  }

  @Test
  void givenNoRankingYet_check_saysSoAndStillShowsBurned() {
    f.burners.record(
        f.tokenRef(), Set.of(new BurnerRegistry.Burn(wallet(3), 7L, "0x" + "d".repeat(64))));

    assertThat(ephemeralText(check(wallet(3).value())))
        .isEqualTo("No ranking yet — the first sync hasn't completed.\nBurned: Yes");
    assertThat(ephemeralText(check(wallet(4).value())))
        .isEqualTo("No ranking yet — the first sync hasn't completed.\nBurned: No");
  }

  @Test
  void givenNoRankingAndNoTokenConfigured_check_cannotKnowBurned() {
    f.community =
        f.community.withToken(
            new TokenConfig(TokenConfig.BERACHAIN, Optional.empty(), "BGT", 18, 0));

    assertThat(ephemeralText(check(wallet(3).value())))
        .isEqualTo("No ranking yet — the first sync hasn't completed.");
  }
}
