package io.arrakis.jda.responder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.discord.AutocompleteChoices;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessageFlag;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.Modal;
import io.arrakis.jda.actions.MessageJson;

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
      o.set("data", message(u.message()));
    } else if (response instanceof InteractionResponse.Autocomplete a) {
      o.set("data", choices(a.choices()));
    } else if (response instanceof InteractionResponse.ShowModal m) {
      o.set("data", modal(m.modal()));
    }
    // DeferUpdate: no data.
    return o;
  }

  /**
   * A whole message: content, embeds and components are always present so that an edit replaces
   * them (an absent field would keep the old value); flags only when set. One encoder serves
   * replies and queued actions alike.
   */
  static ObjectNode message(MessagePayload p) {
    return MessageJson.encode(p);
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
