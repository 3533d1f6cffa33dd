package io.arrakis.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.DispatchResult.Status;
import io.arrakis.discord.AutocompleteChoices;
import io.arrakis.discord.ComponentType;
import io.arrakis.discord.DiscordUser;
import io.arrakis.discord.GuildMember;
import io.arrakis.discord.Interaction;
import io.arrakis.discord.InteractionContext;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.InteractionToken;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.Resolved;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.CommunityConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Components, modals and completions routed by custom id and path; admin checks server-side. */
class DispatcherRoutingTest {
  private final DispatchFixture f = new DispatchFixture();
  private final List<ComponentInvocation> seen = new ArrayList<>();
  private long nextId = 1_500_000_000_000_000_000L;

  private ComponentHandler control(String prefix, boolean adminOnly, boolean fails) {
    return new ComponentHandler() {
      @Override
      public Set<String> prefixes() {
        return Set.of(prefix);
      }

      @Override
      public boolean adminOnly() {
        return adminOnly;
      }

      @Override
      public Answer handle(ComponentInvocation invocation) {
        seen.add(invocation);
        if (fails) {
          throw new IllegalStateException("boom");
        }
        return Answer.of(
            new InteractionResponse.UpdateMessage(
                MessagePayload.text("page " + invocation.arg(0))));
      }
    };
  }

  private AutocompleteHandler nyms(boolean adminOnly, boolean fails) {
    return new AutocompleteHandler() {
      @Override
      public Set<String> paths() {
        return Set.of("badges");
      }

      @Override
      public boolean adminOnly() {
        return adminOnly;
      }

      @Override
      public AutocompleteChoices complete(Interaction.Autocomplete a, CommunityConfig c) {
        if (fails) {
          throw new IllegalStateException("boom");
        }
        return AutocompleteChoices.firstOf(
            List.of(AutocompleteChoices.Choice.of("kaleb", "kaleb")));
      }
    };
  }

  private InteractionContext context(OptionalLong guild, long permissions, List<Long> roles) {
    return new InteractionContext(
        new InteractionToken(nextId++, DispatchFixture.APPLICATION, "token"),
        guild,
        DispatchFixture.CHANNEL,
        new DiscordUser(DispatchFixture.USER, "user", Optional.empty(), false),
        guild.isPresent()
            ? Optional.of(new GuildMember(roles, permissions, Optional.empty()))
            : Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty());
  }

  private Interaction.ComponentInteraction click(String customId, InteractionContext context) {
    return new Interaction.ComponentInteraction(
        context, customId, ComponentType.BUTTON, List.of(), 77L, Resolved.none());
  }

  private Interaction.ComponentInteraction guildClick(String customId) {
    return click(customId, context(OptionalLong.of(DispatchFixture.GUILD), 0, List.of()));
  }

  private Object lastPayload() {
    List<Object> payloads = f.responder.payloads();
    return payloads.get(payloads.size() - 1);
  }

  @Test
  void aButtonIsRoutedByItsPrefixWithItsArgumentsInOneTransactionOfItsCommunity() {
    CommunityConfig community = f.seed(DispatchFixture.activeCommunity());

    DispatchResult result =
        f.dispatcher(List.of(), List.of(control("directory_next", false, false)), List.of())
            .dispatch(guildClick("directory_next:2"));

    assertThat(result.status()).isEqualTo(Status.ANSWERED);
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).arg(0)).isEqualTo("2");
    assertThat(seen.get(0).community().id()).isEqualTo(community.id());
    assertThat(lastPayload())
        .isEqualTo(new InteractionResponse.UpdateMessage(MessagePayload.text("page 2")));
    assertThat(f.journal).anyMatch(e -> e.contains(community.id().toString()));
  }

  @Test
  void anUnknownCustomIdGetsTheStaleControlAnswer() {
    f.seed(DispatchFixture.activeCommunity());

    f.dispatcher(List.of(), List.of(control("directory_next", false, false)), List.of())
        .dispatch(guildClick("forged_prefix:1"));

    assertThat(seen).isEmpty();
    assertThat(lastPayload()).isEqualTo(new InteractionResponse.Reply(Replies.staleControl()));
  }

  @Test
  void aDmControlFindsItsCommunityByTheIdItCarries() {
    CommunityConfig community = f.seed(DispatchFixture.activeCommunity());

    f.dispatcher(List.of(), List.of(control("onboarding_start", false, false)), List.of())
        .dispatch(
            click(
                "onboarding_start:" + community.id().value(),
                context(OptionalLong.empty(), 0, List.of())));

    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).community().id()).isEqualTo(community.id());
  }

  @Test
  void aDmControlWithoutACommunityIdIsNotSetUp() {
    f.seed(DispatchFixture.activeCommunity());

    f.dispatcher(List.of(), List.of(control("onboarding_start", false, false)), List.of())
        .dispatch(click("onboarding_start:not-an-id", context(OptionalLong.empty(), 0, List.of())));

    assertThat(seen).isEmpty();
    assertThat(lastPayload()).isEqualTo(new InteractionResponse.Reply(Replies.notSetUp()));
  }

  @Test
  void anAdminControlClickedByAMemberWithoutThePermissionIsRefusedBeforeTheHandler() {
    f.seed(DispatchFixture.activeCommunity());

    f.dispatcher(List.of(), List.of(control("migrate_confirm", true, false)), List.of())
        .dispatch(guildClick("migrate_confirm:" + DispatchFixture.USER));

    assertThat(seen).isEmpty();
    assertThat(lastPayload()).isEqualTo(new InteractionResponse.Reply(Replies.notAdmin()));
  }

  @Test
  void anAdminControlIsAllowedWithManageGuildOrTheCommunitysAdminRole() {
    CommunityConfig community = DispatchFixture.activeCommunity();
    long adminRole = 4242L;
    f.seed(
        new CommunityConfig(
            community.id(),
            community.guildId(),
            community.name(),
            community.preset(),
            true,
            community.token(),
            community.eligibility(),
            community.tierThresholds(),
            community.roles(),
            Optional.of(new Snowflake(adminRole)),
            community.channels(),
            community.activity(),
            community.members(),
            community.coexistenceMode(),
            community.incumbentBotId(),
            community.parallelRolePrefix()));
    InteractionDispatcher dispatcher =
        f.dispatcher(List.of(), List.of(control("migrate_confirm", true, false)), List.of());
    OptionalLong guild = OptionalLong.of(DispatchFixture.GUILD);

    dispatcher.dispatch(
        click("migrate_confirm:1", context(guild, GuildMember.MANAGE_GUILD, List.of())));
    dispatcher.dispatch(click("migrate_confirm:2", context(guild, 0, List.of(adminRole))));
    dispatcher.dispatch(click("migrate_confirm:3", context(guild, 0, List.of(1L))));

    assertThat(seen).extracting(i -> i.arg(0)).containsExactly("1", "2");
  }

  @Test
  void anAdminCommandIsRefusedServerSideWhenThePermissionsBitIsMissing() {
    f.seed(DispatchFixture.activeCommunity());
    DispatchFixture.ScriptedHandler stats =
        f.handler(
            "admin-stats", AnswerMode.IMMEDIATE, i -> Answer.reply(MessagePayload.text("42")));
    CommandHandler adminStats =
        new CommandHandler() {
          @Override
          public String name() {
            return "admin-stats";
          }

          @Override
          public AnswerMode answerMode(Interaction.SlashCommand command) {
            return AnswerMode.IMMEDIATE;
          }

          @Override
          public boolean adminOnly() {
            return true;
          }

          @Override
          public Answer handle(Invocation invocation) throws Exception {
            return stats.handle(invocation);
          }
        };

    f.dispatcher(adminStats).dispatch(f.slash("admin-stats"));

    assertThat(stats.runs()).isZero();
    assertThat(lastPayload()).isEqualTo(new InteractionResponse.Reply(Replies.notAdmin()));
  }

  @Test
  void aModalSubmitIsRoutedByItsPrefixWithItsFields() {
    f.seed(DispatchFixture.activeCommunity());

    f.dispatcher(List.of(), List.of(control("verify_modal", false, false)), List.of())
        .dispatch(f.modalSubmit("verify_modal:abc"));

    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).isModal()).isTrue();
    assertThat(seen.get(0).fields()).containsEntry("wallet_address", "0x" + "a".repeat(40));
  }

  @Test
  void aFailingControlAnswersInternal() {
    f.seed(DispatchFixture.activeCommunity());

    f.dispatcher(List.of(), List.of(control("directory_next", false, true)), List.of())
        .dispatch(guildClick("directory_next:2"));

    assertThat(lastPayload()).isEqualTo(new InteractionResponse.Reply(Replies.internal()));
  }

  @Test
  void autocompleteIsRoutedByPathAndNeverFails() {
    f.seed(DispatchFixture.activeCommunity());

    f.dispatcher(List.of(), List.of(), List.of(nyms(false, false)))
        .dispatch(f.autocomplete("badges"));
    f.dispatcher(List.of(), List.of(), List.of(nyms(false, true)))
        .dispatch(f.autocomplete("badges"));
    f.dispatcher(List.of(), List.of(), List.of(nyms(true, false)))
        .dispatch(f.autocomplete("badges"));

    assertThat(f.responder.payloads())
        .containsExactly(
            new InteractionResponse.Autocomplete(
                AutocompleteChoices.firstOf(
                    List.of(AutocompleteChoices.Choice.of("kaleb", "kaleb")))),
            new InteractionResponse.Autocomplete(AutocompleteChoices.none()),
            new InteractionResponse.Autocomplete(AutocompleteChoices.none()));
  }

  private CommandHandler onboard(List<CommunityConfig> seenCommunities) {
    return new CommandHandler() {
      @Override
      public String name() {
        return "onboard";
      }

      @Override
      public AnswerMode answerMode(Interaction.SlashCommand command) {
        return AnswerMode.IMMEDIATE;
      }

      @Override
      public boolean needsActiveCommunity() {
        return false;
      }

      @Override
      public boolean adminOnly() {
        return true;
      }

      @Override
      public boolean createsCommunity() {
        return true;
      }

      @Override
      public Answer handle(Invocation invocation) {
        seenCommunities.add(invocation.community());
        return Answer.reply(MessagePayload.ephemeralText("wizard"));
      }
    };
  }

  private Interaction.SlashCommand onboardBy(long permissions) {
    return new Interaction.SlashCommand(
        context(OptionalLong.of(DispatchFixture.GUILD), permissions, List.of()),
        1L,
        "onboard",
        Optional.empty(),
        Optional.empty(),
        io.arrakis.discord.CommandOptions.none(),
        Resolved.none());
  }

  @Test
  void theFirstOnboardInAGuildWithoutACommunityCreatesAnInactiveOne() {
    List<CommunityConfig> handled = new ArrayList<>();

    f.dispatcher(onboard(handled)).dispatch(onboardBy(GuildMember.MANAGE_GUILD));

    assertThat(handled).hasSize(1);
    assertThat(handled.get(0).active()).isFalse();
    assertThat(f.repos.communities().findByGuild(new Snowflake(DispatchFixture.GUILD)))
        .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(handled.get(0).id()));
  }

  @Test
  void aNonAdminCannotCreateACommunityWithOnboard() {
    List<CommunityConfig> handled = new ArrayList<>();

    f.dispatcher(onboard(handled)).dispatch(onboardBy(0));

    assertThat(handled).isEmpty();
    assertThat(f.repos.communities().findByGuild(new Snowflake(DispatchFixture.GUILD))).isEmpty();
    assertThat(lastPayload()).isEqualTo(new InteractionResponse.Reply(Replies.notAdmin()));
  }

  @Test
  void twoHandlersClaimingOnePrefixIsAWiringError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                f.dispatcher(
                    List.of(),
                    List.of(control("x", false, false), control("x", false, false)),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x");
  }
}
