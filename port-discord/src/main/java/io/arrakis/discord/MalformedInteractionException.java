package io.arrakis.discord;

import java.util.OptionalLong;

/**
 * An INTERACTION_CREATE payload that cannot become an {@link Interaction}: not JSON, a required
 * field missing or of the wrong shape, or a type this system does not handle. Permanent — retrying
 * the same bytes fails the same way, so the worker dead-letters the message with {@link
 * #getMessage()} as the reason. The message names the field and, when it could be read, the
 * interaction id; it never contains the interaction token.
 */
public final class MalformedInteractionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long interactionId;
  private final boolean hasInteractionId;

  public MalformedInteractionException(String reason) {
    super(reason);
    this.interactionId = 0;
    this.hasInteractionId = false;
  }

  public MalformedInteractionException(long interactionId, String reason) {
    super("interaction " + Long.toUnsignedString(interactionId) + ": " + reason);
    this.interactionId = interactionId;
    this.hasInteractionId = true;
  }

  /** The interaction's id when the payload had a readable one. */
  public OptionalLong interactionId() {
    return hasInteractionId ? OptionalLong.of(interactionId) : OptionalLong.empty();
  }
}
