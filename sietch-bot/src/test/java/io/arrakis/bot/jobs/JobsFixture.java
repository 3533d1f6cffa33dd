package io.arrakis.bot.jobs;

import io.arrakis.bot.Transactions;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.action.DiscordActions;
import io.arrakis.domain.badges.BadgeCatalogue;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.Profile;
import io.arrakis.testkit.domain.InMemoryRepositories;
import io.arrakis.testkit.domain.InMemoryWeeklyDigestRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/** In-memory repositories, a fixed clock on a Monday 00:00 UTC, and communities to sweep. */
final class JobsFixture {
  static final Instant NOW = Instant.parse("2025-06-09T00:00:00Z"); // a Monday

  final InMemoryRepositories repos = InMemoryRepositories.create();
  final InMemoryWeeklyDigestRepository digests = new InMemoryWeeklyDigestRepository();
  final RecordingActions actions = new RecordingActions();
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final CommunitySweep sweep =
      new CommunitySweep(repos.communities(), repos.auditLog(), Transactions.none(), clock);

  /** A period this worker holds for the whole run. */
  static JobPeriod period(Instant start) {
    return new JobPeriod(start, false, () -> true);
  }

  /** An active Sietch community with the preset's badge catalogue. */
  CommunityConfig community() {
    CommunityConfig c =
        SietchPreset.newCommunity(
                CommunityId.random(),
                new Snowflake(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)),
                "guild")
            .withActive(true);
    repos.communities().save(c);
    BadgeCatalogue.sietch(69).forEach(b -> repos.badges().saveDefinition(c.id(), b));
    return c;
  }

  /** An active member whose profile was created {@code daysAgo} days before {@link #NOW}. */
  Profile member(CommunityConfig c, String nym, long daysAgo) {
    Profile p =
        new Profile(
            MemberId.random(),
            new UserId(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)),
            nym,
            Optional.empty(),
            PictureType.NONE,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            NOW.minus(Duration.ofDays(daysAgo)),
            Optional.empty(),
            false,
            true,
            Optional.empty());
    repos.profiles().save(c.id(), p);
    return p;
  }

  /** Records submitted actions; answers each with success. */
  static final class RecordingActions implements DiscordActions {
    final List<DiscordAction> submitted = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<Void> submit(DiscordAction action) {
      submitted.add(action);
      return CompletableFuture.completedFuture(null);
    }
  }
}
