package io.arrakis.bot.sync;

import io.arrakis.bot.Transactions;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.action.DiscordActions;
import io.arrakis.domain.alerts.AlertFrequency;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.ChannelConfig;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.RoleMapping;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.community.TokenConfig;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.Holding;
import io.arrakis.domain.eligibility.TokenRef;
import io.arrakis.domain.port.ChainSourceException;
import io.arrakis.domain.port.MemberRoles;
import io.arrakis.domain.port.TokenHoldings;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.testkit.domain.InMemoryRepositories;
import io.arrakis.testkit.state.InMemoryLeases;
import io.arrakis.testkit.state.ManualClock;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The job wired to the testkit fakes: in-memory repositories and leases, a scripted chain per chain
 * id, a guild whose roles follow the queued actions, and a manual clock.
 */
final class SyncFixture {
  static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  static final long CHAIN = 80094;
  static final Snowflake THE_DOOR = new Snowflake(77);
  static final Snowflake CENSUS = new Snowflake(78);

  final InMemoryRepositories repos = InMemoryRepositories.create();
  final ManualClock clock = new ManualClock(T0);
  final InMemoryLeases leases = new InMemoryLeases(clock);
  final Map<Long, Chain> chains = new ConcurrentHashMap<>();
  final Guild guild = new Guild();
  final RecordingActions actions = new RecordingActions();
  final List<Duration> sleeps = new ArrayList<>();
  final AlertDelivery delivery = new AlertDelivery(repos.asRepositories());
  final EffectPerformer performer =
      new EffectPerformer(
          repos.asRepositories(),
          delivery,
          new ChannelPosts(n -> 0),
          (community, user, actionId) ->
              Optional.of(
                  new DiscordAction.SendDirectMessage(
                      actionId,
                      user.value(),
                      io.arrakis.discord.MessagePayload.text("welcome"),
                      "onboarding:welcome")),
          actions,
          Transactions.none(),
          Duration.ofSeconds(5),
          UUID::randomUUID);
  final EligibilitySyncJob job =
      new EligibilitySyncJob(
          repos.asRepositories(),
          Transactions.none(),
          leases,
          chainId -> chains.computeIfAbsent(chainId, id -> new Chain()),
          guild,
          performer,
          clock,
          "worker-1",
          sleeps::add);

  /** A deployed Sietch community with every role mapped and both channels. */
  CommunityConfig community(long guildId, long chainId) {
    RoleMapping roles = RoleMapping.empty();
    for (RoleKey key : RoleKey.values()) {
      roles = roles.with(key, roleId(key));
    }
    CommunityConfig config =
        SietchPreset.newCommunity(CommunityId.random(), new Snowflake(guildId), "Sietch " + guildId)
            .withActive(true)
            .withToken(new TokenConfig(chainId, Optional.of(addr(0xB6)), "BGT", 18, 0))
            .withRoles(roles)
            .withChannels(
                new ChannelConfig(
                    Optional.of(THE_DOOR), Optional.of(CENSUS), Optional.empty(), Set.of()));
    repos.communities().save(config);
    return config;
  }

  static Snowflake roleId(RoleKey key) {
    return new Snowflake(1000 + key.ordinal());
  }

  static Address addr(long n) {
    return new Address(String.format("0x%040x", n));
  }

  static BigInteger bgt(long units) {
    return BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(units));
  }

  static UserId user(long wallet) {
    return new UserId(10_000 + wallet);
  }

  /** {@code count} holders: address n holds (1000 − n) BGT, so rank n is address n. */
  Chain holders(long chainId, int count) {
    Chain chain = chains.computeIfAbsent(chainId, id -> new Chain());
    for (int n = 1; n <= count; n++) {
      chain.balances.put(addr(n), bgt(1000 - n));
    }
    return chain;
  }

  /** A linked guild member holding wallet {@code wallet}, with a profile when asked. */
  MemberId member(CommunityConfig community, long wallet, boolean withProfile) {
    UserId user = user(wallet);
    repos.walletLinks().save(community.id(), new WalletLink(user, addr(wallet), clock.instant()));
    guild.join(user);
    MemberId member = new MemberId(new UUID(0xAB, wallet));
    if (withProfile) {
      repos
          .profiles()
          .save(
              community.id(),
              new Profile(
                  member,
                  user,
                  "nym" + wallet,
                  Optional.empty(),
                  PictureType.NONE,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  clock.instant(),
                  Optional.empty(),
                  false,
                  true,
                  Optional.empty()));
      repos
          .alerts()
          .savePreferences(
              community.id(),
              AlertPreferences.defaults(member, AlertFrequency.DAILY, clock.instant()));
    }
    return member;
  }

  /** Applies the queued role actions to the guild, as the ingestor would. */
  void executeRoleActions() {
    for (DiscordAction a : actions.queued) {
      if (a instanceof DiscordAction.AddRole add) {
        guild.grant(new UserId(add.userId()), keyOf(add.roleId()));
      } else if (a instanceof DiscordAction.RemoveRole remove) {
        guild.remove(new UserId(remove.userId()), keyOf(remove.roleId()));
      }
    }
  }

  private static RoleKey keyOf(long roleId) {
    return RoleKey.values()[(int) (roleId - 1000)];
  }

  /** A token's chain: balances, burners, a switch to fail. */
  static final class Chain implements TokenHoldings {
    final Map<Address, BigInteger> balances = new HashMap<>();
    final Set<Address> burners = new HashSet<>();
    boolean failing;
    int reads;

    @Override
    public synchronized ChainHoldings read(TokenRef token, long scanStartBlock)
        throws ChainSourceException {
      reads++;
      if (failing) {
        throw new ChainSourceException("every RPC endpoint failed");
      }
      List<Holding> holdings =
          balances.entrySet().stream().map(e -> new Holding(e.getKey(), e.getValue())).toList();
      return new ChainHoldings(100 + reads, holdings, Set.copyOf(burners));
    }

    @Override
    public Map<Address, BigInteger> balancesAt(TokenRef token, long block, Set<Address> addresses)
        throws ChainSourceException {
      if (failing) {
        throw new ChainSourceException("every RPC endpoint failed");
      }
      Map<Address, BigInteger> out = new HashMap<>();
      addresses.forEach(a -> out.put(a, balances.getOrDefault(a, BigInteger.ZERO)));
      return out;
    }
  }

  /** Guild members and the managed roles they hold (every community shares it). */
  static final class Guild implements MemberRoles {
    final Map<UserId, Set<RoleKey>> members = new HashMap<>();

    void join(UserId user) {
      members.putIfAbsent(user, new HashSet<>());
    }

    void grant(UserId user, RoleKey role) {
      members.computeIfAbsent(user, u -> new HashSet<>()).add(role);
    }

    void remove(UserId user, RoleKey role) {
      members.getOrDefault(user, new HashSet<>()).remove(role);
    }

    Set<RoleKey> roles(UserId user) {
      return Set.copyOf(members.getOrDefault(user, Set.of()));
    }

    @Override
    public Map<UserId, Set<RoleKey>> holdersOfManagedRoles(CommunityId community) {
      Map<UserId, Set<RoleKey>> out = new HashMap<>();
      members.forEach(
          (u, r) -> {
            if (!r.isEmpty()) {
              out.put(u, Set.copyOf(r));
            }
          });
      return out;
    }

    @Override
    public Map<UserId, Set<RoleKey>> guildMembers(CommunityId community, Set<UserId> users) {
      Map<UserId, Set<RoleKey>> out = new HashMap<>();
      users.forEach(
          u -> {
            if (members.containsKey(u)) {
              out.put(u, Set.copyOf(members.get(u)));
            }
          });
      return out;
    }
  }

  /** Records queued actions; can refuse them to simulate a broker that is away. */
  static final class RecordingActions implements DiscordActions {
    final List<DiscordAction> queued = new ArrayList<>();
    boolean refusing;

    @Override
    public synchronized CompletableFuture<Void> submit(DiscordAction action) {
      if (refusing) {
        return CompletableFuture.failedFuture(new IllegalStateException("broker unreachable"));
      }
      queued.add(action);
      return CompletableFuture.completedFuture(null);
    }

    synchronized <T extends DiscordAction> List<T> of(Class<T> type) {
      return queued.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }
}
