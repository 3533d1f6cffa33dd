package io.arrakis.bot.admin;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.Invocation;
import io.arrakis.bot.commands.Formats;
import io.arrakis.discord.Embed;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.activity.ActivityLedger;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.Ranking;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.eligibility.SyncHealth;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierHistoryEntry;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /admin-stats} (spec §15.13): admin, ephemeral, deferred. Community analytics over active
 * profiles, their linked wallets in the current ranking, activity, badges and sync health.
 */
public final class AdminStatsCommand implements CommandHandler {
  private static final Logger log = LoggerFactory.getLogger(AdminStatsCommand.class);
  static final String FAILED = "Failed to generate analytics.";
  static final String NO_PROMOTIONS = "No promotions yet";

  /** How far back "Recent promotions" looks: one bounded read serves both promotion fields. */
  static final Duration RECENT = Duration.ofDays(30);

  static final int COLOR = 0x8E44AD;
  static final Duration WEEK = Duration.ofDays(7);

  private final Repositories repos;

  public AdminStatsCommand(Repositories repos) {
    this.repos = Objects.requireNonNull(repos, "repos");
  }

  @Override
  public String name() {
    return SietchCommands.ADMIN_STATS;
  }

  @Override
  public AnswerMode answerMode(SlashCommand command) {
    return AnswerMode.DEFER_EPHEMERAL;
  }

  @Override
  public boolean adminOnly() {
    return true;
  }

  @Override
  public Answer handle(Invocation invocation) {
    try {
      return Answer.reply(
          MessagePayload.builder().embed(analytics(invocation)).ephemeral().build());
    } catch (RuntimeException ex) {
      // the spec's own error for this command, rather than the generic INTERNAL
      log.error("/admin-stats failed: {}", ex.toString(), ex);
      return Answer.error(FAILED);
    }
  }

  private Embed analytics(Invocation invocation) {
    CommunityConfig community = invocation.community();
    CommunityId cid = community.id();
    Instant now = invocation.now();
    Instant weekAgo = now.minus(WEEK);
    List<Profile> members = repos.profiles().all(cid).stream().filter(Profile::active).toList();
    Set<MemberId> memberIds = members.stream().map(Profile::memberId).collect(Collectors.toSet());

    Ranking ranking =
        repos.eligibility().current(cid).map(EligibilitySnapshot::ranking).orElse(Ranking.empty());
    BigInteger holdings = BigInteger.ZERO;
    for (Profile p : members) {
      holdings =
          holdings.add(
              repos
                  .walletLinks()
                  .byUser(cid, p.userId())
                  .map(WalletLink::wallet)
                  .flatMap(ranking::entry)
                  .map(RankingEntry::balance)
                  .orElse(BigInteger.ZERO));
    }

    ActivityLedger ledger = new ActivityLedger(community.activity());
    List<ActivityBalance> activity =
        repos.activity().all(cid).stream()
            .filter(a -> memberIds.contains(a.memberId()))
            .map(a -> ledger.decayed(a, now))
            .toList();
    long weeklyActive =
        activity.stream()
            .filter(a -> a.lastActiveAt().map(t -> t.isAfter(weekAgo)).orElse(false))
            .count();
    long newThisWeek = members.stream().filter(p -> p.createdAt().isAfter(weekAgo)).count();
    long badgesThisWeek =
        repos.badges().all(cid).stream()
            .filter(MemberBadge::active)
            .filter(b -> b.awardedAt().isAfter(weekAgo))
            .count();

    Map<MemberId, Profile> byId =
        members.stream().collect(Collectors.toMap(Profile::memberId, Function.identity()));
    String mostActive =
        activity.stream()
            .filter(a -> a.balance().signum() > 0)
            .sorted(Comparator.comparing(ActivityBalance::balance).reversed())
            .limit(5)
            .map(
                a ->
                    byId.get(a.memberId()).nym()
                        + " — "
                        + a.balance().setScale(1, RoundingMode.DOWN).toPlainString())
            .collect(Collectors.joining("\n"));

    List<TierHistoryEntry> promotions =
        repos.tierHistory().since(cid, now.minus(RECENT)).stream()
            .filter(TierHistoryEntry::isPromotion)
            .toList();
    long promotionsThisWeek =
        promotions.stream().filter(e -> e.changedAt().isAfter(weekAgo)).count();

    SyncHealth health = repos.eligibility().health(cid);
    String sync =
        "Last success: "
            + health.lastSuccessAt().map(AdminSupport::relative).orElse("never")
            + "\nConsecutive failures: "
            + health.consecutiveFailures()
            + "\nGrace period: "
            + (health.inGracePeriod() ? "Yes" : "No")
            + "\nRanked wallets: "
            + ranking.rankedCount()
            + "\nEligible: "
            + ranking.eligibleCount();

    return Embed.builder()
        .title("Community Analytics — " + community.name())
        .color(COLOR)
        .field("Members", Integer.toString(members.size()), true)
        .field("Total holdings", Formats.amount(holdings, community), true)
        .field("Weekly active", Long.toString(weeklyActive), true)
        .field("New this week", Long.toString(newThisWeek), true)
        .field("Promotions this week", Long.toString(promotionsThisWeek), true)
        .field("Badges this week", Long.toString(badgesThisWeek), true)
        .field("Tier distribution", tierDistribution(members), false)
        .field("Most active", mostActive.isEmpty() ? "No activity yet" : mostActive, false)
        .field("Recent promotions", recentPromotions(cid, promotions, now), false)
        .field("Sync health", sync, false)
        .build();
  }

  /** The last 5 promotions, "{nym}: {from} → {to} · Today / {n}d ago"; members who left too. */
  private String recentPromotions(CommunityId cid, List<TierHistoryEntry> promotions, Instant now) {
    Map<MemberId, String> nyms =
        repos.profiles().all(cid).stream()
            .collect(Collectors.toMap(Profile::memberId, Profile::nym, (a, b) -> a));
    String lines =
        promotions.stream()
            .filter(e -> nyms.containsKey(e.memberId()))
            .limit(5)
            .map(
                e ->
                    nyms.get(e.memberId())
                        + ": "
                        + e.oldTier().map(Tier::displayName).orElse("No tier")
                        + " → "
                        + e.newTier().map(Tier::displayName).orElseThrow()
                        + " · "
                        + daysAgo(e.changedAt(), now))
            .collect(Collectors.joining("\n"));
    return lines.isEmpty() ? NO_PROMOTIONS : lines;
  }

  private static String daysAgo(Instant at, Instant now) {
    long days = Duration.between(at, now).toDays();
    return days <= 0 ? "Today" : days + "d ago";
  }

  /** "{emoji} {Tier}: n" from Naib down, tiers without members left out. */
  static String tierDistribution(List<Profile> members) {
    Map<Tier, Long> counts = new EnumMap<>(Tier.class);
    long none = 0;
    for (Profile p : members) {
      if (p.tier().isPresent()) {
        counts.merge(p.tier().get(), 1L, Long::sum);
      } else {
        none++;
      }
    }
    StringBuilder b = new StringBuilder();
    Tier[] tiers = Tier.values();
    for (int i = tiers.length - 1; i >= 0; i--) {
      Long n = counts.get(tiers[i]);
      if (n != null) {
        b.append(tiers[i].emoji())
            .append(' ')
            .append(tiers[i].displayName())
            .append(": ")
            .append(n)
            .append('\n');
      }
    }
    if (none > 0) {
      b.append("No tier: ").append(none).append('\n');
    }
    String text = b.toString().strip();
    return text.isEmpty() ? "No members yet" : text;
  }
}
