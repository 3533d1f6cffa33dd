package io.arrakis.bot.member;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.Invocation;
import io.arrakis.bot.Replies;
import io.arrakis.discord.Embed;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.common.TokenAmounts;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierPolicy;
import io.arrakis.domain.tiers.TierProgress;
import io.arrakis.state.SessionStore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /leaderboard badges|tiers} (spec §15.7), public. Only nyms, tiers, tenure and badge counts
 * are shown — never wallets, ranks or Discord mentions.
 */
public final class LeaderboardCommand implements CommandHandler {
  static final String BADGES_TITLE = "Engagement Leaderboard";
  static final String TIERS_TITLE = "Closest to Promotion";
  static final String NO_TIER_DATA = "No tier progression data yet.";
  static final int TOP = 10;

  /** Embed colour: gold. */
  static final int COLOR_GOLD = 0xD4AF37;

  private final Repositories repos;
  private final BadgeLeaderboard badges;

  public LeaderboardCommand(Repositories repos, SessionStore sessions) {
    this.repos = Objects.requireNonNull(repos, "repos");
    this.badges = new BadgeLeaderboard(repos, Objects.requireNonNull(sessions, "sessions"));
  }

  @Override
  public String name() {
    return SietchCommands.LEADERBOARD;
  }

  @Override
  public AnswerMode answerMode(SlashCommand command) {
    return AnswerMode.IMMEDIATE;
  }

  @Override
  public Answer handle(Invocation invocation) {
    Optional<Profile> caller =
        MemberViews.activeProfile(repos, invocation.communityId(), invocation.caller());
    if (caller.isEmpty()) {
      return Answer.reply(Replies.notMember());
    }
    return switch (invocation.subcommand()) {
      case "badges" -> badges(invocation, caller.get());
      case "tiers" -> tiers(invocation);
      default -> throw new IllegalArgumentException("/leaderboard " + invocation.subcommand());
    };
  }

  private Answer badges(Invocation invocation, Profile caller) {
    BadgeLeaderboard.Board board = badges.board(invocation.community(), invocation.now());
    Embed.Builder embed =
        Embed.builder()
            .title(BADGES_TITLE)
            .color(COLOR_GOLD)
            .description(String.join("\n", board.lines()))
            .footer(board.total() == 1 ? "1 member" : board.total() + " members");
    BadgeLeaderboard.Place place = board.places().get(caller.memberId());
    if (place == null) {
      // joined after the cached board was computed: count the caller's badges now
      long k = MemberViews.activeBadges(repos, invocation.communityId(), caller).size();
      embed.field("Your Position", "Not on the board yet, with " + MemberViews.badges(k), false);
    } else if (place.position() > BadgeLeaderboard.TOP) {
      embed.field(
          "Your Position",
          "#" + place.position() + " with " + MemberViews.badges(place.badges()),
          false);
    }
    return Answer.reply(MessagePayload.builder().embed(embed.build()).build());
  }

  /** One line of the tiers board. */
  record Progress(Profile profile, Tier tier, Tier next, BigInteger distance) {}

  private Answer tiers(Invocation invocation) {
    CommunityConfig community = invocation.community();
    Optional<EligibilitySnapshot> snapshot = repos.eligibility().current(community.id());
    if (snapshot.isEmpty()) {
      return Answer.error(NO_TIER_DATA);
    }
    Map<io.arrakis.domain.common.UserId, WalletLink> links =
        repos.walletLinks().all(community.id()).stream()
            .collect(Collectors.toMap(WalletLink::userId, Function.identity(), (a, b) -> a));
    TierPolicy policy =
        new TierPolicy(
            community.eligibility(), community.tierThresholds(), community.token().decimals());
    List<Progress> progress = new ArrayList<>();
    for (Profile p : repos.profiles().all(community.id())) {
      if (!p.active() || !links.containsKey(p.userId())) {
        continue;
      }
      Optional<RankingEntry> entry = snapshot.get().ranking().entry(links.get(p.userId()).wallet());
      if (entry.isEmpty()) {
        continue;
      }
      Optional<Tier> tier = MemberViews.tier(p, entry);
      if (tier.isEmpty() || !tier.get().isBalanceTier() || tier.get() == Tier.USUL) {
        continue;
      }
      if (policy.progress(tier.get(), entry.get().balance()) instanceof TierProgress.ToNext n) {
        progress.add(new Progress(p, tier.get(), n.next(), n.amountNeeded()));
      }
    }
    if (progress.isEmpty()) {
      return Answer.error(NO_TIER_DATA);
    }
    String lines =
        progress.stream()
            .sorted(
                Comparator.comparing(Progress::distance)
                    .thenComparing(x -> x.profile().nym().toLowerCase(Locale.ROOT)))
            .limit(TOP)
            .map(
                x ->
                    x.profile().nym()
                        + " — "
                        + x.tier().displayName()
                        + " → "
                        + x.next().displayName()
                        + ": ~"
                        + wholeTokens(x.distance(), community)
                        + " to go")
            .collect(Collectors.joining("\n"));
    Embed embed = Embed.builder().title(TIERS_TITLE).color(COLOR_GOLD).description(lines).build();
    return Answer.reply(MessagePayload.builder().embed(embed).build());
  }

  /** {@code 1,235 BGT}: rounded to whole tokens (half up), thousands separators. */
  static String wholeTokens(BigInteger baseUnits, CommunityConfig community) {
    BigDecimal units =
        TokenAmounts.toTokenUnits(baseUnits, community.token().decimals())
            .setScale(0, RoundingMode.HALF_UP);
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(units)
        + " "
        + community.token().symbol();
  }
}
