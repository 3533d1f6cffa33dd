package io.arrakis.bot.events;

import io.arrakis.bot.BotFixture;
import io.arrakis.bot.BotPorts;
import io.arrakis.bot.CommunityDirectory;
import io.arrakis.bot.GuildEventHandler;
import io.arrakis.bot.Transactions;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.action.DiscordActions;
import io.arrakis.discord.gateway.GatewayEvent;
import io.arrakis.domain.audit.AuditType;
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
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.tiers.TierPolicy;
import io.arrakis.testkit.domain.InMemoryAuditLogRepository;
import io.arrakis.testkit.domain.InMemoryBurnerRegistry;
import io.arrakis.testkit.domain.InMemoryGuildMemberMirror;
import io.arrakis.testkit.domain.InMemoryGuildPresenceRepository;
import io.arrakis.testkit.domain.InMemoryRepositories;
import io.arrakis.testkit.state.InMemoryCooldownStore;
import io.arrakis.testkit.state.InMemoryLeases;
import io.arrakis.testkit.state.InMemoryRateLimiter;
import io.arrakis.testkit.state.InMemorySessionStore;
import io.arrakis.testkit.state.ManualClock;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The event handlers over the testkit's fakes: an active Sietch community with a naib and a
 * fedaykin role (ids {@link #NAIB_ROLE}, {@link #FEDAYKIN_ROLE}, {@link #ONBOARDED_ROLE}), a
 * ranking of 100 wallets (rank i holds 1000 − i tokens), a manual clock, and a recorder of queued
 * actions. Events are delivered as values through a decoder stub.
 */
final class EventsFixture {
  static final long GUILD = 920_000_000_000_000_001L;
  static final long CHANNEL = 920_000_000_000_000_002L;
  static final long NAIB_ROLE = 930_000_000_000_000_001L;
  static final long FEDAYKIN_ROLE = 930_000_000_000_000_002L;
  static final long ONBOARDED_ROLE = 930_000_000_000_000_003L;
  static final long OTHER_ROLE = 930_000_000_000_000_099L;
  static final Instant NOW = Instant.parse("2026-11-28T13:30:00Z");

  final ManualClock clock = new ManualClock(NOW);
  final InMemoryRepositories repos = InMemoryRepositories.create();
  final InMemorySessionStore sessions = new InMemorySessionStore(clock);
  final InMemoryCooldownStore cooldowns = new InMemoryCooldownStore(clock);
  final InMemoryGuildMemberMirror mirror = new InMemoryGuildMemberMirror();
  final InMemoryGuildPresenceRepository presence = new InMemoryGuildPresenceRepository();
  final List<DiscordAction> queued = new CopyOnWriteArrayList<>();
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
          .withRoles(
              SietchPreset.newCommunity(CommunityId.random(), new Snowflake(1), "x")
                  .roles()
                  .with(RoleKey.NAIB, new Snowflake(NAIB_ROLE))
                  .with(RoleKey.FEDAYKIN, new Snowflake(FEDAYKIN_ROLE))
                  .with(RoleKey.ONBOARDED, new Snowflake(ONBOARDED_ROLE)));
  final BotPorts ports =
      new BotPorts(
          repos.asRepositories(),
          new InMemoryBurnerRegistry(),
          sessions,
          cooldowns,
          new InMemoryRateLimiter(clock),
          new InMemoryLeases(clock),
          community -> {},
          clock);
  private GatewayEvent pending;
  private final DiscordActions actions =
      action -> {
        queued.add(action);
        return CompletableFuture.completedFuture(null);
      };
  final CommunityDirectory directory =
      new CommunityDirectory(repos.asRepositories().communities(), Transactions.none());
  final GatewayEventHandlers handlers =
      new GatewayEventHandlers(
          ports,
          mirror,
          presence,
          Transactions.none(),
          directory,
          actions,
          (type, payload) -> pending);
  private long seq = 1;

  EventsFixture() {
    repos.communities().save(community);
  }

  static UserId user(int n) {
    return new UserId(820_000_000_000_000_000L + n);
  }

  /** Delivers {@code event} under a fresh key; returns the key. */
  String deliver(GatewayEvent event) throws Exception {
    String key = "0:session:" + seq++;
    deliver(key, event);
    return key;
  }

  /** Delivers {@code event} under {@code key} (a replay when the key was used before). */
  void deliver(String key, GatewayEvent event) throws Exception {
    pending = event;
    handler(type(event)).handle(key, new byte[0]);
  }

  GuildEventHandler handler(String type) {
    return handlers.all().stream()
        .filter(h -> h.eventType().equals(type))
        .findFirst()
        .orElseThrow();
  }

  private static final Map<Class<?>, String> TYPES =
      Map.of(
          GatewayEvent.GuildCreate.class, "GUILD_CREATE",
          GatewayEvent.GuildDelete.class, "GUILD_DELETE",
          GatewayEvent.MemberAdd.class, "GUILD_MEMBER_ADD",
          GatewayEvent.MemberUpdate.class, "GUILD_MEMBER_UPDATE",
          GatewayEvent.MemberRemove.class, "GUILD_MEMBER_REMOVE",
          GatewayEvent.MembersChunk.class, "GUILD_MEMBERS_CHUNK",
          GatewayEvent.MessageCreate.class, "MESSAGE_CREATE",
          GatewayEvent.ReactionAdd.class, "MESSAGE_REACTION_ADD");

  private static String type(GatewayEvent e) {
    return TYPES.get(e.getClass());
  }

  static GatewayEvent.Member member(UserId user, long... roles) {
    Set<Long> ids = new java.util.HashSet<>();
    for (long r : roles) {
      ids.add(r);
    }
    return new GatewayEvent.Member(user.value(), false, ids);
  }

  /** Commits a ranking of 100 wallets: rank i = wallet i with 1000 − i tokens. */
  void sync() {
    List<Holding> holdings = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      holdings.add(
          new Holding(
              BotFixture.wallet(i), BigInteger.valueOf(1000 - i).multiply(BigInteger.TEN.pow(18))));
    }
    var ranking =
        new EligibilityRanker(
                community.eligibility(),
                new TierPolicy(
                    community.eligibility(),
                    community.tierThresholds(),
                    community.token().decimals()))
            .rank(new ChainHoldings(1_000L, holdings, Set.of()), List.of(), Map.of());
    repos
        .eligibility()
        .commit(
            community.id(),
            new EligibilitySnapshot(UUID.randomUUID(), 1_000L, NOW.minusSeconds(3600), ranking));
  }

  void link(UserId user, int rank) {
    repos
        .walletLinks()
        .save(community.id(), new WalletLink(user, BotFixture.wallet(rank), NOW.minusSeconds(60)));
  }

  Profile profile(UserId user, String nym) {
    Profile p = BotFixture.profile(user, nym, Optional.empty(), NOW.minusSeconds(86_400));
    repos.profiles().save(community.id(), p);
    return p;
  }

  Profile profileOf(UserId user) {
    return repos.profiles().byUser(community.id(), user).orElseThrow();
  }

  List<InMemoryAuditLogRepository.Entry> audit(AuditType type) {
    return audit(community.id(), type);
  }

  List<InMemoryAuditLogRepository.Entry> audit(CommunityId id, AuditType type) {
    return repos.auditLog().entries(id).stream().filter(e -> e.event().type() == type).toList();
  }

  int auditCount() {
    return repos.auditLog().entries(community.id()).size();
  }
}
