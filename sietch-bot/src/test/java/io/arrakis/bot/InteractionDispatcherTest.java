package io.arrakis.bot;

import static io.arrakis.bot.DispatchFixture.GUILD;
import static io.arrakis.bot.DispatchFixture.START;
import static io.arrakis.bot.DispatchFixture.USER;
import static io.arrakis.bot.DispatchFixture.rejected;
import static io.arrakis.bot.DispatchFixture.sent;
import static io.arrakis.bot.DispatchFixture.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.bot.DispatchFixture.Failure;
import io.arrakis.bot.DispatchFixture.RecordingResponder.Call;
import io.arrakis.bot.DispatchFixture.ScriptedHandler;
import io.arrakis.bot.DispatchResult.Status;
import io.arrakis.discord.AutocompleteChoices;
import io.arrakis.discord.Interaction;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.Modal;
import io.arrakis.discord.ResponseOutcome.Reason;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.community.CommunityConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sequence every interaction goes through (spec §1.1, §15, §20), over recording fakes: exact
 * responder calls and payloads, the order of calls across responder, transaction and action queue,
 * and the {@link DispatchResult} the consumer acts on.
 */
class InteractionDispatcherTest {
  private static final MessagePayload STATS = MessagePayload.ephemeralText("Your stats: 42 BGT");
  private static final MessagePayload INTERNAL =
      MessagePayload.ephemeralText("Something went wrong. Please try again in a moment.");
  private static final MessagePayload NOT_SET_UP =
      MessagePayload.ephemeralText(
          "Sietch isn't set up in this server yet. An administrator can run /onboard.");
  private static final MessagePayload RATE_LIMITED =
      MessagePayload.ephemeralText("Too many requests. Please wait a moment.");

  private final DispatchFixture f = new DispatchFixture();
  private CommunityConfig community = f.seed(DispatchFixture.activeCommunity());

  private static InteractionResponse.Reply reply(MessagePayload message) {
    return new InteractionResponse.Reply(message);
  }

  private static Call respond(Interaction interaction, InteractionResponse response) {
    return new Call("respond", interaction.token(), response);
  }

  private static Call edit(Interaction interaction, MessagePayload message) {
    return new Call("editOriginal", interaction.token(), message);
  }

  private static DiscordAction addRole(String id) {
    return new DiscordAction.AddRole(id, GUILD, USER, 900_000_000_000_000_069L, "test");
  }

  private ScriptedHandler stats(AnswerMode mode) {
    return f.handler("stats", mode, inv -> Answer.reply(STATS));
  }

  /** Gives the community another command cooldown (0 turns it off). */
  private void cooldownSeconds(int seconds) {
    community = f.seed(DispatchFixture.withCommandCooldown(community, seconds));
  }

  @Nested
  class ImmediateCommand {

    @Test
    void respondsOnceWithTheHandlersReply_andReportsWhenItWasAccepted() {
      ScriptedHandler handler = stats(AnswerMode.IMMEDIATE);
      SlashCommand command = f.slash("stats");

      long before = System.nanoTime();
      DispatchResult result = f.dispatcher(handler).dispatch(command);
      long after = System.nanoTime();

      assertThat(f.responder.calls).containsExactly(respond(command, reply(STATS)));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
      assertThat(result.detail()).isEqualTo("answered");
      assertThat(result.firstResponseNanos()).isNotEqualTo(-1).isBetween(before, after);
    }

    @Test
    void handlerRunsOnceInsideOneTransactionOfTheCommunity_withTheInvocationFilledIn() {
      ScriptedHandler handler = stats(AnswerMode.IMMEDIATE);
      SlashCommand command = f.slash("stats");

      f.dispatcher(handler).dispatch(command);

      assertThat(handler.runs()).isOne();
      Invocation invocation = handler.invocations.get(0);
      assertThat(invocation.command()).isEqualTo(command);
      assertThat(invocation.community()).isEqualTo(community);
      assertThat(invocation.now()).isEqualTo(START);
      assertThat(f.transactions.communities).containsExactly(community.id());
      assertThat(f.journal)
          .containsExactly(
              "lookup",
              "begin " + community.id(),
              "handle /stats",
              "commit " + community.id(),
              "respond Reply");
    }

    @Test
    void anyInitialResponse_isPassedThrough_forExampleAModal() {
      InteractionResponse.ShowModal modal =
          new InteractionResponse.ShowModal(
              Modal.of(
                  "verify:wallet", "Link a wallet", Modal.TextInput.shortText("wallet", "Wallet")));
      SlashCommand command = f.slash("verify");

      DispatchResult result =
          f.dispatcher(f.handler("verify", AnswerMode.IMMEDIATE, inv -> Answer.of(modal)))
              .dispatch(command);

      assertThat(f.responder.calls).containsExactly(respond(command, modal));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
    }
  }

  @Nested
  class DeferringCommand {

    @Test
    void defersEphemerally_beforeTheHandlerRuns_thenEditsTheOriginal() {
      ScriptedHandler handler = stats(AnswerMode.DEFER_EPHEMERAL);
      SlashCommand command = f.slash("stats");

      long before = System.nanoTime();
      DispatchResult result = f.dispatcher(handler).dispatch(command);

      assertThat(handler.callsSeen)
          .as("the handler runs after the defer went out")
          .containsExactly(List.of(respond(command, new InteractionResponse.Defer(true))));
      assertThat(f.responder.calls)
          .containsExactly(
              respond(command, new InteractionResponse.Defer(true)), edit(command, STATS));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
      assertThat(result.firstResponseNanos())
          .as("the first response is the defer, accepted before the handler started")
          .isBetween(before, handler.startedNanos.get(0));
    }

    @Test
    void deferPublic_sendsANonEphemeralDefer() {
      ScriptedHandler handler = stats(AnswerMode.DEFER_PUBLIC);
      SlashCommand command = f.slash("stats");

      DispatchResult result = f.dispatcher(handler).dispatch(command);

      assertThat(f.responder.calls)
          .containsExactly(
              respond(command, new InteractionResponse.Defer(false)), edit(command, STATS));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
    }

    @Test
    void deferGoesOut_beforeAnyDatabaseWork() {
      f.dispatcher(stats(AnswerMode.DEFER_EPHEMERAL)).dispatch(f.slash("stats"));

      assertThat(f.journal)
          .containsExactly(
              "respond Defer(ephemeral=true)",
              "lookup",
              "begin " + community.id(),
              "handle /stats",
              "commit " + community.id(),
              "editOriginal");
    }

    @Test
    void givenDeferAlreadyAcknowledged_byAWorkerThatDied_handlerStillRunsAndEdits() {
      f.responder.answering(rejected(Reason.ALREADY_ACKNOWLEDGED));
      ScriptedHandler handler = stats(AnswerMode.DEFER_EPHEMERAL);
      SlashCommand command = f.slash("stats");

      DispatchResult result = f.dispatcher(handler).dispatch(command);

      assertThat(handler.runs()).isOne();
      assertThat(f.responder.calls)
          .containsExactly(
              respond(command, new InteractionResponse.Defer(true)), edit(command, STATS));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
      assertThat(result.firstResponseNanos())
          .as("this worker's callback was not the accepted one")
          .isEqualTo(-1);
    }

    @Test
    void givenDeferExpired_handlerNeverRuns_andResultIsExpired() {
      f.responder.answering(rejected(Reason.EXPIRED));
      ScriptedHandler handler = stats(AnswerMode.DEFER_EPHEMERAL);
      SlashCommand command = f.slash("stats");

      DispatchResult result = f.dispatcher(handler).dispatch(command);

      assertThat(handler.runs()).isZero();
      assertThat(f.responder.calls)
          .containsExactly(respond(command, new InteractionResponse.Defer(true)));
      assertThat(f.transactions.communities).isEmpty();
      assertThat(f.cooldowns.calls).as("no cooldown started for a dead interaction").isEmpty();
      assertThat(result.status()).isEqualTo(Status.EXPIRED);
      assertThat(result.detail()).startsWith("EXPIRED");
      assertThat(result.firstResponseNanos()).isEqualTo(-1);
    }

    @Test
    void givenDeferUnavailable_handlerNeverRuns_andResultIsUndelivered() {
      f.responder.answering(unavailable());
      ScriptedHandler handler = stats(AnswerMode.DEFER_EPHEMERAL);
      SlashCommand command = f.slash("stats");

      DispatchResult result = f.dispatcher(handler).dispatch(command);

      assertThat(handler.runs()).isZero();
      assertThat(f.responder.calls).hasSize(1);
      assertThat(result.status()).isEqualTo(Status.UNDELIVERED);
      assertThat(result.detail()).isEqualTo("503 from Discord after 3 attempts");
      assertThat(result.firstResponseNanos()).isEqualTo(-1);
    }

    @Test
    void givenDeferRefusedAsInvalid_handlerNeverRuns_andResultIsRejected() {
      f.responder.answering(rejected(Reason.INVALID_FORM));
      ScriptedHandler handler = stats(AnswerMode.DEFER_EPHEMERAL);

      DispatchResult result = f.dispatcher(handler).dispatch(f.slash("stats"));

      assertThat(handler.runs()).isZero();
      assertThat(f.responder.calls).hasSize(1);
      assertThat(result.status()).isEqualTo(Status.REJECTED);
    }

    @Test
    void deferredAnswerThatIsNotAMessage_editsInInternal() {
      SlashCommand command = f.slash("stats");
      ScriptedHandler handler =
          f.handler(
              "stats",
              AnswerMode.DEFER_EPHEMERAL,
              inv -> Answer.of(new InteractionResponse.DeferUpdate()));

      DispatchResult result = f.dispatcher(handler).dispatch(command);

      assertThat(f.responder.calls)
          .containsExactly(
              respond(command, new InteractionResponse.Defer(true)), edit(command, INTERNAL));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
    }
  }

  @Nested
  class GuildOnlyAndUnknownCommands {

    @Test
    void inADirectMessage_repliesGuildOnly_withoutRunningAnything() {
      ScriptedHandler handler = stats(AnswerMode.DEFER_EPHEMERAL);
      SlashCommand command = f.slashInDm("stats");

      DispatchResult result = f.dispatcher(handler).dispatch(command);

      assertThat(f.responder.calls)
          .containsExactly(
              respond(
                  command,
                  reply(MessagePayload.ephemeralText("This command only works in a server."))));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
      assertThat(handler.runs()).isZero();
      assertThat(f.limiter.calls).isEmpty();
      assertThat(f.transactions.withoutCommunityCalls).isZero();
    }

    @Test
    void unknownCommand_repliesNotAvailable_andIsUnsupported() {
      SlashCommand command = f.slash("nope");

      long before = System.nanoTime();
      DispatchResult result = f.dispatcher(stats(AnswerMode.IMMEDIATE)).dispatch(command);

      assertThat(f.responder.calls)
          .containsExactly(
              respond(
                  command, reply(MessagePayload.ephemeralText("This command isn't available."))));
      assertThat(result.status()).isEqualTo(Status.UNSUPPORTED);
      assertThat(result.detail()).isEqualTo("no handler for command /nope");
      assertThat(result.firstResponseNanos()).isGreaterThanOrEqualTo(before);
      assertThat(f.limiter.calls).as("no rate limit for a command that does not exist").isEmpty();
    }

    @Test
    void unknownCommandWhoseReplyExpired_isExpiredRatherThanUnsupported() {
      f.responder.answering(rejected(Reason.EXPIRED));

      DispatchResult result = f.dispatcher(stats(AnswerMode.IMMEDIATE)).dispatch(f.slash("nope"));

      assertThat(result.status()).isEqualTo(Status.EXPIRED);
    }

    @Test
    void commands_areTheHandlersNames_andTwoHandlersMayNotShareOne() {
      assertThat(
              f.dispatcher(stats(AnswerMode.IMMEDIATE), f.handler("position", AnswerMode.IMMEDIATE))
                  .commands())
          .isEqualTo(Set.of("stats", "position"));
      assertThatThrownBy(
              () -> f.dispatcher(stats(AnswerMode.IMMEDIATE), stats(AnswerMode.DEFER_EPHEMERAL)))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Nested
  class RateLimitsAndCooldown {

    @Test
    void sixthCommandOfAUserInOneSecond_isRateLimited_withoutRunningTheHandler() {
      cooldownSeconds(0);
      ScriptedHandler handler = stats(AnswerMode.IMMEDIATE);
      InteractionDispatcher dispatcher = f.dispatcher(handler);
      for (int i = 0; i < 5; i++) {
        assertThat(dispatcher.dispatch(f.slash("stats")).status()).isEqualTo(Status.ANSWERED);
        f.clock.advance(Duration.ofMillis(150));
      }
      f.responder.calls.clear();
      SlashCommand sixth = f.slash("stats");

      DispatchResult result = dispatcher.dispatch(sixth);

      assertThat(handler.runs()).isEqualTo(5);
      assertThat(f.responder.calls).containsExactly(respond(sixth, reply(RATE_LIMITED)));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
    }

    @Test
    void rateLimitedUser_isLetThroughAgainOnceTheWindowSlides() {
      cooldownSeconds(0);
      ScriptedHandler handler = stats(AnswerMode.IMMEDIATE);
      InteractionDispatcher dispatcher = f.dispatcher(handler);
      for (int i = 0; i < 6; i++) {
        dispatcher.dispatch(f.slash("stats"));
      }
      assertThat(handler.runs()).isEqualTo(5);

      f.clock.advance(Duration.ofSeconds(1));
      dispatcher.dispatch(f.slash("stats"));

      assertThat(handler.runs()).isEqualTo(6);
    }

    @Test
    void hundredAndFirstCommandInAGuildInOneSecond_isRateLimited() {
      ScriptedHandler handler = stats(AnswerMode.IMMEDIATE);
      InteractionDispatcher dispatcher = f.dispatcher(handler);
      for (int i = 1; i <= 100; i++) {
        dispatcher.dispatch(f.slash("stats", USER + i, GUILD));
      }
      f.responder.calls.clear();
      SlashCommand late = f.slash("stats", USER + 101, GUILD);

      DispatchResult result = dispatcher.dispatch(late);

      assertThat(handler.runs()).isEqualTo(100);
      assertThat(f.responder.calls).containsExactly(respond(late, reply(RATE_LIMITED)));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
    }

    @Test
    void rateLimitedDeferringCommand_isRefusedDirectly_withoutADefer() {
      cooldownSeconds(0);
      ScriptedHandler handler = stats(AnswerMode.DEFER_EPHEMERAL);
      InteractionDispatcher dispatcher = f.dispatcher(handler);
      for (int i = 0; i < 5; i++) {
        dispatcher.dispatch(f.slash("stats"));
      }
      f.responder.calls.clear();
      SlashCommand sixth = f.slash("stats");

      dispatcher.dispatch(sixth);

      assertThat(f.responder.calls).containsExactly(respond(sixth, reply(RATE_LIMITED)));
    }

    @Test
    void secondInvocationWithinTheCommunitysCooldown_getsCooldownWithRetryTime() {
      cooldownSeconds(7);
      ScriptedHandler handler = stats(AnswerMode.IMMEDIATE);
      InteractionDispatcher dispatcher = f.dispatcher(handler);
      dispatcher.dispatch(f.slash("stats"));
      f.clock.advance(Duration.ofSeconds(4)); // past the default 3 s, inside the community's 7 s
      SlashCommand again = f.slash("stats");

      DispatchResult result = dispatcher.dispatch(again);

      assertThat(handler.runs()).isOne();
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
      assertThat(f.responder.calls).hasSize(2);
      assertThat(f.responder.calls.get(1).method()).isEqualTo("respond");
      MessagePayload refusal =
          ((InteractionResponse.Reply) f.responder.calls.get(1).payload()).message();
      CommandGateTest.assertRetryAt(refusal, START.plusSeconds(7));
      assertThat(f.cooldowns.calls)
          .extracting(DispatchFixture.SwitchableCooldownStore.Start::cooldown)
          .containsOnly(Duration.ofSeconds(7));
      assertThat(f.transactions.communities)
          .as("a refused invocation opens no transaction")
          .hasSize(1);
    }

    @Test
    void afterTheCooldown_theCommandRunsAgain() {
      ScriptedHandler handler = stats(AnswerMode.IMMEDIATE);
      InteractionDispatcher dispatcher = f.dispatcher(handler);
      dispatcher.dispatch(f.slash("stats"));
      f.clock.advance(Duration.ofSeconds(2));
      dispatcher.dispatch(f.slash("stats"));
      assertThat(handler.runs()).isOne();

      f.clock.advance(Duration.ofSeconds(1)); // the default 3 s are over

      dispatcher.dispatch(f.slash("stats"));
      assertThat(handler.runs()).isEqualTo(2);
    }

    @Test
    void cooldownOfADeferringCommand_isEditedIntoTheDeferredMessage() {
      ScriptedHandler handler = stats(AnswerMode.DEFER_EPHEMERAL);
      InteractionDispatcher dispatcher = f.dispatcher(handler);
      dispatcher.dispatch(f.slash("stats"));
      f.responder.calls.clear();
      SlashCommand again = f.slash("stats");

      dispatcher.dispatch(again);

      assertThat(handler.runs()).isOne();
      assertThat(f.responder.methods()).containsExactly("respond", "editOriginal");
      CommandGateTest.assertRetryAt(
          (MessagePayload) f.responder.calls.get(1).payload(), START.plusSeconds(3));
    }

    @Test
    void givenRedisDown_commandIsAnsweredAnyway_andBothChecksFailOpen() {
      f.limiter.setDown(true);
      f.cooldowns.setDown(true);
      ScriptedHandler handler = stats(AnswerMode.IMMEDIATE);
      InteractionDispatcher dispatcher = f.dispatcher(handler);

      for (int i = 0; i < 8; i++) {
        assertThat(dispatcher.dispatch(f.slash("stats")).status()).isEqualTo(Status.ANSWERED);
      }

      assertThat(handler.runs()).isEqualTo(8);
      assertThat(f.responder.payloads()).containsOnly(reply(STATS));
      assertThat(f.gate.failedOpen()).isEqualTo(16);
    }
  }

  @Nested
  class Community {

    @Test
    void givenNoCommunityForTheGuild_repliesNotSetUp_withoutRunningTheHandler() {
      ScriptedHandler handler = stats(AnswerMode.IMMEDIATE);
      SlashCommand command = f.slash("stats", USER, DispatchFixture.OTHER_GUILD);

      DispatchResult result = f.dispatcher(handler).dispatch(command);

      assertThat(f.responder.calls).containsExactly(respond(command, reply(NOT_SET_UP)));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
      assertThat(handler.runs()).isZero();
      assertThat(f.transactions.withoutCommunityCalls).isOne();
      assertThat(f.transactions.communities).isEmpty();
    }

    @Test
    void givenInactiveCommunity_repliesNotSetUp_withoutStartingTheCooldown() {
      f.seed(community.withActive(false));
      ScriptedHandler handler = stats(AnswerMode.IMMEDIATE);
      SlashCommand command = f.slash("stats");

      f.dispatcher(handler).dispatch(command);

      assertThat(f.responder.calls).containsExactly(respond(command, reply(NOT_SET_UP)));
      assertThat(handler.runs()).isZero();
      assertThat(f.cooldowns.calls).isEmpty();
    }

    @Test
    void givenInactiveCommunity_deferringCommand_editsNotSetUpIn() {
      f.seed(community.withActive(false));
      SlashCommand command = f.slash("stats");

      f.dispatcher(stats(AnswerMode.DEFER_EPHEMERAL)).dispatch(command);

      assertThat(f.responder.calls)
          .containsExactly(
              respond(command, new InteractionResponse.Defer(true)), edit(command, NOT_SET_UP));
    }

    @Test
    void handlerServingCommunitiesBeingSetUp_runsForAnInactiveCommunity() {
      CommunityConfig inactive = f.seed(community.withActive(false));
      ScriptedHandler onboard =
          f.handler(
                  "onboard",
                  AnswerMode.DEFER_EPHEMERAL,
                  inv -> Answer.reply(MessagePayload.ephemeralText("setup wizard")))
              .servingInactiveCommunities();
      SlashCommand command = f.slash("onboard");

      DispatchResult result = f.dispatcher(onboard).dispatch(command);

      assertThat(onboard.runs()).isOne();
      assertThat(onboard.invocations.get(0).community()).isEqualTo(inactive);
      assertThat(f.transactions.communities).containsExactly(inactive.id());
      assertThat(f.responder.calls.get(1))
          .isEqualTo(edit(command, MessagePayload.ephemeralText("setup wizard")));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
    }

    @Test
    void handlerServingCommunitiesBeingSetUp_stillNeedsACommunity() {
      ScriptedHandler onboard =
          f.handler("onboard", AnswerMode.IMMEDIATE).servingInactiveCommunities();
      SlashCommand command = f.slash("onboard", USER, DispatchFixture.OTHER_GUILD);

      f.dispatcher(onboard).dispatch(command);

      assertThat(onboard.runs()).isZero();
      assertThat(f.responder.calls).containsExactly(respond(command, reply(NOT_SET_UP)));
    }
  }

  @Nested
  class Failures {

    @Test
    void handlerThrowingUnchecked_repliesInternal() {
      SlashCommand command = f.slash("stats");
      ScriptedHandler handler =
          f.handler(
              "stats",
              AnswerMode.IMMEDIATE,
              inv -> {
                throw new IllegalStateException("boom");
              });

      DispatchResult result = f.dispatcher(handler).dispatch(command);

      assertThat(handler.runs()).isOne();
      assertThat(f.responder.calls).containsExactly(respond(command, reply(INTERNAL)));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
      assertThat(f.journal).contains("rollback " + community.id());
    }

    @Test
    void handlerThrowingChecked_repliesInternal() {
      SlashCommand command = f.slash("stats");
      ScriptedHandler handler =
          f.handler(
              "stats",
              AnswerMode.IMMEDIATE,
              inv -> {
                throw new IOException("chain RPC down");
              });

      DispatchResult result = f.dispatcher(handler).dispatch(command);

      assertThat(f.responder.calls).containsExactly(respond(command, reply(INTERNAL)));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
      assertThat(f.journal).contains("rollback " + community.id());
    }

    @Test
    void deferredHandlerThrowingUnchecked_editsInternalIn() {
      SlashCommand command = f.slash("stats");
      ScriptedHandler handler =
          f.handler(
              "stats",
              AnswerMode.DEFER_EPHEMERAL,
              inv -> {
                throw new IllegalArgumentException("bad option");
              });

      DispatchResult result = f.dispatcher(handler).dispatch(command);

      assertThat(f.responder.calls)
          .containsExactly(
              respond(command, new InteractionResponse.Defer(true)), edit(command, INTERNAL));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
    }

    @Test
    void deferredHandlerThrowingChecked_editsInternalIn() {
      SlashCommand command = f.slash("stats");
      ScriptedHandler handler =
          f.handler(
              "stats",
              AnswerMode.DEFER_PUBLIC,
              inv -> {
                throw new Exception("checked");
              });

      f.dispatcher(handler).dispatch(command);

      assertThat(f.responder.calls)
          .containsExactly(
              respond(command, new InteractionResponse.Defer(false)), edit(command, INTERNAL));
    }

    @Test
    void transactionFailing_repliesInternal_withoutRunningTheHandler() {
      f.transactions.failInCommunity(new IllegalStateException("connection pool exhausted"));
      ScriptedHandler handler = stats(AnswerMode.IMMEDIATE);
      SlashCommand command = f.slash("stats");

      DispatchResult result = f.dispatcher(handler).dispatch(command);

      assertThat(handler.runs()).isZero();
      assertThat(f.transactions.communities).containsExactly(community.id());
      assertThat(f.responder.calls).containsExactly(respond(command, reply(INTERNAL)));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
    }

    @Test
    void communityLookupFailing_repliesInternal() {
      f.transactions.failWithoutCommunity(new IllegalStateException("database down"));
      ScriptedHandler handler = stats(AnswerMode.DEFER_EPHEMERAL);
      SlashCommand command = f.slash("stats");

      f.dispatcher(handler).dispatch(command);

      assertThat(handler.runs()).isZero();
      assertThat(f.responder.calls)
          .containsExactly(
              respond(command, new InteractionResponse.Defer(true)), edit(command, INTERNAL));
    }

    @Test
    void failedHandlerAnswersInternal_butItsCooldownHasStarted() {
      // documents the order: cooldown before the handler, so the failure costs the user a cooldown
      ScriptedHandler handler =
          f.handler(
              "stats",
              AnswerMode.IMMEDIATE,
              inv -> {
                throw new IllegalStateException("boom");
              });
      InteractionDispatcher dispatcher = f.dispatcher(handler);
      dispatcher.dispatch(f.slash("stats"));

      dispatcher.dispatch(f.slash("stats"));

      assertThat(handler.runs()).isOne();
      MessagePayload second =
          ((InteractionResponse.Reply) f.responder.calls.get(1).payload()).message();
      CommandGateTest.assertRetryAt(second, START.plusSeconds(3));
    }
  }

  @Nested
  class Actions {

    private ScriptedHandler granting(AnswerMode mode, String... actionIds) {
      List<DiscordAction> decided =
          java.util.Arrays.stream(actionIds).map(InteractionDispatcherTest::addRole).toList();
      return f.handler("stats", mode, inv -> Answer.reply(STATS).withActions(decided));
    }

    @Test
    void actionsAreQueuedAfterTheCommit_andBeforeTheAnswer() {
      ScriptedHandler handler = granting(AnswerMode.IMMEDIATE, "a1", "a2");

      DispatchResult result = f.dispatcher(handler).dispatch(f.slash("stats"));

      assertThat(f.journal)
          .containsExactly(
              "lookup",
              "begin " + community.id(),
              "handle /stats",
              "commit " + community.id(),
              "submit a1",
              "submit a2",
              "respond Reply");
      assertThat(f.actions.submitted).containsExactly(addRole("a1"), addRole("a2"));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
    }

    @Test
    void deferredCommand_queuesActionsBeforeEditingTheAnswerIn() {
      ScriptedHandler handler = granting(AnswerMode.DEFER_EPHEMERAL, "a1");

      f.dispatcher(handler).dispatch(f.slash("stats"));

      assertThat(f.journal)
          .containsExactly(
              "respond Defer(ephemeral=true)",
              "lookup",
              "begin " + community.id(),
              "handle /stats",
              "commit " + community.id(),
              "submit a1",
              "editOriginal");
    }

    @Test
    void actionWhoseSubmitThrows_isCounted_andTheUserStillGetsTheAnswer() {
      f.actions.failing("a1", Failure.THROWS);
      ScriptedHandler handler = granting(AnswerMode.IMMEDIATE, "a1", "a2");
      SlashCommand command = f.slash("stats");
      InteractionDispatcher dispatcher = f.dispatcher(handler);

      DispatchResult result = dispatcher.dispatch(command);

      assertThat(f.actions.submitted).as("the next action is still queued").hasSize(2);
      assertThat(dispatcher.actionsNotQueued()).isOne();
      assertThat(f.responder.calls).containsExactly(respond(command, reply(STATS)));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
    }

    @Test
    void actionWhoseFutureFails_isCounted_andTheUserStillGetsTheAnswer() {
      f.actions.failing("a2", Failure.FUTURE_FAILS);
      ScriptedHandler handler = granting(AnswerMode.DEFER_EPHEMERAL, "a1", "a2");
      SlashCommand command = f.slash("stats");
      InteractionDispatcher dispatcher = f.dispatcher(handler);

      DispatchResult result = dispatcher.dispatch(command);

      assertThat(dispatcher.actionsNotQueued()).isOne();
      assertThat(f.responder.calls)
          .containsExactly(
              respond(command, new InteractionResponse.Defer(true)), edit(command, STATS));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
    }

    @Test
    void actionNeverConfirmed_isCountedAfterTheTimeout_andTheUserStillGetsTheAnswer() {
      f.actions.failing("a1", Failure.NEVER_CONFIRMED);
      ScriptedHandler handler = granting(AnswerMode.IMMEDIATE, "a1");
      SlashCommand command = f.slash("stats");
      InteractionDispatcher dispatcher = f.dispatcher(handler);

      long before = System.nanoTime();
      DispatchResult result = dispatcher.dispatch(command);
      long waited = System.nanoTime() - before;

      assertThat(dispatcher.actionsNotQueued()).isOne();
      assertThat(waited).isGreaterThanOrEqualTo(DispatchFixture.ACTION_TIMEOUT.toNanos());
      assertThat(f.responder.calls).containsExactly(respond(command, reply(STATS)));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
    }

    @Test
    void actionsNotQueued_accumulatesAcrossInteractions() {
      f.actions.failing("a1", Failure.THROWS).failing("a2", Failure.FUTURE_FAILS);
      cooldownSeconds(0);
      InteractionDispatcher dispatcher = f.dispatcher(granting(AnswerMode.IMMEDIATE, "a1", "a2"));

      dispatcher.dispatch(f.slash("stats"));
      dispatcher.dispatch(f.slash("stats"));

      assertThat(dispatcher.actionsNotQueued()).isEqualTo(4);
    }

    @Test
    void handlerThatFails_queuesNothing() {
      ScriptedHandler handler =
          f.handler(
              "stats",
              AnswerMode.IMMEDIATE,
              inv -> {
                throw new IllegalStateException("after deciding actions");
              });

      f.dispatcher(handler).dispatch(f.slash("stats"));

      assertThat(f.actions.submitted).isEmpty();
      assertThat(f.responder.payloads()).containsExactly(reply(INTERNAL));
    }
  }

  @Nested
  class AnswerOutcomes {

    @Test
    void immediateReplyAlreadyAcknowledged_isAnsweredElsewhere() {
      f.responder.answering(rejected(Reason.ALREADY_ACKNOWLEDGED));

      DispatchResult result = f.dispatcher(stats(AnswerMode.IMMEDIATE)).dispatch(f.slash("stats"));

      assertThat(result.status()).isEqualTo(Status.ANSWERED_ELSEWHERE);
      assertThat(result.firstResponseNanos()).isEqualTo(-1);
      assertThat(f.responder.calls).as("no retry, no edit").hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(
        value = Reason.class,
        names = {"EXPIRED", "TOKEN_INVALID", "UNKNOWN_WEBHOOK"})
    void immediateReplyRefusedAsTooLate_isExpired(Reason reason) {
      f.responder.answering(rejected(reason));

      DispatchResult result = f.dispatcher(stats(AnswerMode.IMMEDIATE)).dispatch(f.slash("stats"));

      assertThat(result.status()).isEqualTo(Status.EXPIRED);
      assertThat(result.detail()).startsWith(reason.name());
      assertThat(result.firstResponseNanos()).isEqualTo(-1);
    }

    @ParameterizedTest
    @EnumSource(
        value = Reason.class,
        names = {"INVALID_FORM", "UNKNOWN_MESSAGE", "OTHER"})
    void immediateReplyRefusedForAnotherReason_isRejected(Reason reason) {
      f.responder.answering(rejected(reason));

      DispatchResult result = f.dispatcher(stats(AnswerMode.IMMEDIATE)).dispatch(f.slash("stats"));

      assertThat(result.status()).isEqualTo(Status.REJECTED);
      assertThat(result.firstResponseNanos()).isEqualTo(-1);
    }

    @Test
    void invalidForm_detailCarriesHttpStatusCodeAndMessage() {
      f.responder.answering(rejected(Reason.INVALID_FORM));

      DispatchResult result = f.dispatcher(stats(AnswerMode.IMMEDIATE)).dispatch(f.slash("stats"));

      assertThat(result.detail()).isEqualTo("400 50035 refused: INVALID_FORM");
    }

    @Test
    void immediateReplyUnavailable_isUndelivered() {
      f.responder.answering(unavailable());

      DispatchResult result = f.dispatcher(stats(AnswerMode.IMMEDIATE)).dispatch(f.slash("stats"));

      assertThat(result.status()).isEqualTo(Status.UNDELIVERED);
      assertThat(result.detail()).isEqualTo("503 from Discord after 3 attempts");
      assertThat(result.firstResponseNanos()).isEqualTo(-1);
    }

    @Test
    void editAfterTokenExpired_isExpired_butKeepsTheDefersResponseTime() {
      f.responder.answering(sent(), rejected(Reason.TOKEN_INVALID));
      ScriptedHandler handler = stats(AnswerMode.DEFER_EPHEMERAL);

      DispatchResult result = f.dispatcher(handler).dispatch(f.slash("stats"));

      assertThat(result.status()).isEqualTo(Status.EXPIRED);
      assertThat(result.firstResponseNanos()).isNotEqualTo(-1);
      assertThat(result.firstResponseNanos()).isLessThanOrEqualTo(handler.startedNanos.get(0));
    }

    @Test
    void editUnavailable_isUndelivered_butKeepsTheDefersResponseTime() {
      f.responder.answering(sent(), unavailable());
      ScriptedHandler handler = stats(AnswerMode.DEFER_EPHEMERAL);

      DispatchResult result = f.dispatcher(handler).dispatch(f.slash("stats"));

      assertThat(result.status()).isEqualTo(Status.UNDELIVERED);
      assertThat(result.firstResponseNanos()).isNotEqualTo(-1);
      assertThat(result.firstResponseNanos()).isLessThanOrEqualTo(handler.startedNanos.get(0));
    }

    @Test
    void editRefusedAsInvalid_isRejected() {
      f.responder.answering(sent(), rejected(Reason.INVALID_FORM));

      DispatchResult result =
          f.dispatcher(stats(AnswerMode.DEFER_EPHEMERAL)).dispatch(f.slash("stats"));

      assertThat(result.status()).isEqualTo(Status.REJECTED);
    }

    @Test
    void editRefusedAsInvalid_keepsTheDefersResponseTime() {
      f.responder.answering(sent(), rejected(Reason.INVALID_FORM));
      ScriptedHandler handler = stats(AnswerMode.DEFER_EPHEMERAL);

      DispatchResult result = f.dispatcher(handler).dispatch(f.slash("stats"));

      assertThat(result.status()).isEqualTo(Status.REJECTED);
      assertThat(result.firstResponseNanos())
          .as("DispatchResult: -1 only when no first response was accepted")
          .isNotEqualTo(-1)
          .isLessThanOrEqualTo(handler.startedNanos.get(0));
    }
  }

  @Nested
  class ComponentsModalsAndAutocomplete {
    private final MessagePayload stale =
        MessagePayload.ephemeralText("This control is no longer available. Run the command again.");

    @Test
    void buttonWithoutHandler_getsAnEphemeralNoLongerAvailableReply() {
      Interaction click = f.button("directory:next:2");

      long before = System.nanoTime();
      DispatchResult result = f.dispatcher(stats(AnswerMode.IMMEDIATE)).dispatch(click);

      assertThat(f.responder.calls).containsExactly(respond(click, reply(stale)));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
      assertThat(result.firstResponseNanos()).isGreaterThanOrEqualTo(before);
      assertThat(f.limiter.calls).isEmpty();
      assertThat(f.transactions.communities).isEmpty();
    }

    @Test
    void modalSubmitWithoutHandler_getsTheSameReply() {
      Interaction submit = f.modalSubmit("verify:wallet");

      DispatchResult result = f.dispatcher(stats(AnswerMode.IMMEDIATE)).dispatch(submit);

      assertThat(f.responder.calls).containsExactly(respond(submit, reply(stale)));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
    }

    @Test
    void autocomplete_getsAnEmptyChoiceList() {
      Interaction typing = f.autocomplete("profile");

      DispatchResult result = f.dispatcher(stats(AnswerMode.IMMEDIATE)).dispatch(typing);

      assertThat(f.responder.calls)
          .containsExactly(
              respond(typing, new InteractionResponse.Autocomplete(AutocompleteChoices.none())));
      assertThat(result.status()).isEqualTo(Status.ANSWERED);
    }

    @Test
    void staleControlWhoseReplyExpired_isExpired() {
      f.responder.answering(rejected(Reason.EXPIRED));

      DispatchResult result =
          f.dispatcher(stats(AnswerMode.IMMEDIATE)).dispatch(f.button("directory:next:2"));

      assertThat(result.status()).isEqualTo(Status.EXPIRED);
    }
  }
}
