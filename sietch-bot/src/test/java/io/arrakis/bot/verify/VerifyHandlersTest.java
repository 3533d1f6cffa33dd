package io.arrakis.bot.verify;

import static io.arrakis.bot.verify.VerifyFixture.ephemeralText;
import static io.arrakis.bot.verify.VerifyFixture.fields;
import static io.arrakis.bot.verify.VerifyFixture.message;
import static io.arrakis.bot.verify.VerifyFixture.user;
import static io.arrakis.bot.verify.VerifyFixture.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.Replies;
import io.arrakis.discord.Button;
import io.arrakis.discord.GuildMember;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.Modal;
import io.arrakis.discord.OptionValue;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.VerificationSession;
import io.arrakis.domain.port.VerificationSession.Status;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.testkit.domain.InMemoryAuditLogRepository;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VerifyHandlersTest {
  private final VerifyFixture f = new VerifyFixture();
  private final UserId alice = user(1);
  private final UserId bob = user(2);
  private final TestWallet key = new TestWallet(new BigInteger("1234567890abcdef1234567890", 16));

  private List<AuditType> audits() {
    return f.repos.auditLog().entries(f.community.id()).stream()
        .map(InMemoryAuditLogRepository.Entry::event)
        .map(e -> e.type())
        .toList();
  }

  private static Button onlyButton(MessagePayload m) {
    assertThat(m.components()).hasSize(1);
    return (Button) m.components().get(0).components().get(0);
  }

  // ---- /verify start

  @Test
  void startDefersAndTheOthersAnswerAtOnce() {
    assertThat(f.command.answerMode(f.slash("start", alice).command()))
        .isEqualTo(AnswerMode.DEFER_EPHEMERAL);
    assertThat(f.command.answerMode(f.slash("status", alice).command()))
        .isEqualTo(AnswerMode.IMMEDIATE);
    assertThat(f.command.answerMode(f.slash("reset", alice).command()))
        .isEqualTo(AnswerMode.IMMEDIATE);
    assertThat(f.command.adminOnly()).isFalse();
  }

  @Test
  void givenNoSession_whenStart_thenASessionWithTheExactMessageAndTheSubmitButtonIsShown()
      throws Exception {
    Answer answer = f.start(alice);

    VerificationSession s = f.pending(alice);
    assertThat(s.nonce()).matches("[0-9a-f]{32}");
    assertThat(s.attempts()).isZero();
    assertThat(s.expiresAt()).isEqualTo(VerifyFixture.START.plus(Duration.ofMinutes(15)));
    assertThat(s.message())
        .isEqualTo(
            "Sietch wallet verification\n\n"
                + "I am linking this wallet to Discord user user1 in the community \"Arrakis\".\n"
                + "This signature does not authorize any transaction and costs no gas.\n\n"
                + "Nonce: "
                + s.nonce()
                + "\nExpires: 2026-11-28T13:45:00Z");
    MessagePayload m = message(answer);
    assertThat(m.ephemeral()).isTrue();
    assertThat(m.embeds().get(0).title()).contains("Wallet Verification");
    assertThat(m.embeds().get(0).color()).hasValue(VerifyMessages.BLURPLE);
    assertThat(m.embeds().get(0).description().orElseThrow())
        .contains("```\n" + s.message() + "\n```");
    assertThat(fields(m))
        .containsEntry("Expires", "<t:" + s.expiresAt().getEpochSecond() + ":R>")
        .containsEntry("Max attempts", "3");
    assertThat(onlyButton(m).customId()).contains("verify_submit:" + s.id());
    assertThat(onlyButton(m).label()).isEqualTo("Submit signature");
    assertThat(answer.actions()).isEmpty();
    assertThat(audits()).containsExactly(AuditType.VERIFICATION_STARTED);
  }

  @Test
  void givenAPendingSession_whenStartAgain_thenTheSameSessionIsShownInProgress() throws Exception {
    f.start(alice);
    VerificationSession s = f.pending(alice);
    f.submit(s, alice, key.address(), key.personalSign("something else"));

    Answer again = f.start(alice);

    MessagePayload m = message(again);
    assertThat(m.embeds().get(0).title()).contains("Verification In Progress");
    assertThat(m.embeds().get(0).color()).hasValue(VerifyMessages.ORANGE);
    assertThat(fields(m)).containsEntry("Attempts remaining", "2");
    assertThat(onlyButton(m).customId()).contains("verify_submit:" + s.id());
    assertThat(f.pending(alice).id()).isEqualTo(s.id());
  }

  @Test
  void givenAnExpiredPendingSession_whenStart_thenItIsMarkedExpiredAndANewOneStarts()
      throws Exception {
    f.start(alice);
    VerificationSession old = f.pending(alice);
    f.clock.advance(Duration.ofMinutes(15));

    f.start(alice);

    assertThat(f.session(old.id()).status()).isEqualTo(Status.EXPIRED);
    assertThat(f.pending(alice).id()).isNotEqualTo(old.id());
    assertThat(f.pending(alice).nonce()).isNotEqualTo(old.nonce());
  }

  @Test
  void givenALinkedEligibleUserWithoutProfile_whenStart_thenOnboardingRestartsAndTheReplySaysSo()
      throws Exception {
    f.link(alice, wallet(10));

    Answer answer = f.start(alice);

    assertThat(fields(message(answer)))
        .containsEntry("Onboarding", "Check your DMs to finish onboarding.")
        .containsKey("Note");
    assertThat(answer.actions())
        .singleElement()
        .isInstanceOfSatisfying(
            DiscordAction.SendDirectMessage.class,
            dm -> {
              assertThat(dm.userId()).isEqualTo(alice.value());
              assertThat(onlyButton(dm.message()).customId())
                  .contains("onboarding_start:" + f.community.id());
            });
  }

  // ---- the Submit signature button

  @Test
  void givenTheOwner_whenSubmitIsPressed_thenTheSignatureModalOpens() throws Exception {
    f.start(alice);
    VerificationSession s = f.pending(alice);

    Answer answer = f.click("verify_submit:" + s.id(), alice);

    assertThat(answer.response()).isInstanceOf(InteractionResponse.ShowModal.class);
    Modal modal = ((InteractionResponse.ShowModal) answer.response()).modal();
    assertThat(modal.customId()).isEqualTo("verify_modal:" + s.id());
    assertThat(modal.inputs())
        .extracting(Modal.TextInput::customId)
        .containsExactly("wallet_address", "signature");
    assertThat(modal.inputs().get(0).style()).isEqualTo(Modal.TextInput.Style.SHORT);
    assertThat(modal.inputs().get(1).style()).isEqualTo(Modal.TextInput.Style.PARAGRAPH);
    assertThat(modal.inputs()).allMatch(Modal.TextInput::required);
  }

  @Test
  void givenSomeoneElse_whenTheyPressSubmitOrSubmitTheModal_thenItIsNotTheirs() throws Exception {
    f.start(alice);
    VerificationSession s = f.pending(alice);

    assertThat(ephemeralText(f.click("verify_submit:" + s.id(), bob)))
        .isEqualTo(Replies.notYours().content());
    assertThat(ephemeralText(f.submit(s, bob, key.address(), key.personalSign(s.message()))))
        .isEqualTo(Replies.notYours().content());
    assertThat(f.pending(alice).attempts()).isZero();
  }

  @Test
  void givenAnUnknownOrGarbledSession_thenAClearAnswer() throws Exception {
    assertThat(ephemeralText(f.click("verify_submit:" + UUID.randomUUID(), alice)))
        .isEqualTo(VerifyMessages.UNKNOWN_SESSION);
    assertThat(ephemeralText(f.click("verify_submit:nonsense", alice)))
        .isEqualTo(VerifyMessages.UNKNOWN_SESSION);
    assertThat(ephemeralText(f.submit("verify_modal:", alice, "x", "y")))
        .isEqualTo(VerifyMessages.UNKNOWN_SESSION);
  }

  // ---- the signature modal

  @Test
  void givenARealSignature_whenSubmitted_thenTheWalletIsLinkedAuditedAndOnboardingStarts()
      throws Exception {
    f.rankAlso(key.address(), 5_000); // rank 1: eligible, Naib rank
    f.start(alice);
    VerificationSession s = f.pending(alice);

    Answer answer = f.submit(s, alice, key.address(), key.personalSign(s.message()));

    MessagePayload reply = message(answer);
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.embeds().get(0).title()).contains("Wallet Verified");
    assertThat(f.repos.walletLinks().byUser(f.community.id(), alice))
        .contains(new WalletLink(alice, key.address(), VerifyFixture.START, Optional.of(s.id())));
    VerificationSession done = f.session(s.id());
    assertThat(done.status()).isEqualTo(Status.COMPLETED);
    assertThat(done.wallet()).contains(key.address());
    assertThat(done.completedAt()).contains(VerifyFixture.START);
    assertThat(done.attempts()).isEqualTo(1);
    assertThat(audits())
        .containsExactly(AuditType.VERIFICATION_STARTED, AuditType.WALLET_VERIFICATION);
    assertThat(f.repos.auditLog().entries(f.community.id()).get(1).event().payload())
        .containsEntry("new_wallet", key.address().value())
        .containsEntry("old_wallet", "")
        .containsEntry("session", s.id().toString());

    List<DiscordAction> actions = answer.actions();
    assertThat(actions).hasSize(3);
    assertThat(actions.get(0))
        .isInstanceOfSatisfying(
            DiscordAction.AddRole.class,
            r -> {
              assertThat(r.roleId()).isEqualTo(VerifyFixture.FEDAYKIN_ROLE);
              assertThat(r.userId()).isEqualTo(alice.value());
            });
    DiscordAction.SendDirectMessage verified = (DiscordAction.SendDirectMessage) actions.get(1);
    assertThat(fields(verified.message()))
        .containsEntry("Wallet", key.address().truncated())
        .containsEntry("Position", "#1");
    assertThat(fields(verified.message()).get("Status")).startsWith("Eligible — Naib tier");
    DiscordAction.SendDirectMessage welcome = (DiscordAction.SendDirectMessage) actions.get(2);
    assertThat(welcome.message().embeds().get(0).title()).contains("Welcome to Arrakis");
    assertThat(welcome.message().embeds().get(0).description().orElseThrow())
        .contains("Your wallet is never shown with your nym")
        .contains("not linked to your nym publicly")
        .contains("Only you see your activity and stats");
    assertThat(onlyButton(welcome.message()).customId())
        .contains("onboarding_start:" + f.community.id());
    assertThat(actions).extracting(DiscordAction::actionId).doesNotHaveDuplicates();
  }

  @Test
  void givenACompletedSession_thenItCannotBeUsedAgain() throws Exception {
    f.start(alice);
    VerificationSession s = f.pending(alice);
    f.submit(s, alice, key.address(), key.personalSign(s.message()));

    assertThat(ephemeralText(f.click("verify_submit:" + s.id(), alice)))
        .isEqualTo(VerifyMessages.SESSION_CLOSED);
    assertThat(ephemeralText(f.submit(s, alice, key.address(), key.personalSign(s.message()))))
        .isEqualTo(VerifyMessages.SESSION_CLOSED);
  }

  @Test
  void givenTheMessageSignedWithCrlfLineEndings_thenItIsAccepted() throws Exception {
    f.start(alice);
    VerificationSession s = f.pending(alice);

    Answer answer =
        f.submit(s, alice, key.address(), key.personalSign(s.message().replace("\n", "\r\n")));

    assertThat(message(answer).embeds().get(0).title()).contains("Wallet Verified");
  }

  @Test
  void givenAnAddressInAnyCase_thenItIsAcceptedAndStoredLowerCase() throws Exception {
    f.start(alice);
    VerificationSession s = f.pending(alice);

    f.submit(
        "verify_modal:" + s.id(),
        alice,
        "0x" + key.address().value().substring(2).toUpperCase(),
        key.personalSign(s.message()));

    assertThat(f.repos.walletLinks().byUser(f.community.id(), alice).orElseThrow().wallet())
        .isEqualTo(key.address());
  }

  @Test
  void givenAnotherWalletsSignature_thenAddressMismatchAndAnAttemptIsUsed() throws Exception {
    f.start(alice);
    VerificationSession s = f.pending(alice);
    TestWallet other = new TestWallet(BigInteger.valueOf(777));

    Answer answer = f.submit(s, alice, key.address(), other.personalSign(s.message()));

    assertThat(ephemeralText(answer))
        .isEqualTo(
            "That signature was made by a different wallet than "
                + key.address().truncated()
                + ". 2 attempt(s) left.");
    assertThat(f.pending(alice).attempts()).isEqualTo(1);
    assertThat(f.repos.walletLinks().byUser(f.community.id(), alice)).isEmpty();
  }

  @Test
  void givenASignatureThatRecoversNothing_thenInvalidSignature() throws Exception {
    f.start(alice);
    VerificationSession s = f.pending(alice);

    Answer answer = f.submit(s, alice, key.address(), "0x" + "f".repeat(128) + "1b");

    assertThat(ephemeralText(answer))
        .isEqualTo(
            "The signature couldn't be verified against the message. 2 attempt(s) left —"
                + " press Submit signature again.");
    assertThat(f.pending(alice).attempts()).isEqualTo(1);
  }

  @Test
  void givenMalformedInput_thenNoAttemptIsUsed() throws Exception {
    f.start(alice);
    VerificationSession s = f.pending(alice);
    String signature = key.personalSign(s.message());

    assertThat(ephemeralText(f.submit("verify_modal:" + s.id(), alice, "0x1234", signature)))
        .isEqualTo(VerifyMessages.MALFORMED_INPUT);
    assertThat(
            ephemeralText(
                f.submit(
                    "verify_modal:" + s.id(),
                    alice,
                    key.address().value(),
                    signature.substring(2))))
        .isEqualTo(VerifyMessages.MALFORMED_INPUT);
    assertThat(f.pending(alice).attempts()).isZero();
  }

  @Test
  void givenThreeFailedAttempts_thenTheSessionFailsAndRefusesMore() throws Exception {
    f.start(alice);
    VerificationSession s = f.pending(alice);
    String wrong = key.personalSign("not the message");

    f.submit(s, alice, key.address(), wrong);
    f.submit(s, alice, key.address(), wrong);
    Answer third = f.submit(s, alice, key.address(), wrong);

    assertThat(ephemeralText(third)).isEqualTo(VerifyMessages.MAX_ATTEMPTS);
    VerificationSession failed = f.session(s.id());
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.errorCode()).contains("MAX_ATTEMPTS");
    assertThat(audits()).contains(AuditType.VERIFICATION_FAILED);
    f.clock.advance(Duration.ofMinutes(2)); // past the rate limit: the session itself refuses
    assertThat(ephemeralText(f.submit(s, alice, key.address(), key.personalSign(s.message()))))
        .isEqualTo(VerifyMessages.MAX_ATTEMPTS);
    assertThat(ephemeralText(f.click("verify_submit:" + s.id(), alice)))
        .isEqualTo(VerifyMessages.MAX_ATTEMPTS);
    assertThat(f.repos.walletLinks().byUser(f.community.id(), alice)).isEmpty();
  }

  @Test
  void givenThreeSubmitsInAMinute_thenTheFourthIsRateLimitedUntilTheWindowPasses()
      throws Exception {
    f.start(alice);
    VerificationSession s = f.pending(alice);
    for (int i = 0; i < 3; i++) {
      f.submit("verify_modal:" + s.id(), alice, "bad", "bad");
    }

    assertThat(ephemeralText(f.submit(s, alice, key.address(), key.personalSign(s.message()))))
        .isEqualTo(Replies.rateLimited().content());
    assertThat(f.pending(alice).attempts()).isZero();

    f.clock.advance(Duration.ofSeconds(61));
    assertThat(message(f.submit(s, alice, key.address(), key.personalSign(s.message()))).embeds())
        .hasSize(1);
  }

  @Test
  void givenAnExpiredSession_thenSessionExpiredAndNothingIsLinked() throws Exception {
    f.start(alice);
    VerificationSession s = f.pending(alice);
    f.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

    assertThat(ephemeralText(f.click("verify_submit:" + s.id(), alice)))
        .isEqualTo(VerifyMessages.SESSION_EXPIRED);
    assertThat(ephemeralText(f.submit(s, alice, key.address(), key.personalSign(s.message()))))
        .isEqualTo(VerifyMessages.SESSION_EXPIRED);
    assertThat(f.session(s.id()).status()).isEqualTo(Status.EXPIRED);
    assertThat(f.repos.walletLinks().byUser(f.community.id(), alice)).isEmpty();
  }

  @Test
  void givenTheWalletLinkedToAnotherUser_thenTheSessionFails() throws Exception {
    f.link(bob, key.address());
    f.start(alice);
    VerificationSession s = f.pending(alice);

    Answer answer = f.submit(s, alice, key.address(), key.personalSign(s.message()));

    assertThat(ephemeralText(answer)).isEqualTo(VerifyMessages.WALLET_LINKED_ELSEWHERE);
    assertThat(f.session(s.id()).status()).isEqualTo(Status.FAILED);
    assertThat(f.session(s.id()).errorCode()).contains("WALLET_LINKED_ELSEWHERE");
    assertThat(f.session(s.id()).attempts()).isEqualTo(1);
    assertThat(
            f.repos.walletLinks().byWallet(f.community.id(), key.address()).orElseThrow().userId())
        .isEqualTo(bob);
  }

  @Test
  void givenAUserWithAnotherWallet_whenVerified_thenTheOldLinkIsReplaced() throws Exception {
    f.link(alice, wallet(50));
    f.start(alice);
    VerificationSession s = f.pending(alice);

    f.submit(s, alice, key.address(), key.personalSign(s.message()));

    assertThat(f.repos.walletLinks().byUser(f.community.id(), alice).orElseThrow().wallet())
        .isEqualTo(key.address());
    assertThat(f.repos.walletLinks().byWallet(f.community.id(), wallet(50))).isEmpty();
    assertThat(f.repos.auditLog().entries(f.community.id()).get(1).event().payload())
        .containsEntry("old_wallet", wallet(50).value());
  }

  @Test
  void givenAWalletInTheWaitlistRange_thenTheDmHintsAtTheWaitlistAndNoOnboardingStarts()
      throws Exception {
    f.rankAlso(key.address(), 355); // between rank 74 (360) and 75 (350): rank 75
    f.start(alice);
    VerificationSession s = f.pending(alice);

    Answer answer = f.submit(s, alice, key.address(), key.personalSign(s.message()));

    assertThat(answer.actions())
        .singleElement()
        .isInstanceOf(DiscordAction.SendDirectMessage.class);
    MessagePayload dm = ((DiscordAction.SendDirectMessage) answer.actions().get(0)).message();
    assertThat(fields(dm)).containsEntry("Position", "#75");
    assertThat(fields(dm).get("Status")).contains("/register-waitlist register");
  }

  @Test
  void givenAnUnrankedWallet_thenNotRankedAndNotYetEligible() throws Exception {
    f.start(alice);
    VerificationSession s = f.pending(alice);

    Answer answer = f.submit(s, alice, key.address(), key.personalSign(s.message()));

    MessagePayload dm = ((DiscordAction.SendDirectMessage) answer.actions().get(0)).message();
    assertThat(answer.actions()).hasSize(1);
    assertThat(fields(dm)).containsEntry("Position", "not ranked");
    assertThat(fields(dm).get("Status")).isEqualTo("Not yet eligible.");
  }

  @Test
  void givenAMemberOrARunningOnboarding_thenNoWelcomeDm() throws Exception {
    f.rankAlso(key.address(), 5_000);
    f.member(alice);
    f.start(alice);
    VerificationSession s = f.pending(alice);
    Answer member = f.submit(s, alice, key.address(), key.personalSign(s.message()));
    assertThat(member.actions())
        .filteredOn(a -> a instanceof DiscordAction.SendDirectMessage)
        .hasSize(1);

    TestWallet bobs = new TestWallet(BigInteger.valueOf(4242));
    f.rankAlso(bobs.address(), 4_000);
    f.sessions.put("onboarding:" + f.community.id(), bob.toString(), "{}", Duration.ofMinutes(15));
    f.start(bob);
    VerificationSession b = f.pending(bob);
    Answer running = f.submit(b, bob, bobs.address(), bobs.personalSign(b.message()));
    assertThat(running.actions())
        .filteredOn(a -> a instanceof DiscordAction.SendDirectMessage)
        .hasSize(1);
  }

  // ---- /verify status and reset

  @Test
  void statusShowsTheLinkAndTheLatestSession() throws Exception {
    assertThat(fields(message(f.command.handle(f.slash("status", alice)))))
        .containsEntry("Linked wallet", "none")
        .containsEntry("Latest session", "none — use /verify start");

    f.start(alice);
    VerificationSession s = f.pending(alice);
    MessagePayload pending = message(f.command.handle(f.slash("status", alice)));
    assertThat(pending.ephemeral()).isTrue();
    assertThat(fields(pending).get("Latest session")).startsWith("pending").contains("0/3");
    assertThat(onlyButton(pending).customId()).contains("verify_submit:" + s.id());

    f.submit(s, alice, key.address(), key.personalSign(s.message()));
    MessagePayload done = message(f.command.handle(f.slash("status", alice)));
    assertThat(fields(done).get("Linked wallet")).startsWith(key.address().value());
    assertThat(fields(done).get("Latest session")).startsWith("completed");
    assertThat(done.components()).isEmpty();
  }

  @Test
  void givenANonAdmin_whenReset_thenNotAdmin() throws Exception {
    f.start(bob);

    Answer answer =
        f.command.handle(
            f.slash("reset", alice, 0L, Map.of("user", new OptionValue.UserOption(bob.value()))));

    assertThat(ephemeralText(answer)).isEqualTo(Replies.notAdmin().content());
    assertThat(f.pending(bob).status()).isEqualTo(Status.PENDING);
  }

  @Test
  void givenAnAdmin_whenReset_thenThePendingSessionIsCancelledAndAudited() throws Exception {
    f.start(bob);
    VerificationSession s = f.pending(bob);

    Answer answer =
        f.command.handle(
            f.slash(
                "reset",
                alice,
                GuildMember.MANAGE_GUILD,
                Map.of("user", new OptionValue.UserOption(bob.value()))));

    assertThat(ephemeralText(answer)).isEqualTo("Cancelled <@" + bob + ">'s pending verification.");
    assertThat(f.session(s.id()).status()).isEqualTo(Status.CANCELLED);
    assertThat(audits()).endsWith(AuditType.VERIFICATION_RESET);
    assertThat(fields(message(f.command.handle(f.slash("status", bob)))).get("Latest session"))
        .contains("cancelled by an administrator");
    assertThat(ephemeralText(f.click("verify_submit:" + s.id(), bob)))
        .isEqualTo(VerifyMessages.SESSION_CLOSED);

    Answer again =
        f.command.handle(
            f.slash(
                "reset",
                alice,
                GuildMember.ADMINISTRATOR,
                Map.of("user", new OptionValue.UserOption(bob.value()))));
    assertThat(ephemeralText(again)).isEqualTo("<@" + bob + "> has no pending verification.");
  }

  @Test
  void theDefinitionHasTheOptionsTheHandlerReads() {
    var definition = io.arrakis.discord.command.SietchCommands.get("verify");
    assertThat(definition.toString()).contains("start").contains("status").contains("reset");
    Address unused = key.address();
    assertThat(unused).isNotNull();
  }
}
