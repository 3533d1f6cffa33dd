package io.arrakis.bot.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.Answer;
import io.arrakis.bot.BotFixture;
import io.arrakis.bot.ComponentInvocation;
import io.arrakis.bot.Invocation;
import io.arrakis.discord.CommandOptions;
import io.arrakis.discord.ComponentType;
import io.arrakis.discord.CustomId;
import io.arrakis.discord.Interaction;
import io.arrakis.discord.InteractionContext;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.OptionValue;
import io.arrakis.discord.Resolved;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.TokenAmounts;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.RoleMapping;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.community.TokenConfig;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.EligibilityRanker;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.Holding;
import io.arrakis.domain.port.VerificationSession;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.tiers.TierPolicy;
import io.arrakis.testkit.domain.InMemoryRepositories;
import io.arrakis.testkit.state.InMemoryRateLimiter;
import io.arrakis.testkit.state.InMemorySessionStore;
import io.arrakis.testkit.state.ManualClock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * An active community over the in-memory fakes, with a ranking of 100 wallets ({@link #wallet}:
 * rank {@code i} holds {@code 1100 − 10·i} BGT) plus whatever wallets a test {@link #rankAlso ranks
 * also}, and the two {@code /verify} handlers.
 */
final class VerifyFixture {
  static final long GUILD = 900_000_000_000_000_001L;
  static final long CHANNEL = 900_000_000_000_000_002L;
  static final long FEDAYKIN_ROLE = 900_000_000_000_000_007L;
  static final Instant START = Instant.parse("2026-11-28T13:30:00Z");

  final ManualClock clock = new ManualClock(START);
  final InMemoryRepositories repos = InMemoryRepositories.create();
  final InMemorySessionStore sessions = new InMemorySessionStore(clock);
  final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);
  final CommunityConfig community =
      SietchPreset.newCommunity(CommunityId.random(), new Snowflake(GUILD), "Arrakis")
          .withActive(true)
          .withToken(
              new TokenConfig(
                  TokenConfig.BERACHAIN,
                  Optional.of(new Address("0x" + "b".repeat(40))),
                  "BGT",
                  18,
                  0L))
          .withRoles(RoleMapping.empty().with(RoleKey.FEDAYKIN, new Snowflake(FEDAYKIN_ROLE)));
  final Linking linking = new Linking(repos.asRepositories(), sessions);
  final VerifyCommand command = new VerifyCommand(repos.asRepositories(), linking);
  final VerifyControls controls = new VerifyControls(repos.asRepositories(), limiter, linking);
  private final List<Holding> extra = new ArrayList<>();
  private long nextInteraction = 1_300_000_000_000_000_000L;

  VerifyFixture() {
    sync();
  }

  static Address wallet(int rank) {
    return new Address("0xa" + String.format("%039x", rank));
  }

  static UserId user(int n) {
    return new UserId(800_000_000_000_000_000L + n);
  }

  static BigInteger tokens(long units) {
    return TokenAmounts.toBaseUnits(BigDecimal.valueOf(units), 18);
  }

  /** Adds {@code wallet} with {@code units} tokens to the ranking and syncs again. */
  void rankAlso(Address wallet, long units) {
    extra.add(new Holding(wallet, tokens(units)));
    sync();
  }

  private void sync() {
    List<Holding> holdings = new ArrayList<>(extra);
    for (int i = 1; i <= 100; i++) {
      holdings.add(new Holding(wallet(i), tokens(1100 - 10L * i)));
    }
    var rules = community.eligibility();
    var ranking =
        new EligibilityRanker(
                rules,
                new TierPolicy(rules, community.tierThresholds(), community.token().decimals()))
            .rank(new ChainHoldings(1_000L, holdings, Set.of()), List.of(), Map.of());
    repos
        .eligibility()
        .commit(community.id(), new EligibilitySnapshot(UUID.randomUUID(), 1_000L, START, ranking));
  }

  void link(UserId user, Address wallet) {
    repos.walletLinks().save(community.id(), new WalletLink(user, wallet, START));
  }

  void member(UserId user) {
    repos
        .profiles()
        .save(
            community.id(),
            BotFixture.profile(
                user, "nym" + user.value() % 1000, Optional.empty(), START.minusSeconds(86_400)));
  }

  private InteractionContext context(UserId user, long permissions) {
    return BotFixture.context(nextInteraction++, GUILD, CHANNEL, user, permissions);
  }

  Invocation slash(String sub, UserId user) {
    return slash(sub, user, 0L, Map.of());
  }

  Invocation slash(String sub, UserId user, long permissions, Map<String, OptionValue> options) {
    return new Invocation(
        new Interaction.SlashCommand(
            context(user, permissions),
            42L,
            "verify",
            Optional.empty(),
            Optional.of(sub),
            new CommandOptions(new LinkedHashMap<>(options)),
            Resolved.none()),
        community,
        clock.instant());
  }

  Answer start(UserId user) throws Exception {
    return command.handle(slash("start", user));
  }

  /** The pending session of {@code user}. */
  VerificationSession pending(UserId user) {
    return repos.verificationSessions().pending(community.id(), user).orElseThrow();
  }

  VerificationSession session(UUID id) {
    return repos.verificationSessions().byId(community.id(), id).orElseThrow();
  }

  Answer click(String customId, UserId user) throws Exception {
    return controls.handle(
        new ComponentInvocation(
            new Interaction.ComponentInteraction(
                context(user, 0L), customId, ComponentType.BUTTON, List.of(), 42L, Resolved.none()),
            CustomId.parse(customId),
            community,
            clock.instant()));
  }

  Answer submit(String customId, UserId user, String wallet, String signature) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("wallet_address", wallet);
    fields.put("signature", signature);
    return controls.handle(
        new ComponentInvocation(
            new Interaction.ModalSubmit(context(user, 0L), customId, fields, OptionalLong.of(42L)),
            CustomId.parse(customId),
            community,
            clock.instant()));
  }

  Answer submit(VerificationSession s, UserId user, Address wallet, String signature)
      throws Exception {
    return submit("verify_modal:" + s.id(), user, wallet.value(), signature);
  }

  // ---- reading answers

  static MessagePayload message(Answer answer) {
    assertThat(answer.response()).isInstanceOf(InteractionResponse.Reply.class);
    return ((InteractionResponse.Reply) answer.response()).message();
  }

  static String ephemeralText(Answer answer) {
    MessagePayload m = message(answer);
    assertThat(m.ephemeral()).as("error replies are ephemeral").isTrue();
    assertThat(m.embeds()).isEmpty();
    assertThat(answer.actions()).isEmpty();
    return m.content();
  }

  static Map<String, String> fields(MessagePayload m) {
    Map<String, String> out = new LinkedHashMap<>();
    m.embeds().get(0).fields().forEach(f -> out.put(f.name(), f.value()));
    return out;
  }
}
