package io.arrakis.discord;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;

/** What became of one responder call, after the responder's own bounded retries. */
public sealed interface ResponseOutcome {

  /** Attempts made (1 = first try, no retry). */
  int attempts();

  default boolean sent() {
    return this instanceof Sent;
  }

  /**
   * Discord has the response.
   *
   * @param messageId the message created or edited, when Discord returned it
   * @param confirmed false when an earlier attempt's outcome was unknown (timeout) and a retry was
   *     told the work was already done (40060 for a callback, 10008 for a delete): it was sent, by
   *     the earlier attempt
   */
  record Sent(OptionalLong messageId, int attempts, boolean confirmed) implements ResponseOutcome {
    public Sent {
      Objects.requireNonNull(messageId, "messageId");
    }
  }

  /**
   * Discord refused and will refuse again: retrying (now or later) cannot help. The worker acks the
   * event; for {@link Reason#EXPIRED} it counts an interaction answered too late.
   */
  record Rejected(Reason reason, int httpStatus, int discordCode, String message, int attempts)
      implements ResponseOutcome {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * Discord could not be reached or kept failing (5xx, timeouts, a rate limit longer than the
   * responder waits). The worker may retry later if the interaction is still alive.
   *
   * @param mayHaveBeenDelivered a request whose response was lost: Discord may have acted on it.
   *     For a followup this means "do not resend blindly"
   */
  record Unavailable(String cause, int attempts, boolean mayHaveBeenDelivered)
      implements ResponseOutcome {
    public Unavailable {
      Objects.requireNonNull(cause, "cause");
    }
  }

  /** Why Discord refused, by its JSON error code. */
  enum Reason {
    /** 10062 Unknown interaction: the 3-second window passed (or a wrong id/token). */
    EXPIRED(10062),
    /** 40060 Interaction has already been acknowledged. */
    ALREADY_ACKNOWLEDGED(40060),
    /** 50027 Invalid Webhook Token: the 15 minutes after creation have passed. */
    TOKEN_INVALID(50027),
    /** 10015 Unknown Webhook: a followup or edit before the callback. */
    UNKNOWN_WEBHOOK(10015),
    /** 10008 Unknown Message: the message to edit or delete is gone. */
    UNKNOWN_MESSAGE(10008),
    /** 50035 Invalid Form Body: a payload Discord does not accept (a bug in the reply). */
    INVALID_FORM(50035),
    /** Any other 4xx. */
    OTHER(0);

    private final int code;

    Reason(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }

    public static Reason of(int discordCode) {
      return Arrays.stream(values())
          .filter(r -> r.code == discordCode && r != OTHER)
          .findFirst()
          .orElse(OTHER);
    }
  }
}
