package io.arrakis.testkit.domain;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.port.Repositories;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the repository contracts. An implementation returns its repositories from {@link
 * #repositories()}; storage may be shared between tests (a real database), because every test works
 * in communities it creates itself with random ids.
 */
public abstract class AbstractRepositoryContractTest {
  /** A fixed, microsecond-precise instant (PostgreSQL keeps microseconds). */
  protected static final Instant T0 = Instant.parse("2025-03-01T12:00:00.123456Z");

  protected Repositories repos;

  /** The repositories under test. */
  protected abstract Repositories repositories() throws Exception;

  @BeforeEach
  void openRepositories() throws Exception {
    repos = repositories();
  }

  /** Saves a new inactive Sietch-preset community with a random id and guild; returns its id. */
  protected CommunityId newCommunity() {
    CommunityId id = CommunityId.random();
    repos
        .communities()
        .save(SietchPreset.newCommunity(id, randomSnowflake(), "Guild " + id.value()));
    return id;
  }

  protected static Snowflake randomSnowflake() {
    return new Snowflake(ThreadLocalRandom.current().nextLong(1L, Long.MAX_VALUE));
  }

  protected static UserId randomUser() {
    return new UserId(ThreadLocalRandom.current().nextLong(1L, Long.MAX_VALUE));
  }

  protected static Address randomAddress() {
    byte[] bytes = new byte[20];
    ThreadLocalRandom.current().nextBytes(bytes);
    return new Address("0x" + HexFormat.of().formatHex(bytes));
  }

  protected static MemberId randomMember() {
    return MemberId.random();
  }

  protected static Instant at(long minutesAfterT0) {
    return T0.plus(minutesAfterT0, ChronoUnit.MINUTES);
  }
}
