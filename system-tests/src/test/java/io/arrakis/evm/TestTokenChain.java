package io.arrakis.evm;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.eligibility.TokenRef;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * For system tests: adapter-evm's {@link LocalEvmNode} (a real ganache node, from its test-jar)
 * with the test ERC-20 deployed, and the token operations a scenario needs. Lives in this package
 * because the node and its JSON-RPC helpers are package-private to adapter-evm.
 */
public final class TestTokenChain implements AutoCloseable {
  public static final long CHAIN_ID = LocalEvmNode.CHAIN_ID;

  private final LocalEvmNode node;
  private final LocalEvmNode.Compiled token;
  private final Address owner;
  private final Address contract;
  private final long deployBlock;

  private TestTokenChain(
      LocalEvmNode node, LocalEvmNode.Compiled token, Address owner, Address contract, long block) {
    this.node = node;
    this.token = token;
    this.owner = owner;
    this.contract = contract;
    this.deployBlock = block;
  }

  /**
   * Starts ganache (installing it with npm ci into {@code nodeDir} when needed) from adapter-evm's
   * node sources, and deploys the token from the first account.
   */
  public static TestTokenChain start(Path nodeSources, Path nodeDir) throws Exception {
    System.setProperty("evm.node.sources", nodeSources.toAbsolutePath().toString());
    System.setProperty("evm.node.dir", nodeDir.toAbsolutePath().toString());
    LocalEvmNode node = LocalEvmNode.start();
    try {
      LocalEvmNode.Compiled token = node.compileToken();
      Address owner = node.accounts().get(0);
      var receipt = node.transact(owner, null, token.bytecode());
      return new TestTokenChain(
          node,
          token,
          owner,
          new Address(receipt.get("contractAddress").asText()),
          Abi.parseQuantity(receipt.get("blockNumber").asText()));
    } catch (Exception e) {
      node.close();
      throw e;
    }
  }

  public URI url() {
    return node.url();
  }

  public TokenRef token() {
    return new TokenRef(CHAIN_ID, contract);
  }

  public long deployBlock() {
    return deployBlock;
  }

  /** The node's unlocked accounts (the first deployed the token). */
  public List<Address> accounts() throws Exception {
    return node.accounts();
  }

  public void mint(Address to, BigInteger baseUnits) throws Exception {
    node.transact(
        owner, contract, token.call("mint(address,uint256)", Abi.word(to), Abi.word(baseUnits)));
  }

  /** {@code burn} of ERC20Burnable: a Transfer to the zero address from an unlocked account. */
  public void burn(Address from, BigInteger baseUnits) throws Exception {
    node.transact(from, contract, token.call("burn(uint256)", Abi.word(baseUnits)));
  }

  @Override
  public void close() {
    node.close();
  }
}
