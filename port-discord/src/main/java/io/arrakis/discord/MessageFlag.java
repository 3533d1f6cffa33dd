package io.arrakis.discord;

import java.util.Set;

/** Message flags a bot may set on an interaction reply. */
public enum MessageFlag {
  /** Do not include embeds when serialising the message (no link previews). */
  SUPPRESS_EMBEDS(1 << 2),
  /** Visible only to the user who invoked the interaction. */
  EPHEMERAL(1 << 6),
  /** Does not trigger push or desktop notifications. */
  SUPPRESS_NOTIFICATIONS(1 << 12);

  private final int bit;

  MessageFlag(int bit) {
    this.bit = bit;
  }

  /** The flag's bit in Discord's {@code flags} field. */
  public int bit() {
    return bit;
  }

  /** The bit field Discord expects for a set of flags. */
  public static int bits(Set<MessageFlag> flags) {
    int b = 0;
    for (MessageFlag f : flags) {
      b |= f.bit;
    }
    return b;
  }
}
