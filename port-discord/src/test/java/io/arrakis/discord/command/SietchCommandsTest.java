package io.arrakis.discord.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.discord.AutocompleteChoices.Choice;
import io.arrakis.discord.AutocompleteChoices.TextValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue against spec §15 and §1.1. */
class SietchCommandsTest {

  private static final List<String> SPEC_NAMES =
      List.of(
          "stats",
          "position",
          "threshold",
          "directory",
          "resume",
          "register-waitlist",
          "leaderboard",
          "profile",
          "badges",
          "alerts",
          "naib",
          "onboard",
          "admin-stats",
          "admin-badge",
          "check-eligibility",
          "verify",
          "water-share",
          "admin-migrate",
          "admin-takeover",
          "admin-water-share");

  private static CommandOption sub(String command, String subcommand) {
    return SietchCommands.get(command).option(subcommand).orElseThrow();
  }

  private static CommandOption opt(CommandOption parent, String name) {
    return parent.options().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theCatalogue_holdsExactlyTheTwentyCommandsOfSection15() {
    assertThat(SietchCommands.all().size()).isEqualTo(20);
    assertThat(SietchCommands.all().names()).containsExactlyElementsOf(SPEC_NAMES);
    assertThat(SietchCommands.get(SietchCommands.ADMIN_WATER_SHARE).name())
        .isEqualTo("admin-water-share");
    assertThatThrownBy(() -> SietchCommands.get("nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyCommand_isGuildOnlyNotNsfwAndRebuildsUnchanged() {
    for (CommandDefinition c : SietchCommands.all().commands()) {
      assertThat(c.guildOnly()).as(c.name()).isTrue();
      assertThat(c.nsfw()).as(c.name()).isFalse();
      // Running the record's validation again on the same values accepts them.
      assertThat(
              new CommandDefinition(
                  c.name(),
                  c.description(),
                  c.options(),
                  c.defaultMemberPermissions(),
                  c.contexts(),
                  c.nsfw()))
          .isEqualTo(c);
    }
  }

  @Test
  void adminCommands_areRegisteredWithManageGuild_andOnlyThey() {
    List<String> admin =
        List.of(
            "resume",
            "onboard",
            "admin-stats",
            "admin-badge",
            "admin-migrate",
            "admin-takeover",
            "admin-water-share");
    for (CommandDefinition c : SietchCommands.all().commands()) {
      if (admin.contains(c.name())) {
        assertThat(c.defaultMemberPermissions()).as(c.name()).contains(0x20L);
        assertThat(SietchCommands.isAdmin(c.name())).isTrue();
      } else {
        assertThat(c.defaultMemberPermissions()).as(c.name()).isEmpty();
        assertThat(SietchCommands.isAdmin(c.name())).isFalse();
      }
    }
    // /verify has none: reset is checked server-side only.
    assertThat(SietchCommands.get("verify").restricted()).isFalse();
    assertThat(SietchCommands.isAdmin("unknown")).isFalse();
  }

  @Test
  void optionlessCommands_haveNoOptions() {
    for (String name :
        List.of(
            "stats",
            "position",
            "threshold",
            "directory",
            "alerts",
            "onboard",
            "admin-stats",
            "admin-takeover")) {
      assertThat(SietchCommands.get(name).options()).as(name).isEmpty();
    }
  }

  @Test
  void subcommands_areThoseOfTheSpec() {
    assertThat(names(SietchCommands.get("register-waitlist").options()))
        .containsExactly("register", "status", "unregister");
    assertThat(names(SietchCommands.get("leaderboard").options()))
        .containsExactly("badges", "tiers");
    assertThat(names(SietchCommands.get("profile").options())).containsExactly("view", "edit");
    assertThat(names(SietchCommands.get("naib").options()))
        .containsExactly("overview", "current", "former");
    assertThat(names(SietchCommands.get("admin-badge").options()))
        .containsExactly("award", "revoke");
    assertThat(names(SietchCommands.get("verify").options()))
        .containsExactly("start", "status", "reset");
    assertThat(names(SietchCommands.get("water-share").options()))
        .containsExactly("share", "status");
    assertThat(names(SietchCommands.get("admin-migrate").options()))
        .containsExactly("check", "plan", "execute");
    assertThat(names(SietchCommands.get("admin-water-share").options()))
        .containsExactly("list", "revoke", "lineage");
    for (CommandOption o : SietchCommands.get("naib").options()) {
      assertThat(o.type()).isEqualTo(OptionType.SUB_COMMAND);
      assertThat(o.options()).isEmpty();
    }
  }

  @Test
  void valueOptions_matchTheSpec() {
    CommandOption wallet = SietchCommands.get("check-eligibility").option("wallet").orElseThrow();
    assertThat(wallet.type()).isEqualTo(OptionType.STRING);
    assertThat(wallet.required()).isTrue();

    CommandOption sessionId = SietchCommands.get("resume").option("session_id").orElseThrow();
    assertThat(sessionId.required()).isFalse();

    CommandOption registerWallet = opt(sub("register-waitlist", "register"), "wallet");
    assertThat(registerWallet.required()).isFalse();

    CommandOption viewNym = opt(sub("profile", "view"), "nym");
    assertThat(viewNym.autocomplete()).isTrue();
    assertThat(viewNym.required()).isFalse();
    CommandOption badgesNym = SietchCommands.get("badges").option("nym").orElseThrow();
    assertThat(badgesNym.autocomplete()).isTrue();
    assertThat(badgesNym.required()).isFalse();

    CommandOption award = sub("admin-badge", "award");
    assertThat(names(award.options())).containsExactly("nym", "badge", "reason");
    assertThat(award.options()).allMatch(CommandOption::required);
    assertThat(opt(award, "nym").autocomplete()).isTrue();
    assertThat(opt(award, "badge").autocomplete()).isTrue();
    assertThat(opt(award, "reason").autocomplete()).isFalse();
    assertThat(names(sub("admin-badge", "revoke").options())).containsExactly("nym", "badge");

    CommandOption reset = opt(sub("verify", "reset"), "user");
    assertThat(reset.type()).isEqualTo(OptionType.USER);
    assertThat(reset.required()).isTrue();
    CommandOption member = opt(sub("water-share", "share"), "member");
    assertThat(member.type()).isEqualTo(OptionType.USER);
    assertThat(member.required()).isTrue();

    CommandOption grant = opt(sub("admin-water-share", "revoke"), "grant_id");
    assertThat(grant.required()).isTrue();
    assertThat(grant.autocomplete()).isTrue();
    assertThat(opt(sub("admin-water-share", "lineage"), "nym").autocomplete()).isTrue();
    assertThat(sub("admin-water-share", "list").options()).isEmpty();
  }

  @Test
  void adminMigrate_planAndExecute_carryStrategyChoicesAndBounds() {
    assertThat(sub("admin-migrate", "check").options()).isEmpty();
    for (String s : List.of("plan", "execute")) {
      CommandOption sub = sub("admin-migrate", s);
      assertThat(names(sub.options())).containsExactly("strategy", "batch_size", "duration_days");
      CommandOption strategy = opt(sub, "strategy");
      assertThat(strategy.required()).isTrue();
      assertThat(strategy.choices())
          .extracting(Choice::value)
          .containsExactly(
              new TextValue("instant"),
              new TextValue("gradual"),
              new TextValue("parallel_forever"),
              new TextValue("arrakis_primary"));
      assertThat(SietchCommands.MIGRATION_STRATEGIES).hasSize(strategy.choices().size());
      CommandOption batch = opt(sub, "batch_size");
      assertThat(batch.type()).isEqualTo(OptionType.INTEGER);
      assertThat(batch.required()).isFalse();
      assertThat(batch.minValue()).hasValue(10);
      assertThat(batch.maxValue()).hasValue(1000);
      CommandOption days = opt(sub, "duration_days");
      assertThat(days.minValue()).hasValue(1);
      assertThat(days.maxValue()).hasValue(30);
    }
  }

  private static List<String> names(List<CommandOption> options) {
    return options.stream().map(CommandOption::name).toList();
  }
}
