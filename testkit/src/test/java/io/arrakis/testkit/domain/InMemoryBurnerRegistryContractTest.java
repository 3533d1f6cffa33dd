package io.arrakis.testkit.domain;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.eligibility.TokenRef;
import io.arrakis.domain.port.BurnerRegistry;
import io.arrakis.domain.port.BurnerRegistry.Burn;
import java.util.Optional;

class InMemoryBurnerRegistryContractTest extends AbstractBurnerRegistryContractTest {
  private final InMemoryBurnerRegistry fake = new InMemoryBurnerRegistry();

  @Override
  protected BurnerRegistry registry() {
    return fake;
  }

  @Override
  protected Optional<Burn> storedBurn(TokenRef token, Address address) {
    return fake.burn(token, address);
  }
}
