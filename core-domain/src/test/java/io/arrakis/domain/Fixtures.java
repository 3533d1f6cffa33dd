package io.arrakis.domain;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.IdGenerator;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.ChannelConfig;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.RoleMapping;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.community.TokenConfig;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.Holding;
import io.arrakis.domain.roles.RoleKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Shared test values: addresses, BGT amounts and a deployed Sietch community. */
public final class Fixtures {
  public static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
  public static final Address TOKEN = addr(0xB6);

  private Fixtures() {}

  /** A distinct address per number: 0x000…0n. */
  public static Address addr(long n) {
    return new Address(String.format("0x%040x", n));
  }

  /** Whole BGT in base units (18 decimals). */
  public static BigInteger bgt(long units) {
    return BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(units));
  }

  public static BigInteger bgt(String units) {
    return new BigDecimal(units).movePointRight(18).toBigIntegerExact();
  }

  /** {@code count} holders: address n holds (1000 − n) BGT, so rank n = address n. */
  public static List<Holding> descendingHolders(int count) {
    List<Holding> holders = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      holders.add(new Holding(addr(n), bgt(1000 - n)));
    }
    return holders;
  }

  public static ChainHoldings chain(long block, List<Holding> balances, Set<Address> burners) {
    return new ChainHoldings(block, balances, burners);
  }

  /** Deterministic ids for tests. */
  public static IdGenerator sequentialIds() {
    AtomicLong next = new AtomicLong();
    return () -> new UUID(0x5E7C4L, next.incrementAndGet());
  }

  public static RoleMapping allRoles() {
    RoleMapping mapping = RoleMapping.empty();
    long id = 1000;
    for (RoleKey key : RoleKey.values()) {
      mapping = mapping.with(key, new Snowflake(id)).withParallel(key, new Snowflake(id + 500));
      id++;
    }
    return mapping;
  }

  public static Snowflake roleId(RoleKey key) {
    return new Snowflake(1000 + key.ordinal());
  }

  public static final Snowflake THE_DOOR = new Snowflake(77);
  public static final Snowflake CENSUS = new Snowflake(78);

  /** A deployed Sietch community with every role and both required channels. */
  public static CommunityConfig sietch() {
    CommunityConfig base =
        SietchPreset.newCommunity(
            new CommunityId(UUID.fromString("00000000-0000-0000-0000-00000000c0de")),
            new Snowflake(42),
            "Sietch Tabr");
    return base.withActive(true)
        .withToken(new TokenConfig(TokenConfig.BERACHAIN, Optional.of(TOKEN), "BGT", 18, 0))
        .withRoles(allRoles())
        .withChannels(
            new ChannelConfig(
                Optional.of(THE_DOOR), Optional.of(CENSUS), Optional.empty(), Set.of()));
  }
}
