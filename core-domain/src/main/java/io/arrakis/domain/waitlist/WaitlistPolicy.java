package io.arrakis.domain.waitlist;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.Decision;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.eligibility.Ranking;
import io.arrakis.domain.eligibility.RankingEntry;
import java.util.List;
import java.util.Optional;

/** Waitlist registration rules (spec §6.3), each validation with its own error, in order. */
public final class WaitlistPolicy {
  public static final String INVALID_WALLET = "INVALID_WALLET";
  public static final String ALREADY_REGISTERED = "ALREADY_REGISTERED";
  public static final String WALLET_ALREADY_REGISTERED = "WALLET_ALREADY_REGISTERED";
  public static final String WALLET_NOT_PROVEN = "WALLET_NOT_PROVEN";
  public static final String NOT_RANKED = "NOT_RANKED";
  public static final String ALREADY_ELIGIBLE = "ALREADY_ELIGIBLE";
  public static final String OUTSIDE_RANGE = "OUTSIDE_RANGE";

  private final EligibilityRules rules;

  public WaitlistPolicy(EligibilityRules rules) {
    this.rules = rules;
  }

  /**
   * @param walletInput the wallet typed by the caller (or their linked wallet)
   * @param linkedWallet the wallet linked to the caller in this community, if any
   * @param activeRegistrations every active registration of the community
   */
  public Decision canRegister(
      UserId caller,
      String walletInput,
      Optional<Address> linkedWallet,
      List<WaitlistRegistration> activeRegistrations,
      Ranking ranking) {
    Optional<Address> parsed = Address.parse(walletInput);
    if (parsed.isEmpty()) {
      return Decision.rejected(INVALID_WALLET, "That isn't a valid wallet address.");
    }
    Address wallet = parsed.get();
    if (activeRegistrations.stream().anyMatch(r -> r.active() && r.userId().equals(caller))) {
      return Decision.rejected(ALREADY_REGISTERED, "You're already on the waitlist.");
    }
    if (activeRegistrations.stream().anyMatch(r -> r.active() && r.wallet().equals(wallet))) {
      return Decision.rejected(
          WALLET_ALREADY_REGISTERED, "This wallet is already registered on the waitlist.");
    }
    if (!linkedWallet.map(wallet::equals).orElse(false)) {
      return Decision.rejected(WALLET_NOT_PROVEN, "Prove you own this wallet first: /verify start");
    }
    Optional<RankingEntry> entry = ranking.entry(wallet).filter(RankingEntry::isRanked);
    if (entry.isEmpty()) {
      return Decision.rejected(NOT_RANKED, "This wallet is not in the current ranking.");
    }
    if (entry.get().eligible()) {
      return Decision.rejected(
          ALREADY_ELIGIBLE, "This wallet is already eligible. Link it with /verify start to join.");
    }
    int rank = entry.get().rank().getAsInt();
    if (!rules.isWaitlistRank(rank)) {
      return Decision.rejected(
          OUTSIDE_RANGE,
          "This wallet is ranked #"
              + rank
              + ", outside the waitlist range #"
              + rules.waitlistMin()
              + "–#"
              + rules.waitlistMax()
              + ".");
    }
    return Decision.allowed();
  }

  /** Registrations whose wallet left the range stay active; status shows a warning. */
  public boolean isOutsideRange(WaitlistRegistration registration, Ranking ranking) {
    return ranking
        .entry(registration.wallet())
        .filter(RankingEntry::isRanked)
        .map(e -> e.rank().getAsInt() > rules.waitlistMax())
        .orElse(true);
  }
}
