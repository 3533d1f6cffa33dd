package io.arrakis.evm;

import com.fasterxml.jackson.databind.JsonNode;
import io.arrakis.domain.common.Address;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one window of {@code Transfer} logs says (spec §3.1 step 2): a transfer to a burn address
 * makes {@code from} a burner, any other transfer makes {@code to} a candidate. Each address is
 * mapped to the first block it was seen at in the window.
 *
 * @param skipped logs that are not ERC-20 transfers (wrong topic count, e.g. ERC-721) or were
 *     removed by a reorganisation
 */
record TransferFindings(Map<Address, Long> burners, Map<Address, Long> candidates, int skipped) {

  TransferFindings {
    burners = Map.copyOf(burners);
    candidates = Map.copyOf(candidates);
  }

  static TransferFindings of(JsonNode logs, Set<Address> burnAddresses) {
    if (!logs.isArray()) {
      throw new IllegalArgumentException("eth_getLogs result is not an array");
    }
    Map<Address, Long> burners = new HashMap<>();
    Map<Address, Long> candidates = new HashMap<>();
    int skipped = 0;
    for (JsonNode log : logs) {
      JsonNode topics = log.path("topics");
      if (log.path("removed").asBoolean(false)
          || topics.size() != 3
          || !Abi.TRANSFER_TOPIC.equalsIgnoreCase(topics.get(0).asText())) {
        skipped++;
        continue;
      }
      long block = Abi.parseQuantity(log.path("blockNumber").asText());
      Address from = Abi.topicAddress(topics.get(1).asText());
      Address to = Abi.topicAddress(topics.get(2).asText());
      if (burnAddresses.contains(to)) {
        if (!burnAddresses.contains(from)) {
          burners.merge(from, block, Math::min);
        }
      } else {
        candidates.merge(to, block, Math::min);
      }
    }
    return new TransferFindings(burners, candidates, skipped);
  }
}
