package io.arrakis.worker;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.community.TokenConfig;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.EligibilityRanker;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.Holding;
import io.arrakis.domain.eligibility.Ranking;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.tiers.TierPolicy;
import io.arrakis.postgres.Postgres;
import io.arrakis.postgres.PostgresSettings;
import io.arrakis.postgres.UnitOfWork;
import java.io.PrintStream;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A demo community for local runs and system tests: the guild's community, active, ranking 120
 * wallets of a made-up token (as a sync would have stored it), and wallets linked to the given
 * members at telling ranks — the first member at rank 3 (Naib tier), the second at rank 40
 * (Fedaykin), the third at rank 80 (waitlist range), any further ones at ranks 81, 82, … Run it
 * again and it replaces the ranking and the links; the community keeps its id.
 */
public final class DemoCommunity {
  /** The demo token: not a real contract. */
  public static final Address TOKEN =
      Address.parse("0x00000000000000000000000000000000000bea12").orElseThrow();

  public static final int WALLETS = 120;

  /** Ranks of the wallets linked to the first three members. */
  public static final List<Integer> MEMBER_RANKS = List.of(3, 40, 80);

  private DemoCommunity() {}

  /** The wallet at {@code rank} (1-based) of the demo ranking. */
  public static Address wallet(int rank) {
    return Address.parse(String.format("0x%040x", 0xd000L + rank)).orElseThrow();
  }

  /** Its balance: 10,000 tokens at rank 1, 50 fewer per rank below. */
  public static BigInteger balance(int rank) {
    return BigInteger.valueOf(10_000L - 50L * (rank - 1)).multiply(BigInteger.TEN.pow(18));
  }

  /** The rank of the wallet linked to the {@code i}-th member (0-based). */
  public static int memberRank(int i) {
    return i < MEMBER_RANKS.size() ? MEMBER_RANKS.get(i) : 78 + i;
  }

  /**
   * Seeds (or re-seeds) the community of {@code guildId}.
   *
   * @param taqwaRole the guild's Taqwa role, which {@code /register-waitlist} grants
   */
  public static CommunityId seed(
      Repositories repos,
      UnitOfWork uow,
      long guildId,
      List<Long> members,
      Optional<Long> taqwaRole,
      Instant now) {
    Snowflake guild = new Snowflake(guildId);
    CommunityConfig existing =
        uow.withoutCommunity(() -> repos.communities().findByGuild(guild))
            .orElseGet(
                () ->
                    SietchPreset.newCommunity(
                        new CommunityId(UUID.randomUUID()), guild, "Demo Sietch"));
    CommunityConfig config =
        existing
            .withActive(true)
            .withToken(new TokenConfig(TokenConfig.BERACHAIN, Optional.of(TOKEN), "BGT", 18, 0L));
    if (taqwaRole.isPresent()) {
      config = config.withRoles(config.roles().with(RoleKey.TAQWA, new Snowflake(taqwaRole.get())));
    }
    CommunityConfig saved = config;
    uow.withoutCommunity(
        () -> {
          repos.communities().save(saved);
          return null;
        });
    List<Holding> holdings = new ArrayList<>();
    for (int rank = 1; rank <= WALLETS; rank++) {
      holdings.add(new Holding(wallet(rank), balance(rank)));
    }
    Ranking ranking =
        new EligibilityRanker(
                saved.eligibility(),
                new TierPolicy(
                    saved.eligibility(), saved.tierThresholds(), saved.token().decimals()))
            .rank(new ChainHoldings(1_000L, holdings, Set.of()), List.of(), Map.of());
    uow.inCommunity(
        saved.id(),
        () -> {
          repos
              .eligibility()
              .commit(saved.id(), new EligibilitySnapshot(UUID.randomUUID(), 1_000L, now, ranking));
          for (int i = 0; i < members.size(); i++) {
            repos
                .walletLinks()
                .save(
                    saved.id(),
                    new WalletLink(new UserId(members.get(i)), wallet(memberRank(i)), now));
          }
        });
    return saved.id();
  }

  /** {@code seed-demo --guild ID --members ID,ID,… [--taqwa-role ID]}, as the application role. */
  static int run(String[] args, Map<String, String> variables, PrintStream out) {
    long guild = 0;
    List<Long> members = List.of();
    Optional<Long> taqwa = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--guild" -> guild = parseId(value);
        case "--members" ->
            members =
                Arrays.stream(require(value, "--members").split(","))
                    .map(DemoCommunity::parseId)
                    .toList();
        case "--taqwa-role" -> taqwa = Optional.of(parseId(value));
        default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
      }
      i++;
    }
    if (guild == 0) {
      throw new IllegalArgumentException("--guild is required");
    }
    try (Postgres pg = Postgres.connect(PostgresSettings.fromEnvironment(variables))) {
      CommunityId id =
          seed(pg.repositories(), pg.unitOfWork(), guild, members, taqwa, Instant.now());
      out.println(
          "demo community "
              + id.value()
              + " for guild "
              + Long.toUnsignedString(guild)
              + ": "
              + WALLETS
              + " ranked wallets, "
              + members.size()
              + " members linked");
      for (int i = 0; i < members.size(); i++) {
        out.println(
            "  member "
                + Long.toUnsignedString(members.get(i))
                + " -> wallet "
                + wallet(memberRank(i)).value()
                + " (rank "
                + memberRank(i)
                + ")");
      }
    }
    return 0;
  }

  private static String require(String value, String option) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }

  private static long parseId(String text) {
    try {
      return Long.parseUnsignedLong(require(text, "an id").trim());
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException("not a Discord id: '" + text + "'");
    }
  }
}
