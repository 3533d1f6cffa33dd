package io.arrakis.bot.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.Answer;
import io.arrakis.bot.ComponentInvocation;
import io.arrakis.bot.Invocation;
import io.arrakis.discord.CommandOptions;
import io.arrakis.discord.ComponentType;
import io.arrakis.discord.CustomId;
import io.arrakis.discord.DiscordUser;
import io.arrakis.discord.GuildMember;
import io.arrakis.discord.Interaction;
import io.arrakis.discord.InteractionContext;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.InteractionToken;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.OptionValue;
import io.arrakis.discord.Resolved;
import io.arrakis.domain.badges.BadgeCatalogue;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.TokenAmounts;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.community.RoleMapping;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.community.TokenConfig;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.EligibilityRanker;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.Holding;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierPolicy;
import io.arrakis.domain.waitlist.WaitlistRegistration;
import io.arrakis.testkit.domain.InMemoryRepositories;
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
import java.util.UUID;

/**
 * An active Sietch community over the testkit's fakes: 105 ranked wallets (rank {@code i} holds
 * {@code 1100 − 10·i} BGT), the badge catalogue, configured Onboarded/Fedaykin/Naib/Taqwa roles,
 * sessions in an in-memory store on a manual clock; builders for DM clicks, modal submits and slash
 * commands.
 */
final class ProfileFixture {
  static final long GUILD = 900_000_000_000_000_001L;
  static final long CHANNEL = 900_000_000_000_000_002L;
  static final long DM_CHANNEL = 900_000_000_000_000_003L;
  static final long APPLICATION = 1_200_000_000_000_000_001L;
  static final long ONBOARDED_ROLE = 900_000_000_000_000_010L;
  static final long FEDAYKIN_ROLE = 900_000_000_000_000_011L;
  static final long NAIB_ROLE = 900_000_000_000_000_012L;
  static final long TAQWA_ROLE = 900_000_000_000_000_013L;
  static final Address TOKEN = new Address("0x" + "b".repeat(40));
  static final Instant NOW = Instant.parse("2026-11-28T13:30:00Z");

  final InMemoryRepositories repos = InMemoryRepositories.create();
  final ManualClock clock = new ManualClock(NOW);
  final InMemorySessionStore sessions = new InMemorySessionStore(clock);
  CommunityConfig community =
      SietchPreset.newCommunity(CommunityId.random(), new Snowflake(GUILD), "Arrakis")
          .withActive(true)
          .withToken(new TokenConfig(TokenConfig.BERACHAIN, Optional.of(TOKEN), "BGT", 18, 0L))
          .withRoles(
              RoleMapping.empty()
                  .with(RoleKey.ONBOARDED, new Snowflake(ONBOARDED_ROLE))
                  .with(RoleKey.FEDAYKIN, new Snowflake(FEDAYKIN_ROLE))
                  .with(RoleKey.NAIB, new Snowflake(NAIB_ROLE))
                  .with(RoleKey.TAQWA, new Snowflake(TAQWA_ROLE)));
  private long nextInteraction = 1_300_000_000_000_000_000L;

  ProfileFixture() {
    BadgeCatalogue.sietch(69).forEach(b -> repos.badges().saveDefinition(community.id(), b));
    List<Holding> holdings = new ArrayList<>();
    for (int i = 1; i <= 105; i++) {
      holdings.add(new Holding(wallet(i), balanceOfRank(i)));
    }
    EligibilityRules rules = community.eligibility();
    repos
        .eligibility()
        .commit(
            community.id(),
            new EligibilitySnapshot(
                UUID.randomUUID(),
                1_000L,
                NOW.minusSeconds(3600),
                new EligibilityRanker(
                        rules,
                        new TierPolicy(
                            rules, community.tierThresholds(), community.token().decimals()))
                    .rank(
                        new ChainHoldings(1_000L, holdings, java.util.Set.of()),
                        List.of(),
                        Map.of())));
  }

  static Address wallet(int i) {
    return new Address("0xa" + String.format("%039x", i));
  }

  static BigInteger balanceOfRank(int i) {
    return TokenAmounts.toBaseUnits(new BigDecimal(1100 - 10 * i), 18);
  }

  static UserId user(int n) {
    return new UserId(800_000_000_000_000_000L + n);
  }

  void link(UserId user, int rank) {
    repos
        .walletLinks()
        .save(community.id(), new WalletLink(user, wallet(rank), NOW.minusSeconds(60)));
  }

  Profile member(UserId user, String nym, int rank) {
    link(user, rank);
    Profile p =
        new Profile(
            MemberId.random(),
            user,
            nym,
            Optional.of("hello"),
            PictureType.NONE,
            Optional.empty(),
            Optional.empty(),
            Optional.of(rank <= 7 ? Tier.NAIB : Tier.FEDAYKIN),
            Optional.empty(),
            NOW.minusSeconds(10 * 86_400),
            Optional.empty(),
            false,
            true,
            Optional.empty());
    repos.profiles().save(community.id(), p);
    return p;
  }

  WaitlistRegistration registered(UserId user, int rank) {
    WaitlistRegistration r =
        new WaitlistRegistration(
            UUID.randomUUID(),
            user,
            wallet(rank),
            rank,
            balanceOfRank(rank),
            NOW.minusSeconds(86_400),
            Optional.empty(),
            Optional.empty());
    repos.waitlist().save(community.id(), r);
    return r;
  }

  private InteractionContext dm(UserId user) {
    return new InteractionContext(
        new InteractionToken(nextInteraction++, APPLICATION, "interaction-token"),
        OptionalLong.empty(),
        DM_CHANNEL,
        new DiscordUser(user.value(), "user" + user.value() % 1000, Optional.empty(), false),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty());
  }

  /** A DM button click on {@code prefix:{cid}}. */
  ComponentInvocation click(String prefix, UserId user) {
    String id = prefix + ":" + community.id();
    return new ComponentInvocation(
        new Interaction.ComponentInteraction(
            dm(user), id, ComponentType.BUTTON, List.of(), 42L, Resolved.none()),
        CustomId.parse(id),
        community,
        clock.instant());
  }

  /** A DM modal submit of {@code prefix:{cid}}, opened from no message. */
  ComponentInvocation submit(String prefix, UserId user, Map<String, String> fields) {
    String id = prefix + ":" + community.id();
    return new ComponentInvocation(
        new Interaction.ModalSubmit(dm(user), id, fields, OptionalLong.empty()),
        CustomId.parse(id),
        community,
        clock.instant());
  }

  Invocation slash(String sub, UserId user, Map<String, String> options) {
    Map<String, OptionValue> values = new LinkedHashMap<>();
    options.forEach((k, v) -> values.put(k, new OptionValue.StringOption(v)));
    InteractionContext context =
        new InteractionContext(
            new InteractionToken(nextInteraction++, APPLICATION, "interaction-token"),
            OptionalLong.of(GUILD),
            CHANNEL,
            new DiscordUser(user.value(), "user" + user.value() % 1000, Optional.empty(), false),
            Optional.of(new GuildMember(List.of(), 0L, Optional.empty())),
            Optional.empty(),
            Optional.empty(),
            OptionalLong.empty());
    return new Invocation(
        new Interaction.SlashCommand(
            context,
            42L,
            "profile",
            Optional.empty(),
            Optional.of(sub),
            new CommandOptions(values),
            Resolved.none()),
        community,
        clock.instant());
  }

  // ---- reading answers

  /** The message of a Reply or an UpdateMessage. */
  static MessagePayload message(Answer answer) {
    if (answer.response() instanceof InteractionResponse.UpdateMessage u) {
      return u.message();
    }
    assertThat(answer.response()).isInstanceOf(InteractionResponse.Reply.class);
    return ((InteractionResponse.Reply) answer.response()).message();
  }

  static String ephemeralText(Answer answer) {
    MessagePayload m = message(answer);
    assertThat(m.ephemeral()).as("error replies are ephemeral").isTrue();
    assertThat(answer.actions()).isEmpty();
    return m.content();
  }

  static io.arrakis.discord.Modal modal(Answer answer) {
    assertThat(answer.response()).isInstanceOf(InteractionResponse.ShowModal.class);
    return ((InteractionResponse.ShowModal) answer.response()).modal();
  }

  /** Every button custom id of a message, in order. */
  static List<String> buttons(MessagePayload m) {
    List<String> ids = new ArrayList<>();
    m.components()
        .forEach(
            row ->
                row.components()
                    .forEach(
                        c -> {
                          if (c instanceof io.arrakis.discord.Button b) {
                            b.customId().ifPresent(ids::add);
                          }
                        }));
    return ids;
  }

  static Map<String, String> fields(io.arrakis.discord.Embed embed) {
    Map<String, String> fields = new LinkedHashMap<>();
    embed.fields().forEach(f -> fields.put(f.name(), f.value()));
    return fields;
  }
}
