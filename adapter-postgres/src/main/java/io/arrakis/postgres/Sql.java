package io.arrakis.postgres;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jspecify.annotations.Nullable;

/** Conversions between domain values and JDBC: instants as timestamptz, amounts as numeric. */
final class Sql {
  private Sql() {}

  /**
   * Binds {@link Instant} as {@code timestamptz} (an offset date-time in UTC), never local time.
   */
  static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
    InstantArgumentFactory() {
      super(Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
      return (position, statement, ctx) ->
          statement.setObject(position, value.atOffset(ZoneOffset.UTC));
    }
  }

  /** Binds {@link UUID} natively; a null is sent untyped so PostgreSQL infers {@code uuid}. */
  static final class UuidArgumentFactory extends AbstractArgumentFactory<UUID> {
    UuidArgumentFactory() {
      super(Types.OTHER);
    }

    @Override
    protected Argument build(UUID value, ConfigRegistry config) {
      return (position, statement, ctx) -> statement.setObject(position, value);
    }
  }

  static @Nullable Instant orNull(Optional<Instant> value) {
    return value.orElse(null);
  }

  static @Nullable BigDecimal amount(Optional<BigInteger> value) {
    return value.map(BigDecimal::new).orElse(null);
  }

  static BigDecimal amount(BigInteger value) {
    return new BigDecimal(value);
  }

  static @Nullable Integer orNull(OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : null;
  }

  static @Nullable Long orNull(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  static Optional<Instant> optInstant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }

  static Optional<LocalDate> optDate(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, LocalDate.class));
  }

  static UUID uuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  static Optional<UUID> optUuid(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, UUID.class));
  }

  static BigInteger bigInteger(ResultSet rs, String column) throws SQLException {
    return rs.getBigDecimal(column).toBigIntegerExact();
  }

  static Optional<BigInteger> optBigInteger(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getBigDecimal(column)).map(BigDecimal::toBigIntegerExact);
  }

  static Optional<String> optString(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  static OptionalInt optInt(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
  }

  static OptionalLong optLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
  }

  static Optional<Long> optLongBoxed(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }
}
