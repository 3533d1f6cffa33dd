package io.arrakis.evm;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.eligibility.TokenRef;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the chain refresh keeps its progress per {@code (chain id, token)} (spec §3.1 step 3 and
 * the {@code chain_scan_state}, {@code chain_burners} and {@code chain_candidates} tables of §19):
 * the last scanned block and every burner and candidate found so far. A window's rows and the
 * cursor move together, so an interrupted scan resumes after the last committed window.
 *
 * <p>{@link #inMemory()} keeps it for the life of the process (a restart rescans from the start
 * block); a persistent implementation belongs to the persistence adapter.
 */
public interface ScanStore {

  /** Progress of a token's scan. */
  record Progress(long lastScannedBlock, Set<Address> burners, Set<Address> candidates) {
    public Progress {
      burners = Set.copyOf(burners);
      candidates = Set.copyOf(candidates);
    }
  }

  /** Empty when the token was never scanned. */
  Optional<Progress> progress(TokenRef token);

  /**
   * Adds one window's findings and moves the cursor to {@code lastBlock}, atomically.
   *
   * @param burners burner address to the first block it burned at within the window
   * @param candidates candidate address to the first block it received tokens at within the window
   */
  void commitWindow(
      TokenRef token, long lastBlock, Map<Address, Long> burners, Map<Address, Long> candidates);

  static ScanStore inMemory() {
    return new InMemoryScanStore();
  }
}
