package io.arrakis.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.domain.common.Address;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransferFindingsTest {

  private static final Address A = address(0xa);
  private static final Address B = address(0xb);
  private static final Address DEAD = new Address("0x000000000000000000000000000000000000dEaD");

  private final ArrayNode logs = JsonRpc.MAPPER.createArrayNode();

  @Test
  void aMint_makesTheRecipientACandidate() {
    transfer(5, Address.ZERO, A);

    TransferFindings findings = TransferFindings.of(logs, Set.of(Address.ZERO));

    assertThat(findings.candidates()).isEqualTo(Map.of(A, 5L));
    assertThat(findings.burners()).isEmpty();
  }

  @Test
  void aTransferToTheZeroAddress_makesTheSenderABurner_andTheZeroAddressNoCandidate() {
    transfer(5, Address.ZERO, A);
    transfer(9, A, Address.ZERO);

    TransferFindings findings = TransferFindings.of(logs, Set.of(Address.ZERO));

    assertThat(findings.burners()).isEqualTo(Map.of(A, 9L));
    assertThat(findings.candidates()).isEqualTo(Map.of(A, 5L));
  }

  @Test
  void givenDeadConfiguredAsBurnAddress_aTransferThereIsABurn() {
    transfer(3, A, DEAD);
    transfer(4, B, A);

    assertThat(TransferFindings.of(logs, Set.of(Address.ZERO, DEAD)).burners())
        .isEqualTo(Map.of(A, 3L));
    // With only the spec's zero address, 0x…dead is an ordinary holder.
    assertThat(TransferFindings.of(logs, Set.of(Address.ZERO)).candidates())
        .isEqualTo(Map.of(DEAD, 3L, A, 4L));
  }

  @Test
  void eachAddressKeepsTheFirstBlockItWasSeenAt() {
    transfer(20, A, B);
    transfer(12, A, B);
    transfer(30, B, Address.ZERO);
    transfer(25, B, Address.ZERO);

    TransferFindings findings = TransferFindings.of(logs, Set.of(Address.ZERO));

    assertThat(findings.candidates()).isEqualTo(Map.of(B, 12L));
    assertThat(findings.burners()).isEqualTo(Map.of(B, 25L));
  }

  @Test
  void removedLogsAndNonErc20TransfersAreSkipped() {
    transfer(1, A, Address.ZERO).put("removed", true);
    // ERC-721 Transfer: the token id is a fourth, indexed topic.
    ((ArrayNode) transfer(2, Address.ZERO, B).get("topics")).add("0x" + "0".repeat(63) + "1");
    ObjectNode other = transfer(3, A, B);
    ((ArrayNode) other.get("topics")).set(0, "0x" + "1".repeat(64));

    TransferFindings findings = TransferFindings.of(logs, Set.of(Address.ZERO));

    assertThat(findings.skipped()).isEqualTo(3);
    assertThat(findings.burners()).isEmpty();
    assertThat(findings.candidates()).isEmpty();
  }

  @Test
  void aResultThatIsNotAnArray_isRejected() {
    JsonNode notArray = JsonRpc.MAPPER.createObjectNode();
    assertThatThrownBy(() -> TransferFindings.of(notArray, Set.of(Address.ZERO)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private ObjectNode transfer(long block, Address from, Address to) {
    ObjectNode log = logs.addObject();
    log.put("blockNumber", Abi.quantity(block));
    log.putArray("topics")
        .add(Abi.TRANSFER_TOPIC)
        .add("0x" + Abi.word(from))
        .add("0x" + Abi.word(to));
    return log;
  }

  static Address address(int n) {
    return new Address(String.format("0x%040x", n));
  }
}
