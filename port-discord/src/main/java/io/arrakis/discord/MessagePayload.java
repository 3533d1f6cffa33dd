package io.arrakis.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A message the bot sends or edits through an interaction: text, up to 10 embeds, up to 5 action
 * rows and flags. When it edits a message it replaces the content, embeds and components (an empty
 * list clears them), so a payload is always the whole message.
 *
 * @param content the text, {@code ""} for none (≤ 2,000 characters)
 */
public record MessagePayload(
    String content, List<Embed> embeds, List<ActionRow> components, Set<MessageFlag> flags) {

  public MessagePayload {
    Limits.length("content", content, 2000);
    embeds = List.copyOf(embeds);
    components = List.copyOf(components);
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    if (embeds.size() > 10) {
      throw new IllegalArgumentException("a message has at most 10 embeds");
    }
    if (components.size() > 5) {
      throw new IllegalArgumentException("a message has at most 5 action rows");
    }
  }

  public boolean ephemeral() {
    return flags.contains(MessageFlag.EPHEMERAL);
  }

  /** A plain public text message. */
  public static MessagePayload text(String content) {
    return new MessagePayload(content, List.of(), List.of(), Set.of());
  }

  /** A text visible only to the caller (every error reply, §1.1). */
  public static MessagePayload ephemeralText(String content) {
    return new MessagePayload(content, List.of(), List.of(), Set.of(MessageFlag.EPHEMERAL));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MessagePayload}. */
  public static final class Builder {
    private String content = "";
    private final List<Embed> embeds = new ArrayList<>();
    private final List<ActionRow> components = new ArrayList<>();
    private final Set<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);

    private Builder() {}

    public Builder content(String content) {
      this.content = Objects.requireNonNull(content, "content");
      return this;
    }

    public Builder embed(Embed embed) {
      embeds.add(Objects.requireNonNull(embed, "embed"));
      return this;
    }

    public Builder row(RowComponent... components) {
      this.components.add(ActionRow.of(components));
      return this;
    }

    public Builder row(ActionRow row) {
      components.add(Objects.requireNonNull(row, "row"));
      return this;
    }

    public Builder flag(MessageFlag flag) {
      flags.add(Objects.requireNonNull(flag, "flag"));
      return this;
    }

    public Builder ephemeral() {
      return flag(MessageFlag.EPHEMERAL);
    }

    public MessagePayload build() {
      return new MessagePayload(content, embeds, components, flags);
    }
  }
}
