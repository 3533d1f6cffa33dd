package io.arrakis.jda.commands;

/**
 * Where a bulk overwrite applies: the application's global commands, or one guild's commands
 * (instant to update, handy for a test server).
 *
 * @param guildId the guild, or 0 for global
 */
public record CommandScope(long guildId) {

  public CommandScope {
    if (guildId < 0) {
      throw new IllegalArgumentException("guild id must be a positive snowflake: " + guildId);
    }
  }

  public static CommandScope global() {
    return new CommandScope(0);
  }

  public static CommandScope guild(long guildId) {
    if (guildId == 0) {
      throw new IllegalArgumentException("guild id must not be 0");
    }
    return new CommandScope(guildId);
  }

  public boolean isGlobal() {
    return guildId == 0;
  }

  /** The REST path below {@code /api/v10/}. */
  String path(long applicationId) {
    String app = "applications/" + Long.toUnsignedString(applicationId);
    return isGlobal() ? app + "/commands" : app + "/guilds/" + guildId + "/commands";
  }

  @Override
  public String toString() {
    return isGlobal() ? "global" : "guild " + guildId;
  }
}
