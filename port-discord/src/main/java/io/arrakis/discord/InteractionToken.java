package io.arrakis.discord;

import java.util.Objects;

/**
 * What it takes to answer one interaction without the bot token: the interaction id and token (for
 * the callback) and the application id (for the webhook routes). The token is a credential for 15
 * minutes: {@link #toString()} never shows it.
 */
public record InteractionToken(long interactionId, long applicationId, String token) {
  public InteractionToken {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("interaction token must not be blank");
    }
  }

  @Override
  public String toString() {
    return "InteractionToken[interaction "
        + Long.toUnsignedString(interactionId)
        + ", application "
        + Long.toUnsignedString(applicationId)
        + ", token ***]";
  }
}
