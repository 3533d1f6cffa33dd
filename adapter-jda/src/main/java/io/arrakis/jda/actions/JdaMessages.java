package io.arrakis.jda.actions;

import io.arrakis.discord.Button;
import io.arrakis.discord.Embed;
import io.arrakis.discord.EntitySelect;
import io.arrakis.discord.MessageFlag;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.RowComponent;
import io.arrakis.discord.StringSelect;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.actionrow.ActionRowChildComponent;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu.SelectTarget;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * port-discord's {@link MessagePayload} as JDA's {@link MessageCreateData} (DMs, channel posts) and
 * {@link MessageEditData} (edits of the bot's posts): content, embeds with every field the port
 * has, action rows of buttons (link buttons and emoji included), string selects and entity selects.
 * What reaches Discord is the JSON {@link MessageJson} writes for the same payload, plus {@code
 * allowed_mentions}.
 *
 * <ul>
 *   <li>{@link MessageFlag#EPHEMERAL} is dropped: it only means something for an interaction reply.
 *       {@link MessageFlag#SUPPRESS_EMBEDS} and {@link MessageFlag#SUPPRESS_NOTIFICATIONS} are kept
 *       on a new message; an edit can only change SUPPRESS_EMBEDS (Discord's rule).
 *   <li>Pings: only user mentions may ping ({@code allowed_mentions.parse = ["users"]}). Posts
 *       carry member-chosen text (nyms); an {@code @everyone} or a role mention in one must not
 *       ping the guild.
 *   <li>An edit replaces the whole message ({@link MessageEditBuilder#setReplace}): an empty list
 *       clears the embeds or components, as the port promises.
 *   <li>A button's emoji is read with {@link Emoji#fromFormatted}: unicode, or {@code <:name:id>}
 *       for a custom emoji.
 * </ul>
 *
 * <p>JDA validates as it builds: a payload Discord would refuse (an embed with nothing JDA counts
 * as content, a URL that is not http(s), an empty message) throws {@link IllegalArgumentException}
 * or {@link IllegalStateException} here, before any request. Thread-safe and stateless.
 */
public final class JdaMessages {
  /** What may ping: users only (see the class comment). */
  public static final EnumSet<MentionType> ALLOWED_MENTIONS = EnumSet.of(MentionType.USER);

  private JdaMessages() {}

  /** A new message (DM or channel post). */
  public static MessageCreateData create(MessagePayload payload) {
    return new MessageCreateBuilder()
        .setContent(payload.content())
        .setEmbeds(embeds(payload.embeds()))
        .setComponents(rows(payload.components()))
        .setSuppressEmbeds(payload.flags().contains(MessageFlag.SUPPRESS_EMBEDS))
        .setSuppressedNotifications(payload.flags().contains(MessageFlag.SUPPRESS_NOTIFICATIONS))
        .setAllowedMentions(ALLOWED_MENTIONS)
        .build();
  }

  /** The whole new state of an edited message. */
  public static MessageEditData edit(MessagePayload payload) {
    return new MessageEditBuilder()
        .setReplace(true)
        .setContent(payload.content())
        .setEmbeds(embeds(payload.embeds()))
        .setComponents(rows(payload.components()))
        .setSuppressEmbeds(payload.flags().contains(MessageFlag.SUPPRESS_EMBEDS))
        .setAllowedMentions(ALLOWED_MENTIONS)
        .build();
  }

  static List<MessageEmbed> embeds(List<Embed> embeds) {
    return embeds.stream().map(JdaMessages::embed).toList();
  }

  /** One embed; every part optional, as in the port. */
  public static MessageEmbed embed(Embed e) {
    EmbedBuilder b = new EmbedBuilder();
    e.title().ifPresent(b::setTitle);
    e.url().ifPresent(b::setUrl);
    e.description().ifPresent(b::setDescription);
    e.color().ifPresent(b::setColor);
    for (Embed.Field f : e.fields()) {
      b.addField(f.name(), f.value(), f.inline());
    }
    e.footer().ifPresent(b::setFooter);
    e.thumbnailUrl().ifPresent(b::setThumbnail);
    return b.build();
  }

  static List<ActionRow> rows(List<io.arrakis.discord.ActionRow> rows) {
    return rows.stream()
        .map(r -> ActionRow.of(r.components().stream().map(JdaMessages::component).toList()))
        .toList();
  }

  /** A button, a string select or an entity select. */
  public static ActionRowChildComponent component(RowComponent c) {
    if (c instanceof Button b) {
      return button(b);
    }
    if (c instanceof StringSelect s) {
      return stringSelect(s);
    }
    return entitySelect((EntitySelect) c);
  }

  private static net.dv8tion.jda.api.components.buttons.Button button(Button b) {
    Emoji emoji = b.emoji().map(Emoji::fromFormatted).orElse(null);
    String idOrUrl = b.style() == Button.Style.LINK ? b.url().orElseThrow() : b.customId().get();
    return net.dv8tion.jda.api.components.buttons.Button.of(
            ButtonStyle.fromKey(b.style().value()), idOrUrl, b.label(), emoji)
        .withDisabled(b.disabled());
  }

  private static StringSelectMenu stringSelect(StringSelect s) {
    StringSelectMenu.Builder b = StringSelectMenu.create(s.customId());
    for (StringSelect.Option o : s.options()) {
      SelectOption option = SelectOption.of(o.label(), o.value()).withDefault(o.isDefault());
      b.addOptions(o.description().map(option::withDescription).orElse(option));
    }
    s.placeholder().ifPresent(b::setPlaceholder);
    return b.setRequiredRange(s.minValues(), s.maxValues()).setDisabled(s.disabled()).build();
  }

  private static EntitySelectMenu entitySelect(EntitySelect s) {
    EntitySelectMenu.Builder b =
        switch (s.kind()) {
          case USER -> EntitySelectMenu.create(s.customId(), SelectTarget.USER);
          case ROLE -> EntitySelectMenu.create(s.customId(), SelectTarget.ROLE);
          case MENTIONABLE ->
              EntitySelectMenu.create(s.customId(), SelectTarget.USER, SelectTarget.ROLE);
          case CHANNEL -> EntitySelectMenu.create(s.customId(), SelectTarget.CHANNEL);
        };
    s.placeholder().ifPresent(b::setPlaceholder);
    return b.setRequiredRange(s.minValues(), s.maxValues()).setDisabled(s.disabled()).build();
  }
}
