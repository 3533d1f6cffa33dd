package io.arrakis.discord;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One incoming interaction (gateway INTERACTION_CREATE), as the worker routes it: a {@link
 * SlashCommand}, a {@link ComponentInteraction} (button or select), a {@link ModalSubmit} or an
 * {@link Autocomplete}. PING (type 1) only reaches HTTP interaction endpoints and is not modelled;
 * nor are context-menu commands (spec §15 registers slash commands only).
 *
 * <p>Every variant carries an {@link InteractionContext}; its {@code toString()} redacts the token,
 * so an interaction may be logged whole.
 */
public sealed interface Interaction {

  InteractionContext context();

  /** Discord's interaction type number (2 command, 3 component, 4 autocomplete, 5 modal submit). */
  int type();

  default InteractionToken token() {
    return context().token();
  }

  /**
   * A slash command (type 2, command type CHAT_INPUT). {@code subcommandGroup} / {@code subcommand}
   * are set when the user ran {@code /name group sub}; {@code options} are the innermost ones.
   */
  record SlashCommand(
      InteractionContext context,
      long commandId,
      String name,
      Optional<String> subcommandGroup,
      Optional<String> subcommand,
      CommandOptions options,
      Resolved resolved)
      implements Interaction {
    public SlashCommand {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(subcommandGroup, "subcommandGroup");
      Objects.requireNonNull(subcommand, "subcommand");
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(resolved, "resolved");
      if (subcommandGroup.isPresent() && subcommand.isEmpty()) {
        throw new IllegalArgumentException("a subcommand group always has a subcommand");
      }
    }

    /** The full invocation without the slash: {@code "register-waitlist register"}. */
    public String path() {
      return Interaction.path(name, subcommandGroup, subcommand);
    }

    @Override
    public int type() {
      return 2;
    }
  }

  /**
   * A click on a button or a pick in a select (type 3) on the message {@code messageId}. {@code
   * values} are the picked option values (string select) or entity ids as strings (entity selects,
   * resolved in {@code resolved}); empty for buttons.
   */
  record ComponentInteraction(
      InteractionContext context,
      String customId,
      ComponentType componentType,
      List<String> values,
      long messageId,
      Resolved resolved)
      implements Interaction {
    public ComponentInteraction {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(customId, "customId");
      Objects.requireNonNull(componentType, "componentType");
      values = List.copyOf(values);
      Objects.requireNonNull(resolved, "resolved");
      if (componentType == ComponentType.BUTTON && !values.isEmpty()) {
        throw new IllegalArgumentException("a button has no values");
      }
    }

    public CustomId parsedCustomId() {
      return CustomId.parse(customId);
    }

    @Override
    public int type() {
      return 3;
    }
  }

  /**
   * A submitted modal (type 5): the modal's custom id and its text inputs' values by input custom
   * id, in the modal's order. {@code messageId} is the message whose component opened the modal, if
   * any.
   */
  record ModalSubmit(
      InteractionContext context,
      String customId,
      Map<String, String> fields,
      OptionalLong messageId)
      implements Interaction {
    public ModalSubmit {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(customId, "customId");
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
      Objects.requireNonNull(messageId, "messageId");
    }

    public Optional<String> field(String inputCustomId) {
      return Optional.ofNullable(fields.get(inputCustomId));
    }

    public CustomId parsedCustomId() {
      return CustomId.parse(customId);
    }

    @Override
    public int type() {
      return 5;
    }
  }

  /**
   * The user is typing in an autocomplete option (type 4). {@code focusedOption} is its name and
   * {@code partialValue} what has been typed so far (always text, even for number options); {@code
   * options} holds the other options already filled in, without the focused one.
   */
  record Autocomplete(
      InteractionContext context,
      long commandId,
      String name,
      Optional<String> subcommandGroup,
      Optional<String> subcommand,
      CommandOptions options,
      String focusedOption,
      String partialValue)
      implements Interaction {
    public Autocomplete {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(subcommandGroup, "subcommandGroup");
      Objects.requireNonNull(subcommand, "subcommand");
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(focusedOption, "focusedOption");
      Objects.requireNonNull(partialValue, "partialValue");
    }

    /** {@code "admin-badge award"}. */
    public String path() {
      return Interaction.path(name, subcommandGroup, subcommand);
    }

    @Override
    public int type() {
      return 4;
    }
  }

  private static String path(String name, Optional<String> group, Optional<String> sub) {
    StringBuilder b = new StringBuilder(name);
    group.ifPresent(g -> b.append(' ').append(g));
    sub.ifPresent(s -> b.append(' ').append(s));
    return b.toString();
  }
}
