package io.arrakis.bot.commands;

import static io.arrakis.bot.commands.CommandFixture.NOW;
import static io.arrakis.bot.commands.CommandFixture.TAQWA_ROLE;
import static io.arrakis.bot.commands.CommandFixture.balanceOfRank;
import static io.arrakis.bot.commands.CommandFixture.embed;
import static io.arrakis.bot.commands.CommandFixture.ephemeralText;
import static io.arrakis.bot.commands.CommandFixture.fields;
import static io.arrakis.bot.commands.CommandFixture.message;
import static io.arrakis.bot.commands.CommandFixture.relative;
import static io.arrakis.bot.commands.CommandFixture.user;
import static io.arrakis.bot.commands.CommandFixture.wallet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.Invocation;
import io.arrakis.discord.Embed;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CoexistenceMode;
import io.arrakis.domain.community.RoleMapping;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.waitlist.ClosedReason;
import io.arrakis.domain.waitlist.WaitlistRegistration;
import io.arrakis.testkit.domain.InMemoryAuditLogRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RegisterWaitlistCommandTest {
  private static final UserId CALLER = user(1);

  private final CommandFixture f = new CommandFixture();
  private final RegisterWaitlistCommand command =
      new RegisterWaitlistCommand(f.repos.asRepositories());
  private SlashCommand last;

  private Answer run(String sub, UserId who, Map<String, String> options) {
    last = f.slash("register-waitlist", Optional.of(sub), who, options);
    Invocation invocation = f.invocation(last);
    return command.handle(invocation);
  }

  private Answer register(Map<String, String> options) {
    return run("register", CALLER, options);
  }

  private String lastInteractionId() {
    return Long.toUnsignedString(last.context().interactionId());
  }

  private List<WaitlistRegistration> saved() {
    return f.repos.waitlist().all(f.community.id());
  }

  private List<InMemoryAuditLogRepository.Entry> audit() {
    return f.repos.auditLog().entries(f.community.id());
  }

  @Test
  void isRegisterWaitlistAndEverySubcommandAnswersImmediately() {
    assertThat(command.name()).isEqualTo("register-waitlist");
    for (String sub : List.of("register", "status", "unregister")) {
      assertThat(
              command.answerMode(f.slash("register-waitlist", Optional.of(sub), CALLER, Map.of())))
          .isEqualTo(AnswerMode.IMMEDIATE);
    }
  }

  @Test
  void givenUnknownSubcommand_handle_answersUnavailable() {
    assertThat(ephemeralText(run("nonsense", CALLER, Map.of())))
        .isEqualTo("This command isn't available.");
  }

  @Nested
  class Register {

    @Test
    void givenLinkedWaitlistWallet_register_savesAuditsGrantsTaqwaAndConfirms() {
      f.sync();
      f.link(CALLER, wallet(80));

      Answer answer = register(Map.of());

      assertThat(saved())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.userId()).isEqualTo(CALLER);
                assertThat(r.wallet()).isEqualTo(wallet(80));
                assertThat(r.positionAtRegistration()).isEqualTo(80);
                assertThat(r.balanceAtRegistration()).isEqualTo(balanceOfRank(80));
                assertThat(r.registeredAt()).isEqualTo(NOW);
                assertThat(r.active()).isTrue();
                assertThat(r.notified()).isFalse();
                assertThat(r.id()).isNotNull();
              });
      assertThat(audit())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.at()).isEqualTo(NOW);
                assertThat(e.event().type()).isEqualTo(AuditType.WAITLIST_REGISTRATION);
                assertThat(e.event().actor()).isEqualTo(CALLER.toString());
                assertThat(e.event().payload())
                    .containsExactly(
                        entry("user", CALLER.toString()),
                        entry("wallet", wallet(80).value()),
                        entry("position", "80"));
              });
      assertThat(answer.actions())
          .containsExactly(
              new DiscordAction.AddRole(
                  lastInteractionId() + ":role.add:" + TAQWA_ROLE,
                  CommandFixture.GUILD,
                  CALLER.value(),
                  TAQWA_ROLE,
                  RegisterWaitlistCommand.ROLE_REASON_REGISTER));
      assertThat(answer.actions().get(0).kind()).isEqualTo(DiscordAction.Kind.ROLE_ADD);

      assertThat(message(answer).ephemeral()).isTrue();
      Embed embed = embed(answer);
      assertThat(embed.title()).contains("Waitlist Registration Complete");
      assertThat(fields(embed))
          .containsExactly(
              entry("Position", "#80"),
              entry("Balance", "300.12 BGT"),
              entry("Distance to entry", "110.00 BGT"),
              entry("Wallet", "0xa000...0050"));
      assertThat(embed.footer())
          .contains(
              "You now hold the Taqwa role. You'll get a DM when this wallet becomes eligible.");
    }

    @Test
    void givenExplicitWalletInAnotherCase_register_acceptsTheLinkedWallet() {
      f.sync();
      f.link(CALLER, wallet(100));

      Answer answer = register(Map.of("wallet", "0xA" + wallet(100).value().substring(3)));

      assertThat(fields(embed(answer))).containsEntry("Position", "#100");
      assertThat(saved())
          .singleElement()
          .extracting(WaitlistRegistration::wallet)
          .isEqualTo(wallet(100));
    }

    @Test
    void givenTaqwaUnset_register_grantsNothingAndSaysNothingOfTheRole() {
      f.community = f.community.withRoles(RoleMapping.empty());
      f.sync();
      f.link(CALLER, wallet(70));

      Answer answer = register(Map.of());

      assertThat(answer.actions()).isEmpty();
      assertThat(embed(answer).footer())
          .contains("You'll get a DM when this wallet becomes eligible.");
      assertThat(saved()).hasSize(1);
    }

    @Test
    void givenShadowMode_register_writesNoRole() {
      f.community = f.community.withCoexistence(CoexistenceMode.SHADOW, Optional.empty());
      f.sync();
      f.link(CALLER, wallet(70));

      Answer answer = register(Map.of());

      assertThat(answer.actions()).isEmpty();
      assertThat(embed(answer).footer()).contains(RegisterWaitlistCommand.DM_FOOTER);
    }

    @Test
    void givenParallelMode_register_grantsTheConfiguredTaqwaRole() {
      // Taqwa is not one of the namespaced seat/chain roles
      f.community =
          f.community
              .withCoexistence(CoexistenceMode.PARALLEL, Optional.of(new Snowflake(5L)))
              .withRoles(
                  RoleMapping.empty()
                      .with(RoleKey.TAQWA, new Snowflake(TAQWA_ROLE))
                      .withParallel(RoleKey.TAQWA, new Snowflake(12345L)));
      f.sync();
      f.link(CALLER, wallet(70));

      Answer answer = register(Map.of());

      assertThat(answer.actions())
          .singleElement()
          .isInstanceOfSatisfying(
              DiscordAction.AddRole.class, a -> assertThat(a.roleId()).isEqualTo(TAQWA_ROLE));
    }

    @Test
    void givenCallerWithProfile_register_grantsNoTaqwa() {
      f.sync();
      f.member(CALLER);
      f.link(CALLER, wallet(90));

      Answer answer = register(Map.of());

      assertThat(answer.actions()).as("Taqwa is for registrants without a profile").isEmpty();
      assertThat(embed(answer).footer()).contains(RegisterWaitlistCommand.DM_FOOTER);
      assertThat(saved()).hasSize(1);
      assertThat(audit()).hasSize(1);
    }

    @Test
    void givenAnUnregistration_register_acceptsTheCallerAgain() {
      f.sync();
      f.link(CALLER, wallet(85));
      register(Map.of());
      run("unregister", CALLER, Map.of());

      Answer again = register(Map.of());

      assertThat(fields(embed(again))).containsEntry("Position", "#85");
      assertThat(saved()).hasSize(2);
      assertThat(f.repos.waitlist().active(f.community.id())).hasSize(1);
    }

    // ---- validations of spec §6.3, in order

    private void assertRejected(Answer answer, String text) {
      assertThat(ephemeralText(answer)).isEqualTo(text);
      assertThat(f.repos.waitlist().active(f.community.id()))
          .allMatch(r -> !r.registeredAt().equals(NOW));
      assertThat(audit()).isEmpty();
    }

    @Test
    void givenInvalidWallet_register_rejectsTheFormat() {
      f.sync();
      f.link(CALLER, wallet(80));

      assertRejected(register(Map.of("wallet", "0xnope")), "That isn't a valid wallet address.");
    }

    @Test
    void givenCallerAlreadyRegistered_register_rejects() {
      f.sync();
      f.link(CALLER, wallet(80));
      f.registered(CALLER, wallet(80), 80, CommandFixture.SYNCED_AT);

      assertRejected(register(Map.of()), "You're already on the waitlist.");
    }

    @Test
    void givenWalletRegisteredByAnother_register_rejects() {
      f.sync();
      f.link(CALLER, wallet(80));
      f.registered(user(2), wallet(80), 80, CommandFixture.SYNCED_AT);

      assertRejected(register(Map.of()), "This wallet is already registered on the waitlist.");
    }

    @Test
    void givenSomeoneElsesWallet_register_asksForProofOfOwnership() {
      f.sync();
      f.link(CALLER, wallet(80));
      f.link(user(2), wallet(81));

      assertRejected(
          register(Map.of("wallet", wallet(81).value())),
          "Prove you own this wallet first: /verify start");
    }

    @Test
    void givenWalletButNoLink_register_asksForProofOfOwnership() {
      f.sync();

      assertRejected(
          register(Map.of("wallet", wallet(81).value())),
          "Prove you own this wallet first: /verify start");
    }

    @Test
    void givenNoWalletAndNoLink_register_answersNoWallet() {
      f.sync();

      assertRejected(register(Map.of()), "You haven't linked a wallet. Run /verify start.");
    }

    @Test
    void givenUnrankedWallet_register_rejects() {
      f.sync();
      f.link(CALLER, wallet(CommandFixture.WALLETS + 1));

      assertRejected(register(Map.of()), "This wallet is not in the current ranking.");
    }

    @Test
    void givenEligibleWallet_register_rejects() {
      f.sync();
      f.link(CALLER, wallet(69));

      assertRejected(
          register(Map.of()),
          "This wallet is already eligible. Link it with /verify start to join.");
    }

    @Test
    void givenWalletBeyondTheRange_register_rejectsWithItsRank() {
      f.sync();
      f.link(CALLER, wallet(101));

      assertRejected(
          register(Map.of()), "This wallet is ranked #101, outside the waitlist range #70–#100.");
    }

    @Test
    void givenNoRankingYet_register_saysSo() {
      f.link(CALLER, wallet(80));

      assertRejected(register(Map.of()), "No ranking yet — the first sync hasn't completed.");
    }
  }

  @Nested
  class Status {
    private final Instant registeredAt = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void givenRegistrationInRange_status_showsTheCurrentFigures() {
      f.sync();
      f.registered(CALLER, wallet(76), 90, registeredAt);

      Answer answer = run("status", CALLER, Map.of());

      assertThat(message(answer).ephemeral()).isTrue();
      assertThat(answer.actions()).isEmpty();
      Embed embed = embed(answer);
      assertThat(embed.title()).contains("Your Waitlist Registration");
      assertThat(embed.color()).hasValue(RegisterWaitlistCommand.COLOR_TAQWA);
      assertThat(fields(embed))
          .containsExactly(
              entry("Position", "#76"),
              entry("Balance", "340.12 BGT"),
              entry("Distance to entry", "70.00 BGT"),
              entry("Wallet", "0xa000...004c"),
              entry("Registered", relative(registeredAt)));
      assertThat(embed.footer()).contains("Leave with /register-waitlist unregister.");
    }

    @Test
    void givenWalletFellBelowTheRange_status_warnsAndKeepsTheRegistration() {
      f.sync();
      f.registered(CALLER, wallet(103), 99, registeredAt);

      Embed embed = embed(run("status", CALLER, Map.of()));

      assertThat(embed.color()).hasValue(RegisterWaitlistCommand.COLOR_WARNING);
      assertThat(fields(embed))
          .containsEntry("Position", "#103")
          .containsEntry(
              "⚠️ Outside the waitlist range",
              "Your wallet is now ranked #103, outside #70–#100; you stay registered.");
      assertThat(embed.footer()).contains(RegisterWaitlistCommand.STATUS_FOOTER);
      assertThat(f.repos.waitlist().active(f.community.id())).hasSize(1);
    }

    @Test
    void givenWalletLeftTheRanking_status_warnsItIsUnranked() {
      f.sync();
      Address gone = wallet(CommandFixture.WALLETS + 3);
      f.registered(CALLER, gone, 95, registeredAt);

      Map<String, String> fields = fields(embed(run("status", CALLER, Map.of())));

      assertThat(fields)
          .containsEntry("Position", "Not ranked")
          .containsEntry("Balance", "—")
          .containsEntry("Distance to entry", "—")
          .containsEntry(
              "⚠️ Outside the waitlist range",
              "Your wallet is now unranked, outside #70–#100; you stay registered.");
    }

    @Test
    void givenNoRegistration_status_saysHowToRegister() {
      f.sync();
      f.registered(user(2), wallet(80), 80, registeredAt);

      assertThat(ephemeralText(run("status", CALLER, Map.of())))
          .isEqualTo("You're not registered. Use /register-waitlist register.");
    }
  }

  @Nested
  class Unregister {

    @Test
    void givenRegistration_unregister_closesAuditsAndRemovesTaqwa() {
      f.sync();
      WaitlistRegistration registration =
          f.registered(CALLER, wallet(78), 80, CommandFixture.SYNCED_AT);

      Answer answer = run("unregister", CALLER, Map.of());

      assertThat(message(answer).ephemeral()).isTrue();
      assertThat(message(answer).content()).isEqualTo("You've left the waitlist.");
      assertThat(saved())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.id()).isEqualTo(registration.id());
                assertThat(r.active()).isFalse();
                assertThat(r.closure())
                    .contains(new WaitlistRegistration.Closure(NOW, ClosedReason.UNREGISTERED));
              });
      assertThat(audit())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.at()).isEqualTo(NOW);
                assertThat(e.event().type()).isEqualTo(AuditType.WAITLIST_UNREGISTRATION);
                assertThat(e.event().actor()).isEqualTo(CALLER.toString());
                assertThat(e.event().payload())
                    .containsExactly(
                        entry("user", CALLER.toString()),
                        entry("wallet", wallet(78).value()),
                        entry("position", "78"));
              });
      assertThat(answer.actions())
          .containsExactly(
              new DiscordAction.RemoveRole(
                  lastInteractionId() + ":role.remove:" + TAQWA_ROLE,
                  CommandFixture.GUILD,
                  CALLER.value(),
                  TAQWA_ROLE,
                  RegisterWaitlistCommand.ROLE_REASON_UNREGISTER));
      assertThat(answer.actions().get(0).kind()).isEqualTo(DiscordAction.Kind.ROLE_REMOVE);
    }

    @Test
    void givenRegisteredWalletNowUnranked_unregister_auditsItAsUnranked() {
      f.sync();
      f.registered(CALLER, wallet(CommandFixture.WALLETS + 1), 99, CommandFixture.SYNCED_AT);

      run("unregister", CALLER, Map.of());

      assertThat(audit())
          .singleElement()
          .satisfies(e -> assertThat(e.event().payload()).containsEntry("position", "unranked"));
    }

    @Test
    void givenShadowMode_unregister_removesNoRole() {
      f.community = f.community.withCoexistence(CoexistenceMode.SHADOW, Optional.empty());
      f.sync();
      f.registered(CALLER, wallet(78), 78, CommandFixture.SYNCED_AT);

      Answer answer = run("unregister", CALLER, Map.of());

      assertThat(answer.actions()).isEmpty();
      assertThat(message(answer).content()).isEqualTo(RegisterWaitlistCommand.LEFT);
      assertThat(f.repos.waitlist().active(f.community.id())).isEmpty();
    }

    @Test
    void givenNoRegistration_unregister_saysNotRegisteredAndChangesNothing() {
      f.sync();
      f.registered(user(2), wallet(80), 80, CommandFixture.SYNCED_AT);

      assertThat(ephemeralText(run("unregister", CALLER, Map.of())))
          .isEqualTo("You're not registered.");
      assertThat(f.repos.waitlist().active(f.community.id())).hasSize(1);
      assertThat(audit()).isEmpty();
    }
  }
}
