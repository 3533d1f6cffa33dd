package io.arrakis.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommonValuesTest {
  private static final String MIXED = "0xAbCdEf0123456789aBcDeF0123456789AbCdEf01";

  @Test
  void givenMixedCaseAddress_whenParsed_thenStoredLowerCaseAndTruncatedForDisplay() {
    Address a = Address.parse("  " + MIXED + " ").orElseThrow();
    assertThat(a.value()).isEqualTo(MIXED.toLowerCase());
    assertThat(a.truncated()).isEqualTo("0xabcd...ef01");
    assertThat(a).isEqualTo(new Address(MIXED));
    assertThat(a.toString()).isEqualTo(a.value());
  }

  @Test
  void givenMalformedAddresses_whenParsed_thenEmpty() {
    assertThat(Address.parse("0x123")).isEmpty();
    assertThat(Address.parse(MIXED.substring(2))).isEmpty();
    assertThat(Address.parse(MIXED.replace('A', 'g'))).isEmpty();
    assertThat(Address.isValid(MIXED)).isTrue();
    assertThatThrownBy(() -> new Address("nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAmounts_whenFormatted_thenThousandsSeparatorsAndTruncatedToTwoDecimals() {
    BigInteger amount = TokenAmounts.toBaseUnits(new BigDecimal("1234.5678"), 18);
    assertThat(TokenAmounts.format(amount, 18, "BGT")).isEqualTo("1,234.56 BGT");
    assertThat(TokenAmounts.format(BigInteger.ZERO, 18, "BGT")).isEqualTo("0.00 BGT");
    assertThat(TokenAmounts.toTokenUnits(BigInteger.TEN.pow(18), 18)).isEqualByComparingTo("1");
    assertThat(TokenAmounts.toBaseUnits(new BigDecimal("6.9"), 0)).isEqualTo(BigInteger.valueOf(6));
  }

  @Test
  void givenDecisions_thenAllowedAndRejectedCarryTheirReason() {
    assertThat(Decision.allowed().isAllowed()).isTrue();
    assertThat(Decision.allowed().rejectionCode()).isEmpty();
    Decision no = Decision.rejected("X", "because");
    assertThat(no.isAllowed()).isFalse();
    assertThat(no).isEqualTo(new Decision.Rejected("X", "because"));
  }

  @Test
  void givenIds_thenNilCommunityIdIsRefusedAndSnowflakesPrintUnsigned() {
    assertThatThrownBy(() -> new CommunityId(new UUID(0, 0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new UserId(-1).toString()).isEqualTo("18446744073709551615");
    assertThat(new Snowflake(42).toString()).isEqualTo("42");
    assertThat(IdGenerator.random().next()).isNotEqualTo(IdGenerator.random().next());
    assertThat(CommunityId.random().toString()).hasSize(36);
  }
}
