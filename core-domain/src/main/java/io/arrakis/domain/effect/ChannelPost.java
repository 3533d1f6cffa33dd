package io.arrakis.domain.effect;

import io.arrakis.domain.tiers.Tier;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the bot posts in a channel (spec §14). Wallets appear only truncated and never next to a
 * nym; the renderer formats amounts with the community's symbol and decimals.
 */
public sealed interface ChannelPost {

  /** the-door: "A new {Fedaykin/Naib} approaches the sietch" ("by decree" when unranked). */
  record Arrival(String wallet, Tier tier, OptionalInt rank, BigInteger balance, boolean byDecree)
      implements ChannelPost {}

  /** the-door: "Departure" with the reason in words, previous rank and tier. */
  record Departure(
      String wallet, String reasonWords, OptionalInt previousRank, Optional<Tier> previousTier)
      implements ChannelPost {}

  /** the-door: "The council grows". */
  record CouncilGrows(String wallet, int rank, BigInteger balance) implements ChannelPost {}

  /** the-door: "Council change". */
  record CouncilChange(String wallet, OptionalInt newRank) implements ChannelPost {}

  /** the-door: a story fragment of category {@code fedaykin_join} or {@code naib_join}. */
  record StoryFragment(String category) implements ChannelPost {}

  /** Census after each successful sync (spec §14.2). */
  record Census(
      Instant updatedAt,
      List<CensusLine> naib,
      List<CensusLine> fedaykin,
      List<CensusLine> byDecree,
      int eligibleCount,
      int eligibleTarget)
      implements ChannelPost {}

  /** One census line: {@code #r 0x1234...abcd — 1,234.56 BGT}. */
  record CensusLine(OptionalInt rank, String wallet, BigInteger balance) {}
}
