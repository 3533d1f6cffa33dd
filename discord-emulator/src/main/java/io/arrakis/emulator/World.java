package io.arrakis.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The virtual Discord: users, guilds with roles, channels and members, DM channels, messages and
 * registered application commands. REST calls and the control API change it; every change that
 * Discord would announce is announced on the gateway by the caller.
 *
 * <p>Thread-safety: all reads and writes go through {@code synchronized (world)}; the world is
 * touched at human/REST rates, while the hot dispatch path never takes this lock.
 */
public final class World {
  static final int GUILD_TEXT = 0;
  static final int DM = 1;
  static final int GUILD_VOICE = 2;
  static final int GUILD_CATEGORY = 4;

  final Snowflakes ids;
  final EmulatorClock clock;
  final long applicationId;
  final User bot;
  final Map<Long, User> users = new LinkedHashMap<>();
  final Map<Long, Guild> guilds = new LinkedHashMap<>();
  final Map<Long, Channel> channels = new LinkedHashMap<>();
  final Map<Long, Long> dmChannelByUser = new LinkedHashMap<>();
  final Map<Long, Message> messages = new ConcurrentHashMap<>();
  static final int MAX_MESSAGES = 200_000;
  private final java.util.ArrayDeque<Long> messageOrder = new java.util.ArrayDeque<>();
  final List<ObjectNode> globalCommands = new ArrayList<>();
  final Map<Long, List<ObjectNode>> guildCommands = new LinkedHashMap<>();

  World(Snowflakes ids, EmulatorClock clock, long applicationId, long botUserId, String botName) {
    this.ids = ids;
    this.clock = clock;
    this.applicationId = applicationId;
    this.bot = new User(botUserId, botName, true);
    users.put(bot.id, bot);
  }

  /** A user of the virtual Discord. */
  static final class User {
    final long id;
    String username;
    String globalName;
    final boolean bot;
    String locale = "en-US";
    boolean dmsOpen = true;

    User(long id, String username, boolean bot) {
      this.id = id;
      this.username = username;
      this.bot = bot;
    }
  }

  /** A guild role. */
  static final class Role {
    final long id;
    final long guildId;
    String name;
    long permissions;
    int position;
    int color;
    boolean hoist;
    boolean managed;
    boolean mentionable;
    long botId;

    Role(long id, long guildId, String name, long permissions, int position) {
      this.id = id;
      this.guildId = guildId;
      this.name = name;
      this.permissions = permissions;
      this.position = position;
    }
  }

  /** A permission overwrite on a channel (type 0 role, 1 member). */
  record Overwrite(long id, int type, long allow, long deny) {}

  /** A guild channel or a DM channel. */
  static final class Channel {
    final long id;
    final long guildId;
    final int type;
    String name;
    int position;
    long parentId;
    String topic;
    long recipientId;
    long lastMessageId;
    final List<Overwrite> overwrites = new ArrayList<>();
    final List<Long> messageIds = new ArrayList<>();

    Channel(long id, long guildId, int type, String name) {
      this.id = id;
      this.guildId = guildId;
      this.type = type;
      this.name = name;
    }
  }

  /** A user's membership of a guild. */
  static final class Member {
    final long userId;
    final long guildId;
    final Set<Long> roles = new LinkedHashSet<>();
    String nick;
    long joinedAt;

    Member(long userId, long guildId, long joinedAt) {
      this.userId = userId;
      this.guildId = guildId;
      this.joinedAt = joinedAt;
    }
  }

  /** A guild. */
  static final class Guild {
    final long id;
    String name;
    long ownerId;
    String locale = "en-US";
    final Map<Long, Role> roles = new LinkedHashMap<>();
    final Map<Long, Channel> channels = new LinkedHashMap<>();
    final Map<Long, Member> members = new LinkedHashMap<>();

    Guild(long id, String name, long ownerId) {
      this.id = id;
      this.name = name;
      this.ownerId = ownerId;
    }

    Role everyone() {
      return roles.get(id);
    }
  }

  /** A stored message (its full Discord JSON) and where it lives. */
  static final class Message {
    final long id;
    final long channelId;
    final long guildId;
    final long authorId;
    ObjectNode json;
    boolean deleted;

    Message(long id, long channelId, long guildId, long authorId, ObjectNode json) {
      this.id = id;
      this.channelId = channelId;
      this.guildId = guildId;
      this.authorId = authorId;
      this.json = json;
    }
  }

  // ---------------------------------------------------------------- mutation helpers

  synchronized User addUser(String username, boolean isBot) {
    User u = new User(ids.next(), username, isBot);
    users.put(u.id, u);
    return u;
  }

  synchronized User addUser(long id, String username, boolean isBot) {
    User u = new User(id, username, isBot);
    users.put(u.id, u);
    return u;
  }

  /**
   * A guild with an @everyone role, the bot's managed role at the top and the bot as a member, the
   * way Discord looks right after the bot is added with MANAGE_ROLES.
   */
  synchronized Guild addGuild(long id, String name, long ownerId) {
    Guild g = new Guild(id, name, ownerId);
    g.roles.put(id, new Role(id, id, "@everyone", Permissions.EVERYONE_DEFAULT, 0));
    guilds.put(id, g);
    Role botRole =
        addRole(
            g,
            bot.username,
            Permissions.EVERYONE_DEFAULT
                | Permissions.MANAGE_ROLES
                | Permissions.KICK_MEMBERS
                | Permissions.MANAGE_CHANNELS,
            100);
    botRole.managed = true;
    botRole.botId = bot.id;
    Member self = addMember(g, bot.id);
    self.roles.add(botRole.id);
    if (ownerId != 0 && ownerId != bot.id) {
      addMember(g, ownerId);
    }
    return g;
  }

  synchronized Role addRole(Guild g, String name, long permissions, int position) {
    Role r = new Role(ids.next(), g.id, name, permissions, position);
    g.roles.put(r.id, r);
    return r;
  }

  synchronized Channel addChannel(Guild g, int type, String name, long parentId) {
    Channel c = new Channel(ids.next(), g.id, type, name);
    c.position = (int) g.channels.values().stream().filter(x -> x.type == type).count();
    c.parentId = parentId;
    g.channels.put(c.id, c);
    channels.put(c.id, c);
    return c;
  }

  synchronized Member addMember(Guild g, long userId) {
    Member m = new Member(userId, g.id, clock.millis());
    g.members.put(userId, m);
    return m;
  }

  synchronized Channel dmChannel(long userId) {
    Long existing = dmChannelByUser.get(userId);
    if (existing != null) {
      return channels.get(existing);
    }
    Channel c = new Channel(ids.next(), 0L, DM, null);
    c.recipientId = userId;
    channels.put(c.id, c);
    dmChannelByUser.put(userId, c.id);
    return c;
  }

  synchronized Message addMessage(Channel c, long authorId, ObjectNode json) {
    long id = Json.snowflake(json, "id");
    Message m = new Message(id, c.id, c.guildId, authorId, json);
    messages.put(id, m);
    c.messageIds.add(id);
    c.lastMessageId = id;
    messageOrder.addLast(id);
    // Long load runs answer many interactions; keep the most recent messages, forget the oldest.
    while (messageOrder.size() > MAX_MESSAGES) {
      messages.remove(messageOrder.pollFirst());
    }
    return m;
  }

  // ---------------------------------------------------------------- queries

  synchronized List<Guild> guildsOnShard(int shardId, int shardCount) {
    List<Guild> out = new ArrayList<>();
    for (Guild g : guilds.values()) {
      if (Snowflakes.shardOf(g.id, shardCount) == shardId) {
        out.add(g);
      }
    }
    return out;
  }

  synchronized int guildCount() {
    return guilds.size();
  }

  /** Highest position among the member's roles (0 = only @everyone). */
  synchronized int highestRolePosition(Guild g, long userId) {
    Member m = g.members.get(userId);
    int best = 0;
    if (m != null) {
      for (long r : m.roles) {
        Role role = g.roles.get(r);
        if (role != null) {
          best = Math.max(best, role.position);
        }
      }
    }
    return best;
  }

  /** Guild-level permissions of a member (owner and ADMINISTRATOR get everything). */
  synchronized long basePermissions(Guild g, long userId) {
    if (g.ownerId == userId) {
      return Permissions.ALL;
    }
    long perms = g.everyone().permissions;
    Member m = g.members.get(userId);
    if (m != null) {
      for (long r : m.roles) {
        Role role = g.roles.get(r);
        if (role != null) {
          perms |= role.permissions;
        }
      }
    }
    return (perms & Permissions.ADMINISTRATOR) != 0 ? Permissions.ALL : perms;
  }

  /** Discord's channel permission resolution: @everyone, then role, then member overwrites. */
  synchronized long channelPermissions(Guild g, Channel c, long userId) {
    long perms = basePermissions(g, userId);
    if (perms == Permissions.ALL || c == null) {
      return perms;
    }
    Member m = g.members.get(userId);
    long allow = 0;
    long deny = 0;
    for (Overwrite o : c.overwrites) {
      if (o.type() == 0 && o.id() == g.id) {
        perms = (perms & ~o.deny()) | o.allow();
      }
    }
    for (Overwrite o : c.overwrites) {
      if (o.type() == 0 && o.id() != g.id && m != null && m.roles.contains(o.id())) {
        allow |= o.allow();
        deny |= o.deny();
      }
    }
    perms = (perms & ~deny) | allow;
    for (Overwrite o : c.overwrites) {
      if (o.type() == 1 && o.id() == userId) {
        perms = (perms & ~o.deny()) | o.allow();
      }
    }
    return perms;
  }
}
