package io.arrakis.bot.commands;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.Invocation;
import io.arrakis.bot.Replies;
import io.arrakis.discord.Embed;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.Ranking;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.waitlist.ThresholdFigures;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code /position} (spec §15.2): the caller's rank, the distances to the neighbours and the entry
 * status of their linked wallet, ephemeral. Balances and ranks come from the current ranking.
 */
public final class PositionCommand implements CommandHandler {
  static final String TITLE = "Your Position";
  static final String NOT_RANKED =
      "Your wallet isn't in the current ranking (no balance, burned, or excluded).";
  static final String NO_RANKING = CheckEligibilityCommand.NO_RANKING;
  static final String MEMBER_FOOTER = "Get notified of changes with /alerts";
  static final String WAITLIST_FOOTER = "Get an alert when you're in: /register-waitlist register";

  /** Seat holders and Naib-tier wallets. */
  static final int COLOR_GOLD = 0xD4AF37;

  /** Fedaykin in the at-risk band. */
  static final int COLOR_ORANGE = 0xE67E22;

  /** Fedaykin. */
  static final int COLOR_BLUE = 0x3498DB;

  /** Everyone else: the waitlist and beyond. */
  static final int COLOR_BROWN = 0x8B5A2B;

  private final Repositories repos;

  public PositionCommand(Repositories repos) {
    this.repos = Objects.requireNonNull(repos, "repos");
  }

  @Override
  public String name() {
    return SietchCommands.POSITION;
  }

  @Override
  public AnswerMode answerMode(SlashCommand command) {
    return AnswerMode.IMMEDIATE;
  }

  @Override
  public Answer handle(Invocation invocation) {
    CommunityConfig community = invocation.community();
    UserId caller = invocation.caller();
    Optional<WalletLink> link = repos.walletLinks().byUser(community.id(), caller);
    if (link.isEmpty()) {
      return Answer.reply(Replies.noWallet());
    }
    Optional<EligibilitySnapshot> snapshot = repos.eligibility().current(community.id());
    if (snapshot.isEmpty()) {
      return Answer.error(NO_RANKING);
    }
    Ranking ranking = snapshot.get().ranking();
    Optional<RankingEntry> found = ranking.entry(link.get().wallet());
    if (found.isEmpty()) {
      return Answer.error(NOT_RANKED);
    }
    RankingEntry entry = found.get();
    EligibilityRules rules = community.eligibility();
    Optional<Profile> profile = repos.profiles().byUser(community.id(), caller);
    OptionalInt seat = seatOf(community, profile);
    Standing standing = standing(entry, seat, rules);

    Embed.Builder embed =
        Embed.builder()
            .title(TITLE)
            .color(standing.color())
            .field("Status", standing.text(), false)
            .field(
                "Position",
                entry.isRanked() ? Formats.rank(entry.rank().getAsInt()) : "Not ranked",
                true)
            .field("Holdings", Formats.amount(entry.balance(), community), true);
    if (entry.isRanked()) {
      int rank = entry.rank().getAsInt();
      ranking
          .atRank(rank - 1)
          .ifPresent(
              above ->
                  embed.field(
                      "To pass " + Formats.rank(rank - 1),
                      Formats.amount(above.balance().subtract(entry.balance()), community),
                      true));
      ranking
          .atRank(rank + 1)
          .ifPresent(
              below ->
                  embed.field(
                      "Buffer over " + Formats.rank(rank + 1),
                      Formats.amount(entry.balance().subtract(below.balance()), community),
                      true));
    }
    if (!entry.eligible()) {
      ThresholdFigures figures = ThresholdFigures.of(ranking, rules);
      embed.field(
          "Needed for entry",
          Formats.amount(figures.distanceToEntry(entry.balance()), community),
          true);
    }
    footer(invocation, profile, entry, rules).ifPresent(embed::footer);
    return Answer.reply(MessagePayload.builder().embed(embed.build()).ephemeral().build());
  }

  private OptionalInt seatOf(CommunityConfig community, Optional<Profile> profile) {
    if (profile.isEmpty()) {
      return OptionalInt.empty();
    }
    return repos.seats().open(community.id()).stream()
        .filter(s -> s.memberId().equals(profile.get().memberId()))
        .mapToInt(SeatRecord::seatNumber)
        .findFirst();
  }

  /** The status line and its colour, first match wins. */
  record Standing(String text, int color) {}

  static Standing standing(RankingEntry entry, OptionalInt seat, EligibilityRules rules) {
    if (seat.isPresent()) {
      return new Standing("Naib — you hold council seat #" + seat.getAsInt(), COLOR_GOLD);
    }
    OptionalInt rank = entry.rank();
    if (rank.isPresent() && rules.isNaibRank(rank.getAsInt())) {
      return new Standing(
          "Naib tier — no council seat yet (seats go to onboarded members)", COLOR_GOLD);
    }
    if (entry.eligible()) {
      return rank.isPresent() && rules.isAtRiskRank(rank.getAsInt())
          ? new Standing("Fedaykin — at risk (bottom " + rules.atRiskBand() + ")", COLOR_ORANGE)
          : new Standing("Fedaykin", COLOR_BLUE);
    }
    int r = entry.rankOrMax();
    if (rules.isWaitlistRank(r)) {
      return new Standing("Waitlist", COLOR_BROWN);
    }
    if (r > rules.waitlistMax()) {
      return new Standing("Outside the top " + rules.waitlistMax(), COLOR_BROWN);
    }
    // only when waitlist_min > N + 1: the ranks between entry and the waitlist
    return new Standing("Outside the top " + rules.eligibleCount(), COLOR_BROWN);
  }

  /**
   * Members are pointed at their alerts; non-members in the waitlist range at the waitlist, unless
   * they are registered already.
   */
  private Optional<String> footer(
      Invocation invocation,
      Optional<Profile> profile,
      RankingEntry entry,
      EligibilityRules rules) {
    if (profile.map(Profile::active).orElse(false)) {
      return Optional.of(MEMBER_FOOTER);
    }
    if (!entry.eligible() && rules.isWaitlistRank(entry.rankOrMax())) {
      boolean registered =
          repos.waitlist().active(invocation.communityId()).stream()
              .anyMatch(r -> r.userId().equals(invocation.caller()));
      return registered ? Optional.empty() : Optional.of(WAITLIST_FOOTER);
    }
    return Optional.empty();
  }
}
