package io.arrakis.bot.commands;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.Invocation;
import io.arrakis.discord.Embed;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.waitlist.ThresholdFigures;
import io.arrakis.domain.waitlist.WaitlistRegistration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /threshold} (spec §15.3): the entry requirement and who is waiting, as a <b>public</b>
 * reply. It shows truncated addresses only, never nyms (spec §1.1, pseudonymity).
 */
public final class ThresholdCommand implements CommandHandler {
  static final String TITLE = "The Threshold";
  static final String NO_RANKING = "No ranking yet.";
  static final String FOOTER = "📬 = registered for alerts · /register-waitlist register";
  static final String REGISTERED_MARK = "📬";

  /** Embed colour: desert sand. */
  static final int COLOR_SAND = 0xC2A15A;

  private final Repositories repos;

  public ThresholdCommand(Repositories repos) {
    this.repos = Objects.requireNonNull(repos, "repos");
  }

  @Override
  public String name() {
    return SietchCommands.THRESHOLD;
  }

  @Override
  public AnswerMode answerMode(SlashCommand command) {
    return AnswerMode.IMMEDIATE;
  }

  @Override
  public Answer handle(Invocation invocation) {
    CommunityConfig community = invocation.community();
    Optional<EligibilitySnapshot> snapshot = repos.eligibility().current(community.id());
    if (snapshot.isEmpty()) {
      return Answer.error(NO_RANKING);
    }
    EligibilityRules rules = community.eligibility();
    ThresholdFigures figures = ThresholdFigures.of(snapshot.get().ranking(), rules);
    Set<Address> registered =
        repos.waitlist().active(community.id()).stream()
            .map(WaitlistRegistration::wallet)
            .collect(Collectors.toSet());

    Embed.Builder embed =
        Embed.builder()
            .title(TITLE)
            .color(COLOR_SAND)
            .field("Entry requirement", entryRequirement(figures, community), true)
            .field("Eligible", Integer.toString(figures.eligibleCount()), true)
            .field(
                "Waiting", figures.waitlistCount() + " in " + Formats.waitlistRange(rules), true);
    if (figures.gapToEntry().signum() > 0) {
      embed.field(
          "Gap",
          Formats.rank(rules.eligibleCount() + 1)
              + " needs "
              + Formats.amount(figures.gapToEntry(), community)
              + " more",
          true);
    }
    embed.field("Waiting Pool (Top 5)", pool(figures, registered, community), false);
    embed.footer(FOOTER);
    return Answer.reply(MessagePayload.builder().embed(embed.build()).build());
  }

  /**
   * {@code 1,234.56 BGT (#69)}; while fewer than N wallets are ranked the entry is open (spec §6.1:
   * threshold 0) and the reply says so.
   */
  private static String entryRequirement(ThresholdFigures figures, CommunityConfig community) {
    String requirement =
        Formats.amount(figures.entryThreshold(), community)
            + " ("
            + Formats.rank(community.eligibility().eligibleCount())
            + ")";
    return figures.open()
        ? requirement
            + " — open: fewer than "
            + community.eligibility().eligibleCount()
            + " wallets are ranked"
        : requirement;
  }

  private static String pool(
      ThresholdFigures figures, Set<Address> registered, CommunityConfig community) {
    List<RankingEntry> top = figures.topWaitlist();
    if (top.isEmpty()) {
      return "No wallets in " + Formats.waitlistRange(community.eligibility()) + " right now.";
    }
    return top.stream()
        .map(
            e ->
                Formats.rank(e.rank().getAsInt())
                    + " "
                    + e.address().truncated()
                    + " — "
                    + Formats.amount(e.balance(), community)
                    + " (needs "
                    + Formats.number(figures.distanceToEntry(e.balance()), community)
                    + ")"
                    + (registered.contains(e.address()) ? " " + REGISTERED_MARK : ""))
        .collect(Collectors.joining("\n"));
  }
}
