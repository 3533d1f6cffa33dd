package io.arrakis.bot;

import io.arrakis.discord.MessagePayload;
import java.time.Instant;

/** The standard error replies of spec §1.1, all ephemeral. */
public final class Replies {
  private Replies() {}

  public static MessagePayload notSetUp() {
    return MessagePayload.ephemeralText(
        "Sietch isn't set up in this server yet. An administrator can run /onboard.");
  }

  public static MessagePayload notMember() {
    return MessagePayload.ephemeralText(
        "You don't have a profile here yet. Link an eligible wallet with /verify start —"
            + " onboarding then continues in your DMs.");
  }

  public static MessagePayload noWallet() {
    return MessagePayload.ephemeralText("You haven't linked a wallet. Run /verify start.");
  }

  public static MessagePayload notAdmin() {
    return MessagePayload.ephemeralText(
        "This command needs the Manage Server permission or the community's admin role.");
  }

  public static MessagePayload cooldown(Instant until) {
    return MessagePayload.ephemeralText(
        "You're going too fast. Try again <t:" + (until.getEpochSecond() + 1) + ":R>.");
  }

  public static MessagePayload rateLimited() {
    return MessagePayload.ephemeralText("Too many requests. Please wait a moment.");
  }

  public static MessagePayload dmClosed() {
    return MessagePayload.ephemeralText(
        "I couldn't send you a DM. Allow direct messages from server members and try again.");
  }

  public static MessagePayload notYours() {
    return MessagePayload.ephemeralText("This control belongs to someone else.");
  }

  public static MessagePayload internal() {
    return MessagePayload.ephemeralText("Something went wrong. Please try again in a moment.");
  }

  /** A control whose custom id no handler knows: an old message, or a forged id (spec §16). */
  public static MessagePayload staleControl() {
    return MessagePayload.ephemeralText(
        "This control is no longer available. Run the command again.");
  }

  /** A command this worker has no handler for (an old registration, a forged payload). */
  public static MessagePayload unknownCommand() {
    return MessagePayload.ephemeralText("This command isn't available.");
  }

  /** Only in a server: every Sietch command is guild-only (spec §1.1). */
  public static MessagePayload guildOnly() {
    return MessagePayload.ephemeralText("This command only works in a server.");
  }
}
