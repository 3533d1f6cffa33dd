package io.arrakis.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A message the bot sends or edits through an interaction: text, up to 10 embeds, up to 5 action
 * rows, flags and up to 10 uploaded files. When it edits a message it replaces the content, embeds,
 * components and files (an empty list clears them), so a payload is always the whole message.
 *
 * <p>Embeds show an uploaded file by its {@code attachment://filename} URL; such a URL must name
 * one of {@link #attachments()}, checked here. Files travel with interaction answers only: queued
 * {@code DiscordAction}s do not carry them.
 *
 * @param content the text, {@code ""} for none (≤ 2,000 characters)
 */
public record MessagePayload(
    String content,
    List<Embed> embeds,
    List<ActionRow> components,
    Set<MessageFlag> flags,
    List<Attachment> attachments) {

  public static final int MAX_ATTACHMENTS = 10;

  public MessagePayload {
    Limits.length("content", content, 2000);
    embeds = List.copyOf(embeds);
    components = List.copyOf(components);
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    attachments = List.copyOf(attachments);
    if (embeds.size() > 10) {
      throw new IllegalArgumentException("a message has at most 10 embeds");
    }
    if (components.size() > 5) {
      throw new IllegalArgumentException("a message has at most 5 action rows");
    }
    if (attachments.size() > MAX_ATTACHMENTS) {
      throw new IllegalArgumentException(
          "a message has at most 10 attachments, got " + attachments.size());
    }
    Set<String> names = new HashSet<>();
    for (Attachment a : attachments) {
      if (!names.add(a.filename())) {
        throw new IllegalArgumentException("two attachments are named " + a.filename());
      }
    }
    for (Embed e : embeds) {
      requireAttached(e.thumbnailUrl(), names, "thumbnail");
      requireAttached(e.imageUrl(), names, "image");
    }
  }

  /** A message without files (the shape before attachments existed). */
  public MessagePayload(
      String content, List<Embed> embeds, List<ActionRow> components, Set<MessageFlag> flags) {
    this(content, embeds, components, flags, List.of());
  }

  private static void requireAttached(Optional<String> url, Set<String> names, String where) {
    if (url.isPresent() && url.get().startsWith("attachment://")) {
      String name = url.get().substring("attachment://".length());
      if (!names.contains(name)) {
        throw new IllegalArgumentException(
            "embed " + where + " " + url.get() + " names no attachment of this message");
      }
    }
  }

  public boolean hasAttachments() {
    return !attachments.isEmpty();
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
    private final List<Attachment> attachments = new ArrayList<>();

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

    /** Uploads a file with the message; embeds show it by {@link Attachment#reference()}. */
    public Builder attachment(Attachment attachment) {
      attachments.add(Objects.requireNonNull(attachment, "attachment"));
      return this;
    }

    public MessagePayload build() {
      return new MessagePayload(content, embeds, components, flags, attachments);
    }
  }
}
