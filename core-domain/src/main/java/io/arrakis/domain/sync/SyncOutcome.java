package io.arrakis.domain.sync;

import io.arrakis.domain.effect.Effect;
import io.arrakis.domain.eligibility.RankingDiff;
import io.arrakis.domain.eligibility.SyncHealth;
import java.util.List;

/** What one community's sync decided. Effects are returned, never performed. */
public sealed interface SyncOutcome {
  List<Effect> effects();

  /** Effects caused by a change (everything except the census post and run-summary audits). */
  default List<Effect> changeEffects() {
    return effects().stream().filter(e -> !e.routine()).toList();
  }

  /**
   * A new ranking was produced.
   *
   * @param baseline the community's first sync: empty diff, no alerts, no the-door posts
   */
  record Succeeded(StateChanges changes, RankingDiff diff, boolean baseline, List<Effect> effects)
      implements SyncOutcome {
    public Succeeded {
      effects = List.copyOf(effects);
    }
  }

  /**
   * The chain refresh failed, the sanity guard tripped, or a core step failed: health records the
   * failure and enters grace; nothing else happens (spec §3.5).
   */
  record Failed(SyncHealth health, String error, List<Effect> effects) implements SyncOutcome {
    public Failed {
      effects = List.copyOf(effects);
    }
  }
}
