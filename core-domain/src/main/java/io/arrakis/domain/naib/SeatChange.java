package io.arrakis.domain.naib;

/** One change made by a seat evaluation. */
public sealed interface SeatChange {
  /** A member took a seat; audit {@code naib_seated}, alert {@code naib_seated}. */
  record Seated(SeatRecord record, boolean founding) implements SeatChange {}

  /** A holder lost a seat; audit {@code naib_unseated}, alert {@code naib_bump} when bumped. */
  record Unseated(SeatRecord record) implements SeatChange {}
}
