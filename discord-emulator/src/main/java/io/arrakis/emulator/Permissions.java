package io.arrakis.emulator;

/** Discord permission bits the emulator reasons about, and the standard resolution algorithm. */
public final class Permissions {
  public static final long CREATE_INSTANT_INVITE = 1L;
  public static final long KICK_MEMBERS = 1L << 1;
  public static final long BAN_MEMBERS = 1L << 2;
  public static final long ADMINISTRATOR = 1L << 3;
  public static final long MANAGE_CHANNELS = 1L << 4;
  public static final long MANAGE_GUILD = 1L << 5;
  public static final long ADD_REACTIONS = 1L << 6;
  public static final long VIEW_CHANNEL = 1L << 10;
  public static final long SEND_MESSAGES = 1L << 11;
  public static final long EMBED_LINKS = 1L << 14;
  public static final long ATTACH_FILES = 1L << 15;
  public static final long READ_MESSAGE_HISTORY = 1L << 16;
  public static final long MENTION_EVERYONE = 1L << 17;
  public static final long USE_EXTERNAL_EMOJIS = 1L << 18;
  public static final long CHANGE_NICKNAME = 1L << 26;
  public static final long MANAGE_ROLES = 1L << 28;
  public static final long USE_APPLICATION_COMMANDS = 1L << 31;
  public static final long SEND_MESSAGES_IN_THREADS = 1L << 38;

  /** Every permission bit Discord currently defines (0 … 50). */
  public static final long ALL = (1L << 51) - 1;

  /** What a fresh guild's @everyone role gets. */
  public static final long EVERYONE_DEFAULT =
      CREATE_INSTANT_INVITE
          | ADD_REACTIONS
          | VIEW_CHANNEL
          | SEND_MESSAGES
          | EMBED_LINKS
          | ATTACH_FILES
          | READ_MESSAGE_HISTORY
          | USE_EXTERNAL_EMOJIS
          | CHANGE_NICKNAME
          | USE_APPLICATION_COMMANDS
          | SEND_MESSAGES_IN_THREADS;

  private Permissions() {}
}
