package io.arrakis.domain.eligibility;

/** Why a wallet left eligibility (spec §3.3), with the words the-door uses (§14.1). */
public enum RemovalReason {
  OVERRIDE("override", "removed by the council"),
  REDEMPTION("redemption", "redeemed"),
  BALANCE_ZERO("balance_zero", "holds no more"),
  RANK_CHANGE("rank_change", "fell below the threshold");

  private final String id;
  private final String words;

  RemovalReason(String id, String words) {
    this.id = id;
    this.words = words;
  }

  public String id() {
    return id;
  }

  public String words() {
    return words;
  }
}
