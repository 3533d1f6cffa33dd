package io.arrakis.jda.actions;

import io.arrakis.discord.action.DiscordAction;
import java.util.List;

/**
 * Where the member list read for a {@link DiscordAction.RequestMembers} goes: the ingestor paces
 * each page request within the global REST budget and publishes the pages as {@code
 * GUILD_MEMBERS_CHUNK} events for the workers' member mirror.
 */
public interface MemberListSink {

  /**
   * Waits for the REST budget before one page request.
   *
   * @return false to stop reading (the budget stayed full too long, or the process is stopping):
   *     the action is retried later
   */
  boolean beforePage() throws InterruptedException;

  /**
   * Every page was read (Discord's member JSON arrays, in id order): delivers them durably, or
   * throws, and the action is retried later.
   */
  void deliver(DiscordAction.RequestMembers request, List<byte[]> pages) throws Exception;

  /** For an executor that does not read member lists: the action is refused. */
  MemberListSink NONE =
      new MemberListSink() {
        @Override
        public boolean beforePage() {
          return false;
        }

        @Override
        public void deliver(DiscordAction.RequestMembers request, List<byte[]> pages) {
          throw new UnsupportedOperationException("no member list sink");
        }
      };
}
