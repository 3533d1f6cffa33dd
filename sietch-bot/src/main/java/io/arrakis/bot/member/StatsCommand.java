package io.arrakis.bot.member;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.Invocation;
import io.arrakis.bot.Replies;
import io.arrakis.bot.commands.Formats;
import io.arrakis.discord.Embed;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.activity.ActivityLedger;
import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierPolicy;
import io.arrakis.domain.tiers.TierProgress;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /stats} (spec §15.1): the caller's own figures, ephemeral. Reading the activity balance
 * applies its pending decay and saves it (spec §11: decay is applied before any read).
 */
public final class StatsCommand implements CommandHandler {
  static final String FOOTER = "Only you can see your stats.";
  static final int RECENT_BADGES = 3;

  /** Embed colour: spice orange. */
  static final int COLOR_SPICE = 0xE67E22;

  private final Repositories repos;

  public StatsCommand(Repositories repos) {
    this.repos = Objects.requireNonNull(repos, "repos");
  }

  @Override
  public String name() {
    return SietchCommands.STATS;
  }

  @Override
  public AnswerMode answerMode(SlashCommand command) {
    return AnswerMode.IMMEDIATE;
  }

  @Override
  public Answer handle(Invocation invocation) {
    CommunityConfig community = invocation.community();
    Optional<Profile> found = MemberViews.activeProfile(repos, community.id(), invocation.caller());
    if (found.isEmpty()) {
      return Answer.reply(Replies.notMember());
    }
    Profile profile = found.get();
    Instant now = invocation.now();
    Optional<RankingEntry> entry = MemberViews.rankingEntry(repos, community.id(), profile);
    Optional<Tier> tier = MemberViews.tier(profile, entry);
    Optional<ActivityBalance> activity = decayedActivity(community, profile, now);
    List<MemberBadge> badges = MemberViews.activeBadges(repos, community.id(), profile);
    Map<String, BadgeDefinition> catalogue = MemberViews.catalogue(repos, community.id());

    Embed.Builder embed =
        Embed.builder()
            .title(profile.nym() + "'s Stats")
            .color(COLOR_SPICE)
            .field("Tier", tierText(community, tier, entry), false)
            .field("Holdings", holdings(community, entry), true)
            .field(
                "Tenure",
                MemberViews.tenure(profile, community, now).label()
                    + "\nSince "
                    + MemberViews.date(profile.createdAt()),
                true)
            .field("Badges", Integer.toString(badges.size()), true)
            .field("Activity", activityText(activity), true)
            .field("Streak", streakText(activity, now), true)
            .field(
                "Recent badges",
                badges.isEmpty()
                    ? "None yet"
                    : badges.stream()
                        .limit(RECENT_BADGES)
                        .map(
                            b ->
                                MemberViews.badgeLabel(
                                    MemberViews.definition(catalogue, b.badgeId())))
                        .collect(Collectors.joining("\n")),
                false)
            .footer(FOOTER);
    MemberViews.thumbnail(profile).ifPresent(embed::thumbnailUrl);
    return Answer.reply(MessagePayload.builder().embed(embed.build()).ephemeral().build());
  }

  /** Applies and saves pending decay; a member without an activity row shows zeros. */
  private Optional<ActivityBalance> decayedActivity(
      CommunityConfig community, Profile profile, Instant now) {
    Optional<ActivityBalance> stored = repos.activity().find(community.id(), profile.memberId());
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    ActivityBalance decayed = new ActivityLedger(community.activity()).decayed(stored.get(), now);
    if (!decayed.equals(stored.get())) {
      repos.activity().save(community.id(), decayed);
    }
    return Optional.of(decayed);
  }

  static String tierText(
      CommunityConfig community, Optional<Tier> tier, Optional<RankingEntry> entry) {
    if (tier.isEmpty()) {
      return "No tier yet";
    }
    Tier t = tier.get();
    String current = t.emoji() + " " + t.displayName();
    if (t == Tier.NAIB) {
      return current + "\nHighest tier";
    }
    TierPolicy policy =
        new TierPolicy(
            community.eligibility(), community.tierThresholds(), community.token().decimals());
    TierProgress progress =
        policy.progress(t, entry.map(RankingEntry::balance).orElse(java.math.BigInteger.ZERO));
    String next;
    if (progress instanceof TierProgress.RankBased r) {
      next = "Next: " + rankBased(community, r.next());
    } else if (progress instanceof TierProgress.ToNext n) {
      next =
          entry.isPresent()
              ? "Next: "
                  + n.next().displayName()
                  + " — "
                  + Formats.amount(n.amountNeeded(), community)
                  + " to go"
              : "Next: " + n.next().displayName();
    } else {
      next = "Highest tier";
    }
    return current + "\n" + next;
  }

  /** {@code Naib — rank-based (top 7)}, {@code Fedaykin — rank-based (top 69)}. */
  static String rankBased(CommunityConfig community, Tier next) {
    int top =
        next == Tier.NAIB
            ? community.eligibility().naibSeats()
            : community.eligibility().eligibleCount();
    return next.displayName() + " — rank-based (top " + top + ")";
  }

  private static String holdings(CommunityConfig community, Optional<RankingEntry> entry) {
    if (entry.isEmpty()) {
      return "not ranked";
    }
    RankingEntry e = entry.get();
    String amount = Formats.amount(e.balance(), community);
    return e.rank().isPresent()
        ? amount + "\nRank " + Formats.rank(e.rank().getAsInt())
        : amount + "\nnot ranked";
  }

  private static String activityText(Optional<ActivityBalance> activity) {
    BigDecimal balance = activity.map(ActivityBalance::balance).orElse(BigDecimal.ZERO);
    BigDecimal week = activity.map(ActivityBalance::pointsThisWeek).orElse(BigDecimal.ZERO);
    return points(balance) + " points\n" + points(week) + " this week";
  }

  /** Two decimals, trailing zeros dropped: {@code 12.5}, {@code 3}. */
  static String points(BigDecimal value) {
    BigDecimal v = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
  }

  private static String streakText(Optional<ActivityBalance> activity, Instant now) {
    int current =
        activity.map(a -> a.currentStreakOn(now.atOffset(ZoneOffset.UTC).toLocalDate())).orElse(0);
    int longest = activity.map(ActivityBalance::longestStreakDays).orElse(0);
    return MemberViews.days(current) + "\nLongest " + MemberViews.days(longest);
  }
}
