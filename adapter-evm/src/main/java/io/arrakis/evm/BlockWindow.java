package io.arrakis.evm;

import java.util.ArrayList;
import java.util.List;

/** An inclusive block range {@code [from, to]} for one {@code eth_getLogs} request. */
record BlockWindow(long from, long to) {

  BlockWindow {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("bad window [" + from + ", " + to + "]");
    }
  }

  /**
   * Splits {@code [from, to]} into consecutive windows of at most {@code size} blocks; empty when
   * {@code from > to} (nothing new since the cursor).
   */
  static List<BlockWindow> split(long from, long to, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("window size must be positive: " + size);
    }
    List<BlockWindow> windows = new ArrayList<>();
    long start = Math.max(0, from);
    while (start <= to) {
      // Math.min on (start + size - 1) cannot overflow for block numbers below 2^62.
      long end = Math.min(to, start + size - 1);
      windows.add(new BlockWindow(start, end));
      start = end + 1;
    }
    return windows;
  }

  long blocks() {
    return to - from + 1;
  }

  @Override
  public String toString() {
    return "[" + from + ".." + to + "]";
  }
}
