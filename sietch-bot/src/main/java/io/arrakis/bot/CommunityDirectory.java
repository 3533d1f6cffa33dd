package io.arrakis.bot;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.CommunityRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Finds the community of a guild (spec §15: every command resolves it first).
 *
 * <p>With a time-to-live, the answer for a guild is kept in memory for that long: a command then
 * costs no database work to resolve its community (reading it is a transaction of several queries).
 * The price is staleness: <b>a change of a community's configuration — activation included, and a
 * community created for a guild that had none — reaches a worker within the time-to-live</b>, not
 * at once. Absence is remembered like a community. Failures are not remembered. At most {@code
 * maxGuilds} guilds are held; beyond that the longest-held answer goes first. Without a
 * time-to-live ({@link #CommunityDirectory(CommunityRepository, Transactions)}) every call reads
 * the database.
 */
public final class CommunityDirectory {
  /** The worker's time-to-live. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

  /** The worker's bound on guilds held. */
  public static final int DEFAULT_MAX_GUILDS = 10_000;

  private final CommunityRepository communities;
  private final Transactions transactions;
  private final Clock clock;
  private final Duration ttl;
  private final int maxGuilds;

  /** Guild id → answer, in the order they were read (so the eldest expires first). */
  private final Map<Long, Entry> cache = new LinkedHashMap<>();

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  private record Entry(Optional<CommunityConfig> community, Instant expiresAt) {}

  /** No caching: every call reads the database. */
  public CommunityDirectory(CommunityRepository communities, Transactions transactions) {
    this(communities, transactions, Clock.systemUTC(), Duration.ZERO, 0);
  }

  /**
   * @param ttl how long an answer is reused; zero for none
   * @param maxGuilds how many guilds' answers are held at most
   */
  public CommunityDirectory(
      CommunityRepository communities,
      Transactions transactions,
      Clock clock,
      Duration ttl,
      int maxGuilds) {
    this.communities = Objects.requireNonNull(communities, "communities");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("negative time-to-live: " + ttl);
    }
    if (!ttl.isZero() && maxGuilds < 1) {
      throw new IllegalArgumentException("a cache must hold at least one guild: " + maxGuilds);
    }
    this.maxGuilds = maxGuilds;
  }

  /** The guild's community, active (set up) or not; empty when the bot never saw the guild. */
  public Optional<CommunityConfig> community(long guildId) {
    if (ttl.isZero()) {
      return read(guildId);
    }
    Instant now = clock.instant();
    synchronized (cache) {
      Entry entry = cache.get(guildId);
      if (entry != null && now.isBefore(entry.expiresAt())) {
        hits.increment();
        return entry.community();
      }
    }
    misses.increment();
    Optional<CommunityConfig> community = read(guildId);
    Entry fresh = new Entry(community, now.plus(ttl));
    synchronized (cache) {
      cache.remove(guildId); // re-inserted last: the map stays in expiry order
      cache.put(guildId, fresh);
      var eldest = cache.entrySet().iterator();
      while (cache.size() > maxGuilds) {
        eldest.next();
        eldest.remove();
      }
    }
    return community;
  }

  /**
   * The community with this id, active or not; empty when there is none. For the rare lookup
   * without a guild (a component in a direct message carries the community id): always read from
   * the database, never held.
   */
  public Optional<CommunityConfig> communityById(CommunityId id) {
    return transactions.withoutCommunity(() -> communities.find(id));
  }

  /** Drops what is held for the guild: its next command reads the database. */
  /** Saves a community (the first {@code /onboard} in a guild); call inside a transaction. */
  public void save(CommunityConfig community) {
    communities.save(community);
  }

  public void forget(long guildId) {
    synchronized (cache) {
      cache.remove(guildId);
    }
  }

  /** Calls answered from memory, since start. */
  public long hits() {
    return hits.sum();
  }

  /** Calls that read the database because nothing fresh was held (none without a TTL). */
  public long misses() {
    return misses.sum();
  }

  /** Guilds held now, expired ones included until they are read again or pushed out. */
  public int size() {
    synchronized (cache) {
      return cache.size();
    }
  }

  private Optional<CommunityConfig> read(long guildId) {
    return transactions.withoutCommunity(() -> communities.findByGuild(new Snowflake(guildId)));
  }
}
