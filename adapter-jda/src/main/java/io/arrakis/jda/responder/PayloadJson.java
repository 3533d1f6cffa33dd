package io.arrakis.jda.responder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.discord.ActionRow;
import io.arrakis.discord.AutocompleteChoices;
import io.arrakis.discord.Button;
import io.arrakis.discord.Embed;
import io.arrakis.discord.EntitySelect;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessageFlag;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.Modal;
import io.arrakis.discord.RowComponent;
import io.arrakis.discord.StringSelect;

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
   * them (an absent field would keep the old value); flags only when set.
   */
  static ObjectNode message(MessagePayload p) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("content", p.content());
    ArrayNode embeds = o.putArray("embeds");
    p.embeds().forEach(e -> embeds.add(embed(e)));
    ArrayNode rows = o.putArray("components");
    p.components().forEach(r -> rows.add(row(r)));
    int flags = MessageFlag.bits(p.flags());
    if (flags != 0) {
      o.put("flags", flags);
    }
    return o;
  }

  static ObjectNode embed(Embed e) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("type", "rich");
    e.title().ifPresent(t -> o.put("title", t));
    e.description().ifPresent(d -> o.put("description", d));
    e.url().ifPresent(u -> o.put("url", u));
    e.color().ifPresent(c -> o.put("color", c));
    if (!e.fields().isEmpty()) {
      ArrayNode fields = o.putArray("fields");
      for (Embed.Field f : e.fields()) {
        fields.addObject().put("name", f.name()).put("value", f.value()).put("inline", f.inline());
      }
    }
    e.footer().ifPresent(f -> o.putObject("footer").put("text", f));
    e.thumbnailUrl().ifPresent(u -> o.putObject("thumbnail").put("url", u));
    return o;
  }

  static ObjectNode row(ActionRow row) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("type", 1);
    ArrayNode cs = o.putArray("components");
    row.components().forEach(c -> cs.add(component(c)));
    return o;
  }

  static ObjectNode component(RowComponent c) {
    ObjectNode o = MAPPER.createObjectNode();
    if (c instanceof Button b) {
      o.put("type", 2);
      o.put("style", b.style().value());
      if (!b.label().isEmpty()) {
        o.put("label", b.label());
      }
      b.customId().ifPresent(id -> o.put("custom_id", id));
      b.url().ifPresent(u -> o.put("url", u));
      b.emoji().ifPresent(e -> o.putObject("emoji").put("name", e));
      if (b.disabled()) {
        o.put("disabled", true);
      }
    } else if (c instanceof StringSelect s) {
      o.put("type", 3);
      o.put("custom_id", s.customId());
      ArrayNode opts = o.putArray("options");
      for (StringSelect.Option opt : s.options()) {
        ObjectNode on = opts.addObject().put("label", opt.label()).put("value", opt.value());
        opt.description().ifPresent(d -> on.put("description", d));
        if (opt.isDefault()) {
          on.put("default", true);
        }
      }
      selectCommon(o, s.placeholder().orElse(null), s.minValues(), s.maxValues(), s.disabled());
    } else if (c instanceof EntitySelect s) {
      o.put("type", s.kind().componentType());
      o.put("custom_id", s.customId());
      selectCommon(o, s.placeholder().orElse(null), s.minValues(), s.maxValues(), s.disabled());
    }
    return o;
  }

  private static void selectCommon(
      ObjectNode o, String placeholder, int min, int max, boolean disabled) {
    if (placeholder != null) {
      o.put("placeholder", placeholder);
    }
    o.put("min_values", min);
    o.put("max_values", max);
    if (disabled) {
      o.put("disabled", true);
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
