package io.arrakis.discord;

final class Selects {
  private Selects() {}

  static void checkRange(int min, int max, int options) {
    if (min < 0 || max < 1 || min > max || max > Math.min(25, options)) {
      throw new IllegalArgumentException(
          "select min/max values out of range: " + min + "/" + max + " of " + options);
    }
  }
}
