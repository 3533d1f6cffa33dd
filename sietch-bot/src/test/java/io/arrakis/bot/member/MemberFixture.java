package io.arrakis.bot.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.Answer;
import io.arrakis.bot.BotFixture;
import io.arrakis.bot.Invocation;
import io.arrakis.discord.CommandOptions;
import io.arrakis.discord.Embed;
import io.arrakis.discord.Interaction;
import io.arrakis.discord.InteractionContext;
import io.arrakis.discord.MessagePayload;
import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.badges.BadgeCatalogue;
import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.TokenAmounts;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.community.TokenConfig;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.EligibilityRanker;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.Holding;
import io.arrakis.domain.eligibility.Ranking;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierPolicy;
import io.arrakis.testkit.domain.InMemoryRepositories;
import io.arrakis.testkit.state.InMemorySessionStore;
import io.arrakis.testkit.state.ManualClock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An active Sietch community over the testkit's fakes, with a ranking of {@value #WALLETS} wallets
 * (rank {@code i} holds {@code 1100 − 10·i + 0.129} BGT: rank 1 1,090.129 (Naib), rank 40 700.129
 * (Fedaykin), rank 80 300.129 (Qanat), rank 100 100.129 (Ichwan), rank 105 50.129 (Hajra)) and the
 * Sietch badge catalogue.
 */
final class MemberFixture {
  static final int WALLETS = 105;
  static final long GUILD = 900_000_000_000_000_001L;
  static final long CHANNEL = 900_000_000_000_000_002L;
  static final Address TOKEN = new Address("0x" + "b".repeat(40));
  static final Instant NOW = Instant.parse("2026-11-28T13:30:00Z");

  final InMemoryRepositories repos = InMemoryRepositories.create();
  private long nextInteraction = 1_300_000_000_000_000_000L;
  final ManualClock clock = new ManualClock(NOW);
  final InMemorySessionStore sessions = new InMemorySessionStore(clock);
  final CommunityConfig community =
      SietchPreset.newCommunity(CommunityId.random(), new Snowflake(GUILD), "Arrakis")
          .withActive(true)
          .withToken(new TokenConfig(TokenConfig.BERACHAIN, Optional.of(TOKEN), "BGT", 18, 0L));

  MemberFixture() {
    for (BadgeDefinition d : BadgeCatalogue.sietch(69)) {
      repos.badges().saveDefinition(community.id(), d);
    }
  }

  static Address wallet(int i) {
    return BotFixture.wallet(i);
  }

  static BigInteger balanceOfRank(int i) {
    return TokenAmounts.toBaseUnits(new BigDecimal(1100 - 10 * i).add(new BigDecimal("0.129")), 18);
  }

  static UserId user(int n) {
    return new UserId(800_000_000_000_000_000L + n);
  }

  Ranking sync() {
    List<Holding> holdings = new ArrayList<>();
    for (int i = 1; i <= WALLETS; i++) {
      holdings.add(new Holding(wallet(i), balanceOfRank(i)));
    }
    Ranking ranking =
        new EligibilityRanker(
                community.eligibility(),
                new TierPolicy(
                    community.eligibility(),
                    community.tierThresholds(),
                    community.token().decimals()))
            .rank(new ChainHoldings(1_000L, holdings, java.util.Set.of()), List.of(), Map.of());
    repos
        .eligibility()
        .commit(
            community.id(),
            new EligibilitySnapshot(UUID.randomUUID(), 1_000L, NOW.minusSeconds(3600), ranking));
    return ranking;
  }

  /** An active member created {@code daysAgo} days before {@link #NOW}, without a wallet. */
  Profile member(int n, String nym, int daysAgo) {
    Profile profile =
        BotFixture.profile(user(n), nym, Optional.empty(), NOW.minus(Duration.ofDays(daysAgo)));
    repos.profiles().save(community.id(), profile);
    return profile;
  }

  /** A member linked to the wallet ranked {@code rank}, its tier stored as the ranking's. */
  Profile rankedMember(int n, String nym, int daysAgo, int rank) {
    Profile p = member(n, nym, daysAgo);
    repos
        .walletLinks()
        .save(community.id(), new WalletLink(p.userId(), wallet(rank), NOW.minusSeconds(86_400)));
    Optional<Tier> tier =
        repos
            .eligibility()
            .current(community.id())
            .flatMap(s -> s.ranking().entry(wallet(rank)))
            .flatMap(e -> e.tier());
    Profile tiered = p.withTier(tier, NOW.minusSeconds(3600));
    repos.profiles().save(community.id(), tiered);
    return tiered;
  }

  MemberBadge award(Profile p, String badgeId, Instant at) {
    MemberBadge b = BotFixture.badge(p.memberId(), badgeId, at, Optional.empty(), Optional.empty());
    repos.badges().save(community.id(), b);
    return b;
  }

  SeatRecord seat(Profile p, int number, Instant seatedAt) {
    SeatRecord r =
        SeatRecord.open(UUID.randomUUID(), number, p.memberId(), seatedAt, BigInteger.TEN);
    repos.seats().save(community.id(), r);
    return r;
  }

  ActivityBalance activity(Profile p, BigDecimal balance, Instant lastDecayAt) {
    ActivityBalance a =
        new ActivityBalance(
            p.memberId(),
            balance,
            lastDecayAt,
            10,
            3,
            4,
            Optional.of(NOW.minusSeconds(3600)),
            balance,
            new BigDecimal("12.5"),
            4,
            9,
            Optional.of(NOW.atOffset(java.time.ZoneOffset.UTC).toLocalDate().minusDays(1)));
    repos.activity().save(community.id(), a);
    return a;
  }

  InteractionContext context(UserId user) {
    return BotFixture.context(nextInteraction++, GUILD, CHANNEL, user, 0L);
  }

  Invocation invocation(String name, String sub, UserId user, Map<String, String> options) {
    return new Invocation(
        BotFixture.slash(context(user), name, Optional.ofNullable(sub), options),
        community,
        clock.instant());
  }

  Interaction.Autocomplete autocomplete(String name, String focused, String partial) {
    return new Interaction.Autocomplete(
        context(user(99)),
        42L,
        name,
        Optional.empty(),
        Optional.empty(),
        CommandOptions.none(),
        focused,
        partial);
  }

  // ---- reading answers

  static MessagePayload message(Answer answer) {
    assertThat(answer.actions()).as("read-only commands queue no actions").isEmpty();
    return BotFixture.reply(answer);
  }

  static Embed embed(Answer answer) {
    return BotFixture.embed(message(answer));
  }

  static Map<String, String> fields(Embed embed) {
    return BotFixture.fields(embed);
  }

  static String ephemeralText(Answer answer) {
    assertThat(answer.actions()).isEmpty();
    return BotFixture.ephemeralText(answer);
  }

  static String date(Instant at) {
    return "<t:" + at.getEpochSecond() + ":D>";
  }
}
