package io.arrakis.bot.jobs;

import io.arrakis.bot.commands.Formats;
import io.arrakis.discord.Embed;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.action.DiscordActions;
import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.port.WeeklyDigestRepository;
import io.arrakis.domain.port.WeeklyDigestRepository.WeeklyDigest;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierHistoryEntry;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code weekly-digest} (spec §14.4): Monday 00:00 UTC, per active community, the figures of the
 * seven days that just ended, posted to the announcements channel through the ingestor ({@link
 * DiscordAction.PostToChannel}) and stored in {@code weekly_digests}. The stored row is the
 * once-only guard: it is inserted in the same transaction that waits for the post to be queued, so
 * a rerun of the period skips ({@code weekly_digest_skipped}) instead of posting twice, and a post
 * that could not be queued leaves no row behind.
 */
public final class WeeklyDigestJob implements ScheduledJob {
  public static final String NAME = "weekly-digest";

  /** Promotions to these tiers are named in the digest. */
  static final Set<Tier> NOTABLE = EnumSet.of(Tier.USUL, Tier.FEDAYKIN, Tier.NAIB);

  static final Duration QUEUE_TIMEOUT = Duration.ofSeconds(10);

  private final CommunitySweep sweep;
  private final Repositories repositories;
  private final WeeklyDigestRepository digests;
  private final DiscordActions actions;
  private final Clock clock;

  public WeeklyDigestJob(
      CommunitySweep sweep,
      Repositories repositories,
      WeeklyDigestRepository digests,
      DiscordActions actions,
      Clock clock) {
    this.sweep = sweep;
    this.repositories = repositories;
    this.digests = digests;
    this.actions = actions;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String cron() {
    return "0 0 * * 1";
  }

  @Override
  public Duration maxDuration() {
    return Duration.ofSeconds(300);
  }

  /** The Monday 00:00 UTC at or before {@code instant}: where the digest's week ends. */
  static Instant mondayOf(Instant instant) {
    return instant
        .atOffset(ZoneOffset.UTC)
        .toLocalDate()
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  /** {@code YYYY-Www}, the ISO week of the covered days (the week before {@code weekEnd}). */
  static String weekId(Instant weekEnd) {
    LocalDate lastDay = weekEnd.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
    return String.format(
        "%d-W%02d",
        lastDay.get(IsoFields.WEEK_BASED_YEAR), lastDay.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  @Override
  public JobResult run(JobPeriod period) {
    Instant end = mondayOf(period.start());
    Instant start = end.minus(Duration.ofDays(7));
    String week = weekId(end);
    return sweep.run(
        NAME,
        period,
        (community, tally) -> {
          Optional<String> skipped = skipReason(community, week);
          if (skipped.isPresent()) {
            audit(community.id(), AuditType.WEEKLY_DIGEST_SKIPPED, week, "reason", skipped.get());
            tally.add("skipped", 1);
            return;
          }
          long channel = community.channels().announcements().orElseThrow().value();
          Map<String, String> figures = figures(community, start, end);
          digests.insertIfAbsent(
              community.id(),
              new WeeklyDigest(
                  UUID.randomUUID(), week, channel, Optional.empty(), figures, clock.instant()));
          post(community, channel, week, figures);
          audit(community.id(), AuditType.WEEKLY_DIGEST_POSTED, week, "channel", channel);
          tally.add("posted", 1);
        });
  }

  private Optional<String> skipReason(CommunityConfig community, String week) {
    if (community.channels().announcements().isEmpty()) {
      return Optional.of("channel_announcements is not set");
    }
    if (digests.find(community.id(), week).isPresent()) {
      return Optional.of("a digest for " + week + " exists");
    }
    return Optional.empty();
  }

  /** The figures of §14.4, by name, in display order. */
  Map<String, String> figures(CommunityConfig community, Instant start, Instant end) {
    CommunityId id = community.id();
    List<Profile> members =
        repositories.profiles().all(id).stream().filter(Profile::active).toList();
    List<Profile> newMembers =
        members.stream()
            .filter(p -> !p.createdAt().isBefore(start) && p.createdAt().isBefore(end))
            .toList();
    Map<UUID, BigDecimal> points =
        repositories.activity().all(id).stream()
            .collect(
                Collectors.toMap(
                    a -> a.memberId().value(), ActivityBalance::pointsThisWeek, (a, b) -> a));
    Map<String, Long> tiers = new TreeMap<>();
    Map<String, BigDecimal> tierPoints = new TreeMap<>();
    for (Profile p : members) {
      String tier = p.tier().map(Tier::displayName).orElse("None");
      tiers.merge(tier, 1L, Long::sum);
      tierPoints.merge(
          tier, points.getOrDefault(p.memberId().value(), BigDecimal.ZERO), BigDecimal::add);
    }
    List<TierHistoryEntry> changes =
        repositories.tierHistory().since(id, start).stream()
            .filter(e -> e.changedAt().isBefore(end) && e.isPromotion())
            .toList();
    Map<UUID, Profile> byMember =
        members.stream().collect(Collectors.toMap(p -> p.memberId().value(), Function.identity()));
    String notable =
        changes.stream()
            .filter(e -> NOTABLE.contains(e.newTier().orElseThrow()))
            .flatMap(
                e ->
                    Optional.ofNullable(byMember.get(e.memberId().value()))
                        .map(p -> p.nym() + " → " + e.newTier().orElseThrow().displayName())
                        .stream())
            .collect(Collectors.joining(", "));
    long badgesAwarded =
        repositories.badges().all(id).stream()
            .filter(b -> !b.awardedAt().isBefore(start) && b.awardedAt().isBefore(end))
            .count();
    Optional<Profile> topNew =
        newMembers.stream()
            .max(
                Comparator.comparing(
                    (Profile p) -> points.getOrDefault(p.memberId().value(), BigDecimal.ZERO)));

    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("total_members", Integer.toString(members.size()));
    figures.put("new_members", Integer.toString(newMembers.size()));
    figures.put("total_holdings", Formats.amount(holdings(community, members), community));
    figures.put(
        "tier_distribution",
        tiers.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")));
    figures.put(
        "most_active_tier",
        tierPoints.entrySet().stream()
            .filter(e -> e.getValue().signum() > 0)
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse("—"));
    figures.put("promotions", Integer.toString(changes.size()));
    figures.put("notable_promotions", notable.isEmpty() ? "—" : notable);
    figures.put("badges_awarded", Long.toString(badgesAwarded));
    figures.put("top_new_member", topNew.map(Profile::nym).orElse("—"));
    return figures;
  }

  /** Sum of the current ranking's balances of the members' linked wallets. */
  private BigInteger holdings(CommunityConfig community, List<Profile> members) {
    Set<Long> users = members.stream().map(p -> p.userId().value()).collect(Collectors.toSet());
    return repositories
        .eligibility()
        .current(community.id())
        .map(
            snapshot ->
                repositories.walletLinks().all(community.id()).stream()
                    .filter(l -> users.contains(l.userId().value()))
                    .map(WalletLink::wallet)
                    .flatMap(w -> snapshot.ranking().entry(w).stream())
                    .map(RankingEntry::balance)
                    .reduce(BigInteger.ZERO, BigInteger::add))
        .orElse(BigInteger.ZERO);
  }

  private void post(
      CommunityConfig community, long channel, String week, Map<String, String> figures) {
    Embed.Builder embed = Embed.builder().title("Weekly Digest — " + week);
    figures.forEach((name, value) -> embed.field(label(name), value, false));
    DiscordAction action =
        new DiscordAction.PostToChannel(
            "weekly-digest:" + community.id().value() + ":" + week,
            community.guildId().value(),
            channel,
            MessagePayload.builder().embed(embed.build()).build());
    try {
      actions.submit(action).get(QUEUE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException ex) {
      throw new IllegalStateException("the digest post could not be queued: " + ex, ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while queueing the digest post", ex);
    }
  }

  private static String label(String figure) {
    String words = figure.replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private void audit(CommunityId community, AuditType type, String week, String key, Object value) {
    repositories
        .auditLog()
        .append(community, AuditEvent.system(type, "week_id", week, key, value), clock.instant());
  }
}
