package io.arrakis.discord.command;

import static io.arrakis.discord.command.CommandDefinition.slash;
import static io.arrakis.discord.command.CommandOption.integer;
import static io.arrakis.discord.command.CommandOption.string;
import static io.arrakis.discord.command.CommandOption.subcommand;
import static io.arrakis.discord.command.CommandOption.user;

import java.util.List;

/**
 * The 20 slash commands of spec §15 as Discord definitions: the one source that {@code
 * register-commands} registers and that the handlers are keyed by (use the name constants). All are
 * guild-only (§1.1); the admin ones ({@code /admin-*}, {@code /onboard}, {@code /resume}) are
 * registered with {@code default_member_permissions = MANAGE_GUILD}. {@code /verify} carries none:
 * its {@code reset} subcommand is admin-only by a server-side check, the others are public.
 *
 * <p>Lives in port-discord because core-domain does not depend on port-discord (see its pom).
 */
public final class SietchCommands {
  private SietchCommands() {}

  public static final String STATS = "stats";
  public static final String POSITION = "position";
  public static final String THRESHOLD = "threshold";
  public static final String DIRECTORY = "directory";
  public static final String RESUME = "resume";
  public static final String REGISTER_WAITLIST = "register-waitlist";
  public static final String LEADERBOARD = "leaderboard";
  public static final String PROFILE = "profile";
  public static final String BADGES = "badges";
  public static final String ALERTS = "alerts";
  public static final String NAIB = "naib";
  public static final String ONBOARD = "onboard";
  public static final String ADMIN_STATS = "admin-stats";
  public static final String ADMIN_BADGE = "admin-badge";
  public static final String CHECK_ELIGIBILITY = "check-eligibility";
  public static final String VERIFY = "verify";
  public static final String WATER_SHARE = "water-share";
  public static final String ADMIN_MIGRATE = "admin-migrate";
  public static final String ADMIN_TAKEOVER = "admin-takeover";
  public static final String ADMIN_WATER_SHARE = "admin-water-share";

  /** Migration strategies of §15.18, in the order the choices are shown. */
  public static final List<String> MIGRATION_STRATEGIES =
      List.of("instant", "gradual", "parallel_forever", "arrakis_primary");

  private static final CommandSet ALL = build();

  /** All 20 definitions, in spec order. */
  public static CommandSet all() {
    return ALL;
  }

  /** The definition of {@code name}; throws for a name that is not a Sietch command. */
  public static CommandDefinition get(String name) {
    return ALL.get(name)
        .orElseThrow(() -> new IllegalArgumentException("not a Sietch command: " + name));
  }

  /**
   * True for the commands spec §1.1 treats as admin commands as a whole (registered with
   * MANAGE_GUILD and re-checked server-side). {@code /verify reset} is re-checked too but its
   * command is public.
   */
  public static boolean isAdmin(String name) {
    return ALL.get(name).map(CommandDefinition::restricted).orElse(false);
  }

  private static CommandOption nymAutocomplete(String description, boolean required) {
    return string("nym", description).required(required).autocomplete().build();
  }

  private static CommandOption migrationStrategy() {
    CommandOption.Builder b = string("strategy", "How to move from the incumbent bot").required();
    b.choice("Instant (shadow to parallel now)", "instant");
    b.choice("Gradual (members in batches)", "gradual");
    b.choice("Parallel forever", "parallel_forever");
    b.choice("Arrakis primary (takeover later)", "arrakis_primary");
    return b.build();
  }

  private static CommandOption[] migrationOptions() {
    return new CommandOption[] {
      migrationStrategy(),
      integer("batch_size", "Members per batch for gradual (10-1000, default 100)")
          .range(10, 1000)
          .build(),
      integer("duration_days", "Days to spread a gradual migration over (1-30, default 7)")
          .range(1, 30)
          .build()
    };
  }

  private static CommandSet build() {
    return CommandSet.of(
        // 15.1
        slash(STATS, "Your Sietch stats: tier, holdings, tenure, badges and activity").build(),
        // 15.2
        slash(POSITION, "Your wallet's rank, the gap to the next position and your entry status")
            .build(),
        // 15.3
        slash(THRESHOLD, "The balance needed to enter the top 69 and who is waiting").build(),
        // 15.4
        slash(DIRECTORY, "Browse the member directory").build(),
        // 15.5
        slash(RESUME, "Resume your community setup session")
            .admin()
            .option(string("session_id", "The setup session to resume (default: yours)"))
            .build(),
        // 15.6
        slash(REGISTER_WAITLIST, "Get an alert when your wallet enters the eligible ranks")
            .options(
                subcommand(
                    "register",
                    "Register a wallet ranked #70-#100 for an eligibility alert",
                    string("wallet", "Wallet address (default: your linked wallet)").build()),
                subcommand("status", "Your waitlist registration and position"),
                subcommand("unregister", "Leave the waitlist"))
            .build(),
        // 15.7
        slash(LEADERBOARD, "Community leaderboards")
            .options(
                subcommand("badges", "Members with the most badges"),
                subcommand("tiers", "Members closest to their next tier"))
            .build(),
        // 15.8
        slash(PROFILE, "View or edit a profile")
            .options(
                subcommand(
                    "view",
                    "View your profile or another member's",
                    nymAutocomplete("The member's nym (default: you)", false)),
                subcommand("edit", "Edit your nym, bio or picture in DMs"))
            .build(),
        // 15.9
        slash(BADGES, "View your badges or another member's")
            .option(nymAutocomplete("The member's nym (default: you)", false))
            .build(),
        // 15.10
        slash(ALERTS, "Choose which alerts you get and how often").build(),
        // 15.11
        slash(NAIB, "The Naib council")
            .options(
                subcommand("overview", "The council at a glance"),
                subcommand("current", "Current seat holders"),
                subcommand("former", "Former Naib and their tenure"))
            .build(),
        // 15.12
        slash(ONBOARD, "Set up or reconfigure Sietch in this server").admin().build(),
        // 15.13
        slash(ADMIN_STATS, "Community analytics and sync health").admin().build(),
        // 15.14
        slash(ADMIN_BADGE, "Award or revoke a badge")
            .admin()
            .options(
                subcommand(
                    "award",
                    "Award a contribution or special badge to a member",
                    nymAutocomplete("The member's nym", true),
                    string("badge", "The badge to award").required().autocomplete().build(),
                    string("reason", "Why the badge is awarded").required().build()),
                subcommand(
                    "revoke",
                    "Revoke a badge from a member",
                    nymAutocomplete("The member's nym", true),
                    string("badge", "The badge to revoke").required().autocomplete().build()))
            .build(),
        // 15.15
        slash(CHECK_ELIGIBILITY, "Check whether a wallet is eligible")
            .option(
                string("wallet", "Wallet address (0x followed by 40 hex characters)").required())
            .build(),
        // 15.16
        slash(VERIFY, "Link your wallet by signing a message")
            .options(
                subcommand("start", "Start wallet verification"),
                subcommand("status", "Your linked wallet and verification status"),
                subcommand(
                    "reset",
                    "Cancel a member's pending verification (admins)",
                    user("user", "The member whose verification to cancel").required().build()))
            .build(),
        // 15.17
        slash(WATER_SHARE, "Share the Water Sharer badge")
            .options(
                subcommand(
                    "share",
                    "Share your Water Sharer badge with another member",
                    user("member", "The member to share with").required().build()),
                subcommand("status", "Your Water Sharer status"))
            .build(),
        // 15.18
        slash(ADMIN_MIGRATE, "Migrate role management from the incumbent token-gating bot")
            .admin()
            .options(
                subcommand("check", "Migration readiness"),
                subcommand("plan", "Dry-run a migration strategy", migrationOptions()),
                subcommand("execute", "Execute a migration strategy", migrationOptions()))
            .build(),
        // 15.19
        slash(ADMIN_TAKEOVER, "Take over the base roles from the incumbent bot (one-way)")
            .admin()
            .build(),
        // 15.20
        slash(ADMIN_WATER_SHARE, "Manage Water Sharer grants")
            .admin()
            .options(
                subcommand("list", "Active grants"),
                subcommand(
                    "revoke",
                    "Revoke a grant and everything shared from it",
                    string("grant_id", "The grant to revoke").required().autocomplete().build()),
                subcommand(
                    "lineage",
                    "Where a member's water came from and went",
                    nymAutocomplete("The member's nym", true)))
            .build());
  }
}
