package io.arrakis.domain.naib;

/** Why a seat record was closed (spec §5.1). */
public enum UnseatReason {
  BUMPED("bumped"),
  INELIGIBLE("ineligible"),
  LEFT_SERVER("left_server"),
  MANUAL("manual");

  private final String id;

  UnseatReason(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
