package io.arrakis.evm;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.eligibility.TokenRef;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The process-lifetime {@link ScanStore}: a restart rescans from the token's start block. */
final class InMemoryScanStore implements ScanStore {

  private final Map<TokenRef, Progress> progress = new ConcurrentHashMap<>();

  @Override
  public Optional<Progress> progress(TokenRef token) {
    return Optional.ofNullable(progress.get(token));
  }

  @Override
  public void commitWindow(
      TokenRef token, long lastBlock, Map<Address, Long> burners, Map<Address, Long> candidates) {
    progress.compute(
        token,
        (key, old) -> {
          var allBurners = new HashSet<Address>(burners.keySet());
          var allCandidates = new HashSet<Address>(candidates.keySet());
          long cursor = lastBlock;
          if (old != null) {
            allBurners.addAll(old.burners());
            allCandidates.addAll(old.candidates());
            cursor = Math.max(cursor, old.lastScannedBlock());
          }
          return new Progress(cursor, allBurners, allCandidates);
        });
  }
}
