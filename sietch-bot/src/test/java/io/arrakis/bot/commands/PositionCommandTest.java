package io.arrakis.bot.commands;

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
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.eligibility.OverrideAction;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.profile.Profile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PositionCommandTest {
  private static final UserId CALLER = user(1);

  private final CommandFixture f = new CommandFixture();
  private final PositionCommand command = new PositionCommand(f.repos.asRepositories());

  private Answer position() {
    return command.handle(f.invocation(f.slash("position", Optional.empty(), CALLER, Map.of())));
  }

  /** The caller holds the wallet at {@code rank}; returns the ephemeral embed. */
  private Embed positionAt(int rank) {
    f.link(CALLER, wallet(rank));
    Answer answer = position();
    assertThat(message(answer).ephemeral()).isTrue();
    assertThat(answer.actions()).isEmpty();
    return embed(answer);
  }

  @Test
  void isPositionAndAnswersImmediately() {
    assertThat(command.name()).isEqualTo("position");
    assertThat(command.answerMode(f.slash("position", Optional.empty(), CALLER, Map.of())))
        .isEqualTo(AnswerMode.IMMEDIATE);
  }

  @Test
  void givenSeatHolder_position_isGoldWithSeatNeighboursAndMemberFooter() {
    f.sync();
    Profile profile = f.member(CALLER);
    f.repos
        .seats()
        .save(
            f.community.id(),
            SeatRecord.open(
                UUID.randomUUID(),
                2,
                profile.memberId(),
                CommandFixture.SYNCED_AT,
                CommandFixture.balanceOfRank(3)));

    Embed embed = positionAt(3);

    assertThat(embed.title()).contains("Your Position");
    assertThat(embed.color()).hasValue(PositionCommand.COLOR_GOLD);
    assertThat(fields(embed))
        .containsExactly(
            entry("Status", "Naib — you hold council seat #2"),
            entry("Position", "#3"),
            entry("Holdings", "1,070.12 BGT"),
            entry("To pass #2", "10.00 BGT"),
            entry("Buffer over #4", "10.00 BGT"));
    assertThat(embed.footer()).contains("Get notified of changes with /alerts");
  }

  @Test
  void givenRankOneWithoutSeat_position_isNaibTierWithoutToPassField() {
    f.sync();

    Embed embed = positionAt(1);

    assertThat(embed.color()).hasValue(PositionCommand.COLOR_GOLD);
    assertThat(fields(embed))
        .containsExactly(
            entry("Status", "Naib tier — no council seat yet (seats go to onboarded members)"),
            entry("Position", "#1"),
            entry("Holdings", "1,090.12 BGT"),
            entry("Buffer over #2", "10.00 BGT"));
    assertThat(embed.footer()).as("not a member, not in the waitlist range").isEmpty();
  }

  @Test
  void givenRankInTheBottomSeven_position_isOrangeAtRisk() {
    f.sync();

    Embed embed = positionAt(63);

    assertThat(embed.color()).hasValue(PositionCommand.COLOR_ORANGE);
    assertThat(fields(embed))
        .containsEntry("Status", "Fedaykin — at risk (bottom 7)")
        .containsEntry("Position", "#63")
        .doesNotContainKey("Needed for entry");
  }

  @Test
  void givenRankSixtyNine_position_isAtRiskToo() {
    f.sync();

    assertThat(fields(positionAt(69)))
        .containsEntry("Status", "Fedaykin — at risk (bottom 7)")
        .containsEntry("To pass #68", "10.00 BGT")
        .containsEntry("Buffer over #70", "10.00 BGT");
  }

  @Test
  void givenRankJustAboveTheBand_position_isBlueFedaykin() {
    f.sync();
    f.member(CALLER);

    Embed embed = positionAt(62);

    assertThat(embed.color()).hasValue(PositionCommand.COLOR_BLUE);
    assertThat(fields(embed)).containsEntry("Status", "Fedaykin");
    assertThat(embed.footer()).contains("Get notified of changes with /alerts");
  }

  @Test
  void givenWaitlistRank_position_isBrownWithNeededForEntryAndWaitlistFooter() {
    f.sync();

    Embed embed = positionAt(80);

    assertThat(embed.color()).hasValue(PositionCommand.COLOR_BROWN);
    assertThat(fields(embed))
        .containsExactly(
            entry("Status", "Waitlist"),
            entry("Position", "#80"),
            entry("Holdings", "300.12 BGT"),
            entry("To pass #79", "10.00 BGT"),
            entry("Buffer over #81", "10.00 BGT"),
            entry("Needed for entry", "110.00 BGT"));
    assertThat(embed.footer()).contains("Get an alert when you're in: /register-waitlist register");
  }

  @Test
  void givenWaitlistRankAlreadyRegistered_position_dropsTheRegisterHint() {
    f.sync();
    f.registered(CALLER, wallet(80), 80, CommandFixture.SYNCED_AT);

    assertThat(positionAt(80).footer()).isEmpty();
  }

  @Test
  void givenMemberInTheWaitlistRange_position_pointsAtAlerts() {
    f.sync();
    f.member(CALLER);

    assertThat(positionAt(75).footer()).contains("Get notified of changes with /alerts");
  }

  @Test
  void givenRankBeyondTheWaitlist_position_isOutsideTheTop100() {
    f.sync();

    Embed embed = positionAt(103);

    assertThat(embed.color()).hasValue(PositionCommand.COLOR_BROWN);
    assertThat(fields(embed))
        .containsEntry("Status", "Outside the top 100")
        .containsEntry("Buffer over #104", "10.00 BGT")
        .containsEntry("Needed for entry", "340.00 BGT");
    assertThat(embed.footer()).isEmpty();
  }

  @Test
  void givenRankBetweenEntryAndAWaitlistStartingLater_position_isOutsideTheEligibleTop() {
    f.community = f.community.withEligibility(new EligibilityRules(69, 7, 75, 100, 7, 24));
    f.sync();

    Embed embed = positionAt(72);

    assertThat(fields(embed))
        .containsEntry("Status", "Outside the top 69")
        .containsEntry("Needed for entry", "30.00 BGT");
    assertThat(embed.footer()).as("rank 72 cannot register").isEmpty();
  }

  @Test
  void givenLastRank_position_hasNoBufferField() {
    f.sync();

    assertThat(fields(positionAt(CommandFixture.WALLETS)))
        .containsKey("To pass #104")
        .doesNotContainKey("Buffer over #106");
  }

  @Test
  void givenUnrankedWalletAdmittedByOverride_position_isFedaykinWithoutNeighbours() {
    // a wallet that burned is unranked; an add override admits it anyway
    f.sync(
        CommandFixture.WALLETS,
        CommandFixture::balanceOfRank,
        List.of(f.override(wallet(4), OverrideAction.ADD)),
        Set.of(wallet(4)));

    Embed embed = positionAt(4);

    assertThat(embed.color()).hasValue(PositionCommand.COLOR_BLUE);
    assertThat(fields(embed))
        .containsExactly(
            entry("Status", "Fedaykin"),
            entry("Position", "Not ranked"),
            entry("Holdings", "0.00 BGT"));
  }

  @Test
  void givenNoLinkedWallet_position_answersNoWallet() {
    f.sync();

    assertThat(ephemeralText(position()))
        .isEqualTo("You haven't linked a wallet. Run /verify start.");
  }

  @Test
  void givenWalletNotInTheRanking_position_answersNotRanked() {
    f.sync();
    f.link(CALLER, wallet(CommandFixture.WALLETS + 1));

    assertThat(ephemeralText(position()))
        .isEqualTo("Your wallet isn't in the current ranking (no balance, burned, or excluded).");
  }

  @Test
  void givenNoRankingYet_position_saysSo() {
    f.link(CALLER, wallet(3));

    assertThat(ephemeralText(position()))
        .isEqualTo("No ranking yet — the first sync hasn't completed.");
  }
}
