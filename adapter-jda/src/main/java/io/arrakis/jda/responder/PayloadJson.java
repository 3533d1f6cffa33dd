package io.arrakis.jda.responder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.discord.Attachment;
import io.arrakis.discord.AutocompleteChoices;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessageFlag;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.Modal;
import io.arrakis.jda.actions.MessageJson;
import java.util.List;

/** The port's outgoing values as Discord's JSON (API v10). */
final class PayloadJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private PayloadJson() {}

  static ObjectNode callback(InteractionResponse response) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("type", response.type());
    if (response instanceof InteractionResponse.Reply r) {
      o.set("data", message(r.message()));
    } else if (response instanceof InteractionResponse.Defer d) {
      if (d.ephemeral()) {
        o.putObject("data").put("flags", MessageFlag.EPHEMERAL.bit());
      }
    } else if (response instanceof InteractionResponse.UpdateMessage u) {
      o.set("data", replacement(u.message()));
    } else if (response instanceof InteractionResponse.Autocomplete a) {
      o.set("data", choices(a.choices()));
    } else if (response instanceof InteractionResponse.ShowModal m) {
      o.set("data", modal(m.modal()));
    }
    // DeferUpdate: no data.
    return o;
  }

  /** The files a callback uploads: those of a reply (4) or an update (7), else none. */
  static List<Attachment> files(InteractionResponse response) {
    if (response instanceof InteractionResponse.Reply r) {
      return r.message().attachments();
    }
    if (response instanceof InteractionResponse.UpdateMessage u) {
      return u.message().attachments();
    }
    return List.of();
  }

  /**
   * A new message: content, embeds and components always present, flags only when set, and the
   * {@code attachments} list when it has files. One encoder serves replies and queued actions
   * alike; embed images and files, which queued actions do not carry, are added here.
   */
  static ObjectNode message(MessagePayload p) {
    ObjectNode o = MessageJson.encode(p);
    ArrayNode embeds = (ArrayNode) o.get("embeds");
    for (int i = 0; i < p.embeds().size(); i++) {
      ObjectNode embed = (ObjectNode) embeds.get(i);
      p.embeds().get(i).imageUrl().ifPresent(u -> embed.putObject("image").put("url", u));
    }
    if (p.hasAttachments()) {
      attachments(o, p);
    }
    return o;
  }

  /**
   * A message replacing another (an update or an edit): as {@link #message}, with {@code
   * attachments} always present, so that an edit without files removes those the replaced version
   * uploaded (an absent field would keep them, as it keeps any field).
   */
  static ObjectNode replacement(MessagePayload p) {
    ObjectNode o = message(p);
    attachments(o, p);
    return o;
  }

  /** File i travels as form part {@code files[i]}; the entry's id ties it to the part. */
  private static void attachments(ObjectNode o, MessagePayload p) {
    ArrayNode attachments = o.putArray("attachments");
    for (int i = 0; i < p.attachments().size(); i++) {
      Attachment a = p.attachments().get(i);
      ObjectNode entry = attachments.addObject().put("id", i).put("filename", a.filename());
      a.description().ifPresent(d -> entry.put("description", d));
    }
  }

  static ObjectNode modal(Modal m) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("custom_id", m.customId());
    o.put("title", m.title());
    ArrayNode rows = o.putArray("components");
    for (Modal.TextInput in : m.inputs()) {
      ObjectNode t = rows.addObject().put("type", 1).putArray("components").addObject();
      t.put("type", 4);
      t.put("custom_id", in.customId());
      t.put("label", in.label());
      t.put("style", in.style().value());
      t.put("required", in.required());
      in.minLength().ifPresent(v -> t.put("min_length", v));
      in.maxLength().ifPresent(v -> t.put("max_length", v));
      in.placeholder().ifPresent(v -> t.put("placeholder", v));
      in.value().ifPresent(v -> t.put("value", v));
    }
    return o;
  }

  static ObjectNode choices(AutocompleteChoices choices) {
    ObjectNode o = MAPPER.createObjectNode();
    ArrayNode a = o.putArray("choices");
    for (AutocompleteChoices.Choice c : choices.choices()) {
      ObjectNode n = a.addObject().put("name", c.name());
      AutocompleteChoices.Value v = c.value();
      if (v instanceof AutocompleteChoices.TextValue t) {
        n.put("value", t.value());
      } else if (v instanceof AutocompleteChoices.IntegerValue i) {
        n.put("value", i.value());
      } else if (v instanceof AutocompleteChoices.NumberValue d) {
        n.put("value", d.value());
      }
    }
    return o;
  }
}
