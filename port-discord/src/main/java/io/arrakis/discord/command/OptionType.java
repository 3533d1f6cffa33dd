package io.arrakis.discord.command;

/** Discord's application command option types (the {@code type} number on the wire). */
public enum OptionType {
  SUB_COMMAND(1),
  SUB_COMMAND_GROUP(2),
  STRING(3),
  INTEGER(4),
  BOOLEAN(5),
  USER(6),
  CHANNEL(7),
  ROLE(8),
  MENTIONABLE(9),
  NUMBER(10),
  ATTACHMENT(11);

  private final int value;

  OptionType(int value) {
    this.value = value;
  }

  /** The wire value. */
  public int value() {
    return value;
  }

  /** The type with wire value {@code value}. */
  public static OptionType of(int value) {
    for (OptionType t : values()) {
      if (t.value == value) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown option type " + value);
  }

  /** Subcommands and groups structure a command; every other type carries a value. */
  public boolean isSubcommandOrGroup() {
    return this == SUB_COMMAND || this == SUB_COMMAND_GROUP;
  }

  /** Only STRING, INTEGER and NUMBER options may have choices or autocomplete. */
  public boolean allowsChoices() {
    return this == STRING || this == INTEGER || this == NUMBER;
  }
}
