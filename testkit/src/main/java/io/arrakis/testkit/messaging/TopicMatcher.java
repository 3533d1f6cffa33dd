package io.arrakis.testkit.messaging;

/** AMQP topic matching: words split by dots, {@code *} one word, {@code #} zero or more. */
final class TopicMatcher {
  private TopicMatcher() {}

  static boolean matches(String pattern, String routingKey) {
    return match(pattern.split("\\.", -1), 0, routingKey.split("\\.", -1), 0);
  }

  private static boolean match(String[] p, int pi, String[] k, int ki) {
    if (pi == p.length) {
      return ki == k.length;
    }
    if (p[pi].equals("#")) {
      for (int skip = ki; skip <= k.length; skip++) {
        if (match(p, pi + 1, k, skip)) {
          return true;
        }
      }
      return false;
    }
    if (ki == k.length) {
      return false;
    }
    return (p[pi].equals("*") || p[pi].equals(k[ki])) && match(p, pi + 1, k, ki + 1);
  }
}
