package io.arrakis.bot.admin;

import static io.arrakis.bot.admin.AdminFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.CommandGate;
import io.arrakis.bot.CommunityDirectory;
import io.arrakis.bot.InteractionDispatcher;
import io.arrakis.bot.Transactions;
import io.arrakis.discord.CommandOptions;
import io.arrakis.discord.GuildMember;
import io.arrakis.discord.Interaction;
import io.arrakis.discord.InteractionResponder;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.InteractionToken;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.Resolved;
import io.arrakis.discord.ResponseOutcome;
import io.arrakis.domain.profile.Profile;
import io.arrakis.testkit.state.InMemoryCooldownStore;
import io.arrakis.testkit.state.InMemoryRateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The admin commands and completions through the real dispatcher: a caller without ADMINISTRATOR,
 * MANAGE_GUILD or the admin role is refused server-side whatever the registered permissions said.
 */
class AdminDispatchTest {
  private static final String NOT_ADMIN =
      "This command needs the Manage Server permission or the community's admin role.";

  private final AdminFixture f = new AdminFixture();
  private final List<InteractionResponse> responses = new ArrayList<>();
  private final List<Object> actions = new ArrayList<>();
  private final InteractionDispatcher dispatcher;

  AdminDispatchTest() {
    f.repos.communities().save(f.community);
    AdminGroup group = new AdminGroup(f.repos.asRepositories());
    InteractionResponder responder =
        new InteractionResponder() {
          @Override
          public ResponseOutcome respond(InteractionToken t, InteractionResponse r) {
            responses.add(r);
            return new ResponseOutcome.Sent(OptionalLong.empty(), 1, true);
          }

          @Override
          public ResponseOutcome followup(InteractionToken t, MessagePayload m) {
            return new ResponseOutcome.Sent(OptionalLong.empty(), 1, true);
          }

          @Override
          public ResponseOutcome editOriginal(InteractionToken t, MessagePayload m) {
            responses.add(new InteractionResponse.Reply(m));
            return new ResponseOutcome.Sent(OptionalLong.empty(), 1, true);
          }

          @Override
          public ResponseOutcome deleteOriginal(InteractionToken t) {
            return new ResponseOutcome.Sent(OptionalLong.empty(), 1, true);
          }
        };
    Clock clock = Clock.fixed(AdminFixture.NOW, ZoneOffset.UTC);
    dispatcher =
        new InteractionDispatcher(
            group.commands(),
            List.of(),
            group.completions(),
            responder,
            a -> {
              actions.add(a);
              return CompletableFuture.completedFuture(null);
            },
            new CommunityDirectory(f.repos.communities(), Transactions.none()),
            new CommandGate(
                new InMemoryCooldownStore(clock), new InMemoryRateLimiter(clock), clock),
            Transactions.none(),
            clock,
            Duration.ofMillis(200));
  }

  private Interaction.SlashCommand slash(String name, String sub, long permissions, int who) {
    return new Interaction.SlashCommand(
        f.context(user(who), permissions),
        42L,
        name,
        Optional.empty(),
        Optional.ofNullable(sub),
        sub == null
            ? CommandOptions.none()
            : new CommandOptions(
                Map.of("nym", new io.arrakis.discord.OptionValue.StringOption("Alice"))),
        Resolved.none());
  }

  private String lastText() {
    InteractionResponse last = responses.get(responses.size() - 1);
    MessagePayload m = ((InteractionResponse.Reply) last).message();
    assertThat(m.ephemeral()).isTrue();
    return m.content();
  }

  @Test
  void givenNoAdminPermission_everyAdminCommand_isRefusedNotAdmin() {
    f.member(1, "Alice");
    for (String[] cmd :
        new String[][] {
          {"admin-stats", null}, {"admin-badge", "revoke"}, {"admin-water-share", "lineage"}
        }) {
      dispatcher.dispatch(slash(cmd[0], cmd[1], 0L, 1));
      assertThat(lastText()).as(cmd[0]).isEqualTo(NOT_ADMIN);
    }
    assertThat(actions).isEmpty();
  }

  @Test
  void givenManageGuild_adminStats_isAnswered() {
    dispatcher.dispatch(slash("admin-stats", null, GuildMember.MANAGE_GUILD, 2));

    InteractionResponse last = responses.get(responses.size() - 1);
    assertThat(((InteractionResponse.Reply) last).message().embeds().get(0).title())
        .contains("Community Analytics — Arrakis");
  }

  @Test
  void givenNoAdminPermission_adminCompletion_isEmpty() {
    Profile alice = f.member(1, "Alice");
    assertThat(alice.active()).isTrue();

    dispatcher.dispatch(f.autocomplete("admin-badge", "award", user(1), 0L, Map.of(), "nym", "A"));
    dispatcher.dispatch(
        f.autocomplete(
            "admin-badge", "award", user(2), GuildMember.ADMINISTRATOR, Map.of(), "nym", "A"));

    assertThat(((InteractionResponse.Autocomplete) responses.get(0)).choices().choices()).isEmpty();
    assertThat(((InteractionResponse.Autocomplete) responses.get(1)).choices().choices())
        .hasSize(1);
  }
}
