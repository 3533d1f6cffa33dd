package io.arrakis.domain.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Conversions between base units (what is compared and stored) and token units (what people read),
 * spec §1.1.
 */
public final class TokenAmounts {
  private TokenAmounts() {}

  /** Token units to base units, truncating anything finer than the token's decimals. */
  public static BigInteger toBaseUnits(BigDecimal tokenUnits, int decimals) {
    return tokenUnits.movePointRight(decimals).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
  }

  public static BigDecimal toTokenUnits(BigInteger baseUnits, int decimals) {
    return new BigDecimal(baseUnits, decimals);
  }

  /** {@code 1,234.56 BGT}: thousands separators, truncated (not rounded) to 2 decimals. */
  public static String format(BigInteger baseUnits, int decimals, String symbol) {
    BigDecimal units = toTokenUnits(baseUnits, decimals).setScale(2, RoundingMode.DOWN);
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return format.format(units) + " " + symbol;
  }
}
