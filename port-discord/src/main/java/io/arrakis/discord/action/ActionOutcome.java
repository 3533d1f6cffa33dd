package io.arrakis.discord.action;

import java.time.Duration;
import java.util.Objects;

/**
 * What became of one {@link DiscordAction} the executor tried.
 *
 * <p>{@code httpStatus} is the status of Discord's last answer, 0 when no request was sent: the
 * caller counts 401, 403 and 429 answers against Discord's invalid-request limit (10,000 per 10
 * minutes bans the IP).
 */
public sealed interface ActionOutcome {

  int httpStatus();

  /** Discord did it (or it was already so: a role the member already had). */
  record Done(int requests, int httpStatus) implements ActionOutcome {}

  /**
   * A transient failure (5xx, a time-out, a rate limit longer than the executor waits): try again
   * after {@code after}.
   */
  record Retry(String reason, Duration after, int httpStatus) implements ActionOutcome {
    public Retry {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(after, "after");
    }
  }

  /**
   * Can never succeed as asked (missing permission, a role above the bot's, unknown member, role or
   * channel, DMs closed): dead-letter it with the reason.
   *
   * @param errorClass a short stable name, e.g. {@code RoleAboveBot}, {@code DmClosed}
   */
  record Refused(String errorClass, String reason, int httpStatus) implements ActionOutcome {
    public Refused {
      Objects.requireNonNull(errorClass, "errorClass");
      Objects.requireNonNull(reason, "reason");
    }

    public boolean requestSent() {
      return httpStatus != 0;
    }
  }
}
