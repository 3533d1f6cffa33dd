package io.arrakis.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.eligibility.TokenRef;
import io.arrakis.domain.port.BurnerRegistry;
import io.arrakis.domain.port.BurnerRegistry.Burn;
import io.arrakis.testkit.domain.AbstractBurnerRegistryContractTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class JdbiBurnerRegistryContractIT extends AbstractBurnerRegistryContractTest {
  @Override
  protected BurnerRegistry registry() {
    return TestDatabase.get().postgres.burners();
  }

  @Override
  protected Optional<Burn> storedBurn(TokenRef token, Address address) throws Exception {
    try (Connection c = TestDatabase.get().asApp();
        PreparedStatement s =
            c.prepareStatement(
                "select first_burn_block, tx_hash from chain_burners"
                    + " where chain_id = ? and token_address = ? and address = ?")) {
      s.setLong(1, token.chainId());
      s.setString(2, token.token().value());
      s.setString(3, address.value());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(new Burn(address, rs.getLong(1), rs.getString(2)))
            : Optional.empty();
      }
    }
  }

  @Test
  void givenAUnitOfWorkThatFails_thenItsBurnsAreRolledBack() {
    UnitOfWork uow = TestDatabase.get().postgres.unitOfWork();
    TokenRef token = new TokenRef(80094L, randomAddress());
    Burn burn = new Burn(randomAddress(), 1, randomTxHash());

    assertThatThrownBy(
            () ->
                uow.withoutCommunity(
                    () -> {
                      registry.record(token, Set.of(burn));
                      assertThat(registry.isBurner(token, burn.address())).isTrue();
                      throw new IllegalStateException("use case failed");
                    }))
        .hasMessage("use case failed");

    assertThat(registry.isBurner(token, burn.address())).isFalse();
  }

  @Test
  void givenACommunityUnitOfWork_thenTheGlobalTableJoinsIt() {
    Postgres postgres = TestDatabase.get().postgres;
    CommunityId community = CommunityId.random();
    postgres
        .repositories()
        .communities()
        .save(
            SietchPreset.newCommunity(
                community,
                new Snowflake(ThreadLocalRandom.current().nextLong(1L, Long.MAX_VALUE)),
                "burners"));
    TokenRef token = new TokenRef(80094L, randomAddress());
    Burn burn = new Burn(randomAddress(), 1, randomTxHash());

    boolean seenInside =
        postgres
            .unitOfWork()
            .inCommunity(
                community,
                () -> {
                  registry.record(token, Set.of(burn));
                  return registry.isBurner(token, burn.address());
                });

    assertThat(seenInside).isTrue();
    assertThat(registry.burners(token)).containsExactly(burn.address());
  }
}
