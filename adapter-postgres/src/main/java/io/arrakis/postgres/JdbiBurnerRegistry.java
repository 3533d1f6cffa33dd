package io.arrakis.postgres;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.eligibility.TokenRef;
import io.arrakis.domain.port.BurnerRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@code chain_burners} (global, no row-level security): joins the thread's unit of work when one
 * is open. A burn already recorded is kept ({@code on conflict do nothing}); within one call the
 * earliest burn of an address is inserted first, so it is the one kept.
 */
final class JdbiBurnerRegistry implements BurnerRegistry {
  private static final Comparator<Burn> EARLIEST_FIRST =
      Comparator.comparingLong(Burn::firstBurnBlock).thenComparing(Burn::txHash);

  private final Session session;

  JdbiBurnerRegistry(Session session) {
    this.session = session;
  }

  @Override
  public boolean isBurner(TokenRef token, Address address) {
    return session.global(
        h ->
            h.createQuery(
                    """
                    select exists (select 1 from chain_burners where chain_id = :chain
                      and token_address = :token and address = :address)
                    """)
                .bind("chain", token.chainId())
                .bind("token", token.token().value())
                .bind("address", address.value())
                .mapTo(Boolean.class)
                .one());
  }

  @Override
  public Set<Address> burners(TokenRef token) {
    return session.global(
        h ->
            Set.copyOf(
                h.createQuery(
                        "select address from chain_burners where chain_id = :chain"
                            + " and token_address = :token")
                    .bind("chain", token.chainId())
                    .bind("token", token.token().value())
                    .map((rs, ctx) -> new Address(rs.getString("address")))
                    .list()));
  }

  @Override
  public void record(TokenRef token, Set<Burn> burns) {
    if (burns.isEmpty()) {
      return;
    }
    List<Burn> ordered = burns.stream().sorted(EARLIEST_FIRST).toList();
    session.global(
        h -> {
          PreparedBatch batch =
              h.prepareBatch(
                  """
                  insert into chain_burners (chain_id, token_address, address, first_burn_block,
                    tx_hash)
                  values (:chain, :token, :address, :block, :tx)
                  on conflict (chain_id, token_address, address) do nothing
                  """);
          for (Burn burn : ordered) {
            batch
                .bind("chain", token.chainId())
                .bind("token", token.token().value())
                .bind("address", burn.address().value())
                .bind("block", burn.firstBurnBlock())
                .bind("tx", burn.txHash())
                .add();
          }
          return batch.execute();
        });
  }
}
