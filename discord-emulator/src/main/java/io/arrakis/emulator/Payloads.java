package io.arrakis.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.emulator.World.Channel;
import io.arrakis.emulator.World.Guild;
import io.arrakis.emulator.World.Member;
import io.arrakis.emulator.World.Overwrite;
import io.arrakis.emulator.World.Role;
import io.arrakis.emulator.World.User;

/**
 * Discord-shaped JSON for the world's entities, field for field as API v10 sends them (JDA reads
 * several of these fields without defaults, so none may be left out). Callers hold the world lock.
 */
final class Payloads {
  private Payloads() {}

  static ObjectNode user(User u) {
    ObjectNode o = Json.obj();
    o.put("id", Json.id(u.id));
    o.put("username", u.username);
    o.put("discriminator", "0");
    if (u.globalName == null) {
      o.putNull("global_name");
    } else {
      o.put("global_name", u.globalName);
    }
    o.putNull("avatar");
    o.putNull("avatar_decoration_data");
    o.put("public_flags", 0);
    if (u.bot) {
      o.put("bot", true);
    }
    return o;
  }

  static ObjectNode selfUser(User u) {
    ObjectNode o = user(u);
    o.put("flags", 0);
    o.put("verified", true);
    o.put("mfa_enabled", false);
    o.putNull("email");
    o.put("locale", "en-US");
    o.putNull("banner");
    o.putNull("accent_color");
    return o;
  }

  static ObjectNode role(Role r) {
    ObjectNode o = Json.obj();
    o.put("id", Json.id(r.id));
    o.put("name", r.name);
    o.put("color", r.color);
    ObjectNode colors = o.putObject("colors");
    colors.put("primary_color", r.color);
    colors.putNull("secondary_color");
    colors.putNull("tertiary_color");
    o.put("hoist", r.hoist);
    o.putNull("icon");
    o.putNull("unicode_emoji");
    o.put("position", r.position);
    o.put("permissions", Long.toString(r.permissions));
    o.put("managed", r.managed);
    o.put("mentionable", r.mentionable);
    o.put("flags", 0);
    if (r.botId != 0) {
      o.putObject("tags").put("bot_id", Json.id(r.botId));
    }
    return o;
  }

  static ObjectNode channel(Channel c) {
    ObjectNode o = Json.obj();
    o.put("id", Json.id(c.id));
    o.put("type", c.type);
    if (c.type == World.DM) {
      o.put("flags", 0);
      if (c.lastMessageId == 0) {
        o.putNull("last_message_id");
      } else {
        o.put("last_message_id", Json.id(c.lastMessageId));
      }
      return o;
    }
    o.put("guild_id", Json.id(c.guildId));
    o.put("name", c.name);
    o.put("position", c.position);
    o.put("flags", 0);
    ArrayNode ows = o.putArray("permission_overwrites");
    for (Overwrite ow : c.overwrites) {
      ObjectNode w = ows.addObject();
      w.put("id", Json.id(ow.id()));
      w.put("type", ow.type());
      w.put("allow", Long.toString(ow.allow()));
      w.put("deny", Long.toString(ow.deny()));
    }
    if (c.parentId == 0) {
      o.putNull("parent_id");
    } else {
      o.put("parent_id", Json.id(c.parentId));
    }
    if (c.type == World.GUILD_TEXT) {
      if (c.topic == null) {
        o.putNull("topic");
      } else {
        o.put("topic", c.topic);
      }
      o.put("nsfw", false);
      o.put("rate_limit_per_user", 0);
      if (c.lastMessageId == 0) {
        o.putNull("last_message_id");
      } else {
        o.put("last_message_id", Json.id(c.lastMessageId));
      }
    } else if (c.type == World.GUILD_VOICE) {
      o.put("nsfw", false);
      o.put("bitrate", 64000);
      o.put("user_limit", 0);
      o.putNull("rtc_region");
    }
    return o;
  }

  /** A guild member; {@code withUser} adds the nested user object (gateway and REST do). */
  static ObjectNode member(World w, Member m, boolean withUser) {
    ObjectNode o = Json.obj();
    if (withUser) {
      o.set("user", user(w.users.get(m.userId)));
    }
    if (m.nick == null) {
      o.putNull("nick");
    } else {
      o.put("nick", m.nick);
    }
    o.putNull("avatar");
    o.putNull("banner");
    ArrayNode roles = o.putArray("roles");
    for (long r : m.roles) {
      roles.add(Json.id(r));
    }
    o.put("joined_at", Json.iso(m.joinedAt));
    o.putNull("premium_since");
    o.put("deaf", false);
    o.put("mute", false);
    o.put("flags", 0);
    o.put("pending", false);
    o.putNull("communication_disabled_until");
    return o;
  }

  /** The GUILD_MEMBER_UPDATE / _ADD payload: a member with user and guild_id. */
  static ObjectNode memberEvent(World w, Guild g, Member m) {
    ObjectNode o = member(w, m, true);
    o.put("guild_id", Json.id(g.id));
    return o;
  }

  /** The REST guild object (no members, no channels). */
  static ObjectNode guild(World w, Guild g) {
    ObjectNode o = Json.obj();
    o.put("id", Json.id(g.id));
    o.put("name", g.name);
    o.putNull("icon");
    o.putNull("icon_hash");
    o.putNull("splash");
    o.putNull("discovery_splash");
    o.putNull("banner");
    o.putNull("description");
    o.put("owner_id", Json.id(g.ownerId));
    o.putNull("afk_channel_id");
    o.put("afk_timeout", 300);
    o.put("verification_level", 0);
    o.put("default_message_notifications", 0);
    o.put("explicit_content_filter", 0);
    ArrayNode roles = o.putArray("roles");
    for (Role r : g.roles.values()) {
      roles.add(role(r));
    }
    o.putArray("emojis");
    o.putArray("stickers");
    o.putArray("features");
    o.put("mfa_level", 0);
    o.putNull("application_id");
    o.putNull("system_channel_id");
    o.put("system_channel_flags", 0);
    o.putNull("rules_channel_id");
    o.putNull("public_updates_channel_id");
    o.putNull("safety_alerts_channel_id");
    o.putNull("vanity_url_code");
    o.put("premium_tier", 0);
    o.put("premium_subscription_count", 0);
    o.put("preferred_locale", g.locale);
    o.put("nsfw_level", 0);
    o.put("premium_progress_bar_enabled", false);
    o.putNull("max_members");
    return o;
  }

  /**
   * GUILD_CREATE as the gateway sends it: the guild plus channels, threads, members (everyone when
   * the guild is not "large", else only the bot), voice states, presences and the counters.
   */
  static ObjectNode guildCreate(World w, Guild g, int largeThreshold) {
    ObjectNode o = guild(w, g);
    o.put("joined_at", Json.iso(g.members.get(w.bot.id).joinedAt));
    boolean large = g.members.size() > largeThreshold;
    o.put("large", large);
    o.put("unavailable", false);
    o.put("member_count", g.members.size());
    o.putArray("voice_states");
    ArrayNode members = o.putArray("members");
    for (Member m : g.members.values()) {
      if (!large || m.userId == w.bot.id) {
        members.add(member(w, m, true));
      }
    }
    ArrayNode channels = o.putArray("channels");
    for (Channel c : g.channels.values()) {
      ObjectNode cj = channel(c);
      cj.remove("guild_id");
      channels.add(cj);
    }
    o.putArray("threads");
    o.putArray("presences");
    o.putArray("stage_instances");
    o.putArray("guild_scheduled_events");
    o.putArray("soundboard_sounds");
    return o;
  }

  /** A message as Discord returns and dispatches it. */
  static ObjectNode message(
      World w, long id, Channel c, User author, String content, JsonNode extra, int type) {
    ObjectNode o = Json.obj();
    o.put("id", Json.id(id));
    o.put("type", type);
    o.put("channel_id", Json.id(c.id));
    if (c.guildId != 0) {
      o.put("guild_id", Json.id(c.guildId));
    }
    o.set("author", user(author));
    o.put("content", content == null ? "" : content);
    o.put("timestamp", Json.iso(Snowflakes.timestampOf(id)));
    o.putNull("edited_timestamp");
    o.put("tts", false);
    o.put("mention_everyone", false);
    o.putArray("mentions");
    o.putArray("mention_roles");
    o.putArray("attachments");
    o.putArray("embeds");
    o.putArray("components");
    o.put("pinned", false);
    o.put("flags", 0);
    if (extra != null && extra.isObject()) {
      for (String f : new String[] {"embeds", "components", "flags", "tts", "nonce"}) {
        if (extra.has(f) && !extra.get(f).isNull()) {
          o.set(f, extra.get(f));
        }
      }
    }
    if (c.guildId != 0) {
      Guild g = w.guilds.get(c.guildId);
      Member m = g == null ? null : g.members.get(author.id);
      if (m != null) {
        o.set("member", member(w, m, false));
      }
    }
    return o;
  }
}
