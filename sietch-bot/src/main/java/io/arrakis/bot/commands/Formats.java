package io.arrakis.bot.commands;

import io.arrakis.domain.common.TokenAmounts;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.EligibilityRules;
import java.math.BigInteger;
import java.time.Instant;

/**
 * The display conventions of spec §1.1 the command replies share, over the community's configured
 * token and ranks. Addresses are truncated by {@link io.arrakis.domain.common.Address#truncated()}
 * and amounts formatted by {@link TokenAmounts}; this only binds them to a community.
 */
public final class Formats {
  private Formats() {}

  /** {@code 1,234.56 BGT} in the community's token. */
  public static String amount(BigInteger baseUnits, CommunityConfig community) {
    return TokenAmounts.format(baseUnits, community.token().decimals(), community.token().symbol());
  }

  /** {@code 1,234.56}: the same figure without the symbol, for lists that state it once. */
  public static String number(BigInteger baseUnits, CommunityConfig community) {
    return TokenAmounts.format(baseUnits, community.token().decimals(), "").strip();
  }

  /** {@code #70}. */
  public static String rank(int rank) {
    return "#" + rank;
  }

  /** {@code #70–#100}: the community's waitlist range. */
  public static String waitlistRange(EligibilityRules rules) {
    return rank(rules.waitlistMin()) + "–" + rank(rules.waitlistMax());
  }

  /** {@code <t:1700000000:R>}: Discord renders it relative to the reader's clock. */
  public static String relative(Instant at) {
    return "<t:" + at.getEpochSecond() + ":R>";
  }

  /** A snowflake as Discord writes it (unsigned decimal). */
  public static String id(long snowflake) {
    return Long.toUnsignedString(snowflake);
  }
}
