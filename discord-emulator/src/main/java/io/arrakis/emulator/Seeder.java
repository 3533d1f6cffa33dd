package io.arrakis.emulator;

import io.arrakis.emulator.World.Channel;
import io.arrakis.emulator.World.Guild;
import io.arrakis.emulator.World.Member;
import io.arrakis.emulator.World.Role;
import io.arrakis.emulator.World.User;

/**
 * The seeded default world: {@code n} guilds named "Sietch Guild i", each with an owner, ordinary
 * members, the tier roles below the bot's role, an "Admin" role above it (to exercise the role
 * hierarchy), a category and three text channels. Guild ids are spread over consecutive
 * milliseconds so that they fall round-robin on shards.
 */
final class Seeder {
  private Seeder() {}

  static void seed(World w, int guilds, int membersPerGuild) {
    seed(w, guilds, membersPerGuild, 8, 3);
  }

  /**
   * As above, topped up with extra roles ("role-k", below the tiers) and text channels
   * ("channel-k") up to the given totals — for memory benchmarks with realistic guild sizes.
   */
  static void seed(
      World w, int guilds, int membersPerGuild, int rolesPerGuild, int channelsPerGuild) {
    long base = w.clock.millis() - 10L * 24 * 3600 * 1000;
    synchronized (w) {
      for (int i = 0; i < guilds; i++) {
        User owner = w.addUser(w.ids.at(base - 1_000_000L - i), "owner-" + i, false);
        Guild g = w.addGuild(w.ids.at(base + i), "Sietch Guild " + i, owner.id);
        w.addRole(g, "Admin", Permissions.ADMINISTRATOR, 150).hoist = true;
        Role naib = w.addRole(g, "Naib", Permissions.EVERYONE_DEFAULT, 4);
        naib.hoist = true;
        naib.color = 0xC27C0E;
        w.addRole(g, "Fedaykin", Permissions.EVERYONE_DEFAULT, 3).color = 0x992D22;
        w.addRole(g, "Fremen", Permissions.EVERYONE_DEFAULT, 2).color = 0x1F8B4C;
        Role verified = w.addRole(g, "Verified", Permissions.EVERYONE_DEFAULT, 1);
        verified.mentionable = true;
        Channel cat = w.addChannel(g, World.GUILD_CATEGORY, "Sietch", 0);
        w.addChannel(g, World.GUILD_TEXT, "general", cat.id);
        w.addChannel(g, World.GUILD_TEXT, "sietch-lounge", cat.id);
        w.addChannel(g, World.GUILD_TEXT, "announcements", cat.id).topic = "Read only";
        for (int k = 3; k < channelsPerGuild; k++) {
          w.addChannel(g, World.GUILD_TEXT, "channel-" + k, cat.id);
        }
        for (int k = g.roles.size(); k < rolesPerGuild; k++) {
          w.addRole(g, "role-" + k, Permissions.EVERYONE_DEFAULT, 1);
        }
        for (int j = 0; j < membersPerGuild; j++) {
          User u =
              w.addUser(
                  w.ids.at(base - 2_000_000L - i * 10_000L - j), "user-" + i + "-" + j, false);
          Member m = w.addMember(g, u.id);
          if (j % 2 == 0) {
            m.roles.add(verified.id);
          }
        }
      }
    }
  }
}
