package io.arrakis.discord;

import java.util.Objects;

/**
 * The initial response to an interaction (the callback). Exactly one is accepted per interaction,
 * within 3 seconds of its creation; everything after goes through followups and edits.
 */
public sealed interface InteractionResponse {

  /** Discord's interaction callback type. */
  int type();

  /** Type 4: answer with a message now. */
  record Reply(MessagePayload message) implements InteractionResponse {
    public Reply {
      Objects.requireNonNull(message, "message");
    }

    @Override
    public int type() {
      return 4;
    }
  }

  /**
   * Type 5: "the bot is thinking…"; the answer comes later by editing the original. Whether the
   * final answer is ephemeral is decided here, not by the edit.
   */
  record Defer(boolean ephemeral) implements InteractionResponse {
    @Override
    public int type() {
      return 5;
    }
  }

  /** Type 6 (components, modal submits): acknowledge now, update the message later. */
  record DeferUpdate() implements InteractionResponse {
    @Override
    public int type() {
      return 6;
    }
  }

  /** Type 7 (components, modal submits): edit the message the component is attached to. */
  record UpdateMessage(MessagePayload message) implements InteractionResponse {
    public UpdateMessage {
      Objects.requireNonNull(message, "message");
    }

    @Override
    public int type() {
      return 7;
    }
  }

  /** Type 8 (autocomplete only). */
  record Autocomplete(AutocompleteChoices choices) implements InteractionResponse {
    public Autocomplete {
      Objects.requireNonNull(choices, "choices");
    }

    @Override
    public int type() {
      return 8;
    }
  }

  /** Type 9 (commands and components, not modal submits): open a form. */
  record ShowModal(Modal modal) implements InteractionResponse {
    public ShowModal {
      Objects.requireNonNull(modal, "modal");
    }

    @Override
    public int type() {
      return 9;
    }
  }
}
