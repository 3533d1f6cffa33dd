package io.arrakis.testkit.state;

import io.arrakis.state.GatewayCheckpointStore;

class InMemoryGatewayCheckpointStoreContractTest
    extends AbstractGatewayCheckpointStoreContractTest {
  @Override
  protected GatewayCheckpointStore emptyStore() {
    return new InMemoryGatewayCheckpointStore();
  }
}
