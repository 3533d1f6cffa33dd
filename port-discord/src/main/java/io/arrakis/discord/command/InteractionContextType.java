package io.arrakis.discord.command;

/** Where a (global) command may be used: Discord's {@code contexts} values. */
public enum InteractionContextType {
  /** In a guild. */
  GUILD(0),
  /** In the bot's DM. */
  BOT_DM(1),
  /** In group DMs and other users' DMs (user-installed apps). */
  PRIVATE_CHANNEL(2);

  private final int value;

  InteractionContextType(int value) {
    this.value = value;
  }

  /** The wire value. */
  public int value() {
    return value;
  }

  /** The context with wire value {@code value}. */
  public static InteractionContextType of(int value) {
    for (InteractionContextType t : values()) {
      if (t.value == value) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown interaction context type " + value);
  }
}
