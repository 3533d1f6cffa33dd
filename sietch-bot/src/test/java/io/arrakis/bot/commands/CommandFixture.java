package io.arrakis.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.Answer;
import io.arrakis.bot.BotFixture;
import io.arrakis.bot.Invocation;
import io.arrakis.discord.Embed;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.MessagePayload;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.TokenAmounts;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.community.RoleMapping;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.community.TokenConfig;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.EligibilityOverride;
import io.arrakis.domain.eligibility.EligibilityRanker;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.Holding;
import io.arrakis.domain.eligibility.OverrideAction;
import io.arrakis.domain.eligibility.Ranking;
import io.arrakis.domain.eligibility.TokenRef;
import io.arrakis.domain.port.BurnerRegistry;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.tiers.TierPolicy;
import io.arrakis.domain.waitlist.WaitlistRegistration;
import io.arrakis.testkit.domain.InMemoryBurnerRegistry;
import io.arrakis.testkit.domain.InMemoryRepositories;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * A seeded, active Sietch community over the testkit's in-memory fakes, with a ranking of {@value
 * #WALLETS} wallets: rank {@code i} holds {@code 1100 − 10·i + 0.129} BGT (rank 1 1,090.12, rank 69
 * — the entry threshold — 410.12, rank 70 400.12, rank 100 100.12, rank 105 50.12), so every
 * neighbour distance is 10.00 BGT.
 */
final class CommandFixture {
  static final int WALLETS = 105;
  static final long GUILD = 900_000_000_000_000_001L;
  static final long CHANNEL = 900_000_000_000_000_002L;
  static final long TAQWA_ROLE = 900_000_000_000_000_069L;
  static final Address TOKEN = new Address("0x" + "b".repeat(40));
  static final Instant SYNCED_AT = Instant.parse("2026-11-28T12:00:00Z");
  static final Instant NOW = Instant.parse("2026-11-28T13:30:00Z");

  final InMemoryRepositories repos = InMemoryRepositories.create();
  private long nextInteraction = 1_300_000_000_000_000_000L;
  final InMemoryBurnerRegistry burners = new InMemoryBurnerRegistry();
  CommunityConfig community =
      SietchPreset.newCommunity(CommunityId.random(), new Snowflake(GUILD), "Arrakis")
          .withActive(true)
          .withToken(new TokenConfig(TokenConfig.BERACHAIN, Optional.of(TOKEN), "BGT", 18, 0L))
          .withRoles(RoleMapping.empty().with(RoleKey.TAQWA, new Snowflake(TAQWA_ROLE)));

  /** The wallet at rank {@code i} of the default ranking. */
  static Address wallet(int i) {
    return BotFixture.wallet(i);
  }

  /** {@code 1100 − 10·i + 0.129} BGT in base units. */
  static BigInteger balanceOfRank(int i) {
    return tokens(new BigDecimal(1100 - 10 * i).add(new BigDecimal("0.129")));
  }

  static BigInteger tokens(BigDecimal units) {
    return TokenAmounts.toBaseUnits(units, 18);
  }

  static UserId user(int n) {
    return new UserId(800_000_000_000_000_000L + n);
  }

  TokenRef tokenRef() {
    return new TokenRef(TokenConfig.BERACHAIN, TOKEN);
  }

  /** Commits the default ranking of {@value #WALLETS} wallets. */
  Ranking sync() {
    return sync(WALLETS, CommandFixture::balanceOfRank, List.of(), Set.of());
  }

  /**
   * Ranks {@code count} wallets ({@link #wallet}) with the given balances through the domain's
   * ranker, after the given overrides (also saved as active) and without the given burners (also
   * recorded in the registry), and commits the snapshot at {@link #SYNCED_AT}.
   */
  Ranking sync(
      int count,
      IntFunction<BigInteger> balances,
      List<EligibilityOverride> overrides,
      Set<Address> burnerSet) {
    List<Holding> holdings = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      holdings.add(new Holding(wallet(i), balances.apply(i)));
    }
    for (EligibilityOverride o : overrides) {
      repos.eligibility().saveOverride(community.id(), o);
    }
    Set<BurnerRegistry.Burn> burns = new HashSet<>();
    for (Address a : burnerSet) {
      burns.add(new BurnerRegistry.Burn(a, 100L, "0x" + "c".repeat(64)));
    }
    burners.record(tokenRef(), burns);
    EligibilityRules rules = community.eligibility();
    Ranking ranking =
        new EligibilityRanker(
                rules,
                new TierPolicy(rules, community.tierThresholds(), community.token().decimals()))
            .rank(new ChainHoldings(1_000L, holdings, burnerSet), overrides, Map.of());
    repos
        .eligibility()
        .commit(
            community.id(), new EligibilitySnapshot(UUID.randomUUID(), 1_000L, SYNCED_AT, ranking));
    return ranking;
  }

  EligibilityOverride override(Address address, OverrideAction action) {
    return new EligibilityOverride(
        UUID.randomUUID(),
        address,
        action,
        "test",
        "admin",
        SYNCED_AT.minusSeconds(3600),
        Optional.empty(),
        true);
  }

  void link(UserId user, Address wallet) {
    repos.walletLinks().save(community.id(), new WalletLink(user, wallet, SYNCED_AT));
  }

  Profile member(UserId user) {
    Profile profile =
        BotFixture.profile(
            user, "nym" + user.value() % 1000, Optional.empty(), SYNCED_AT.minusSeconds(86_400));
    repos.profiles().save(community.id(), profile);
    return profile;
  }

  WaitlistRegistration registered(UserId user, Address wallet, int position, Instant at) {
    WaitlistRegistration registration =
        new WaitlistRegistration(
            UUID.randomUUID(),
            user,
            wallet,
            position,
            balanceOfRank(position),
            at,
            Optional.empty(),
            Optional.empty());
    repos.waitlist().save(community.id(), registration);
    return registration;
  }

  /** {@code /name [sub] option:value…} by {@code user}, with a fresh interaction id. */
  SlashCommand slash(String name, Optional<String> sub, UserId user, Map<String, String> options) {
    return BotFixture.slash(
        BotFixture.context(nextInteraction++, GUILD, CHANNEL, user, 0L), name, sub, options);
  }

  Invocation invocation(SlashCommand command) {
    return new Invocation(command, community, NOW);
  }

  // ---- reading answers

  static MessagePayload message(Answer answer) {
    return BotFixture.reply(answer);
  }

  /** The one embed of the answer. */
  static Embed embed(Answer answer) {
    return BotFixture.embed(message(answer));
  }

  /** Field name → value, in order. */
  static Map<String, String> fields(Embed embed) {
    return BotFixture.fields(embed);
  }

  /** Asserts an ephemeral text reply without embeds or actions and returns its text. */
  static String ephemeralText(Answer answer) {
    assertThat(answer.actions()).isEmpty();
    return BotFixture.ephemeralText(answer);
  }

  /** {@code <t:…:R>} of an instant. */
  static String relative(Instant at) {
    return "<t:" + at.getEpochSecond() + ":R>";
  }
}
