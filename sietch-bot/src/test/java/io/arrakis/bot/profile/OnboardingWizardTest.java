package io.arrakis.bot.profile;

import static io.arrakis.bot.profile.ProfileFixture.buttons;
import static io.arrakis.bot.profile.ProfileFixture.ephemeralText;
import static io.arrakis.bot.profile.ProfileFixture.fields;
import static io.arrakis.bot.profile.ProfileFixture.message;
import static io.arrakis.bot.profile.ProfileFixture.modal;
import static io.arrakis.bot.profile.ProfileFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.Answer;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.waitlist.ClosedReason;
import io.arrakis.domain.waitlist.WaitlistRegistration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OnboardingWizardTest {
  private static final UserId ALICE = user(1);

  private final ProfileFixture f = new ProfileFixture();
  private final OnboardingWizard wizard =
      new OnboardingWizard(f.repos.asRepositories(), f.sessions);

  private String cid() throws Exception {
    return f.community.id().toString();
  }

  private Optional<String> session(UserId who) throws Exception {
    return f.sessions.get("onboarding:" + cid(), who.toString());
  }

  private Optional<Profile> profile(UserId who) throws Exception {
    return f.repos.profiles().byUser(f.community.id(), who);
  }

  private Answer nym(UserId who, String nym) throws Exception {
    return wizard.handle(f.submit(OnboardingWizard.MODAL_NYM, who, Map.of("nym", nym)));
  }

  @Test
  void ownsEveryOnboardingIdOfTheRegistry() throws Exception {
    assertThat(wizard.prefixes())
        .containsExactlyInAnyOrder(
            "onboarding_start",
            "onboarding_pfp_upload",
            "onboarding_pfp_generate",
            "onboarding_pfp_skip",
            "onboarding_bio_add",
            "onboarding_bio_skip",
            "onboarding_modal_nym",
            "onboarding_modal_pfp",
            "onboarding_modal_bio");
  }

  @Test
  void givenEligibleUser_start_opensNymModalAndCreatesSessionInTheStore() throws Exception {
    f.link(ALICE, 40);

    Answer answer = wizard.handle(f.click(OnboardingWizard.START, ALICE));

    var modal = modal(answer);
    assertThat(modal.customId()).isEqualTo("onboarding_modal_nym:" + cid());
    assertThat(modal.inputs())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.customId()).isEqualTo("nym");
              assertThat(i.minLength()).hasValue(3);
              assertThat(i.maxLength()).hasValue(20);
            });
    assertThat(session(ALICE)).hasValueSatisfying(v -> assertThat(v).contains("step=nym"));
  }

  @Test
  void givenWholeWizard_generatePictureAndBio_createsProfileClosesWaitlistAndGrantsRoles()
      throws Exception {
    f.link(ALICE, 40);
    WaitlistRegistration registration = f.registered(ALICE, 40);
    wizard.handle(f.click(OnboardingWizard.START, ALICE));

    Answer picture = nym(ALICE, "  Stilgar_9 ");
    assertThat(buttons(message(picture)))
        .containsExactly(
            "onboarding_pfp_upload:" + cid(),
            "onboarding_pfp_generate:" + cid(),
            "onboarding_pfp_skip:" + cid());
    assertThat(message(picture).embeds().get(0).description())
        .hasValueSatisfying(d -> assertThat(d).contains("Stilgar_9"));

    Answer bio = wizard.handle(f.click(OnboardingWizard.PFP_GENERATE, ALICE));
    assertThat(bio.response()).isInstanceOf(InteractionResponse.UpdateMessage.class);
    assertThat(buttons(message(bio)))
        .containsExactly("onboarding_bio_add:" + cid(), "onboarding_bio_skip:" + cid());
    assertThat(message(bio).attachments()).hasSize(1);
    assertThat(message(bio).attachments().get(0).filename()).isEqualTo("avatar.png");
    assertThat(message(bio).attachments().get(0).contentType()).isEqualTo("image/png");
    assertThat(message(bio).embeds().get(0).thumbnailUrl()).hasValue("attachment://avatar.png");
    assertThat(fields(message(bio).embeds().get(0))).doesNotContainKey("Generated");

    assertThat(modal(wizard.handle(f.click(OnboardingWizard.BIO_ADD, ALICE))).customId())
        .isEqualTo("onboarding_modal_bio:" + cid());
    Answer done =
        wizard.handle(
            f.submit(
                OnboardingWizard.MODAL_BIO,
                ALICE,
                Map.of("bio", "  Water is life, see https://example.com now ")));

    Profile p = profile(ALICE).orElseThrow();
    assertThat(p.nym()).isEqualTo("Stilgar_9");
    assertThat(p.bio()).hasValue("Water is life, see [link removed] now");
    assertThat(p.pictureType()).isEqualTo(PictureType.GENERATED);
    assertThat(p.pictureSeed()).isPresent();
    assertThat(p.tier()).hasValue(Tier.FEDAYKIN);
    assertThat(p.createdAt()).isEqualTo(ProfileFixture.NOW);
    assertThat(p.active()).isTrue();
    assertThat(f.repos.activity().find(f.community.id(), p.memberId())).isPresent();
    assertThat(f.repos.alerts().preferences(f.community.id(), p.memberId())).isPresent();
    assertThat(f.repos.waitlist().active(f.community.id())).isEmpty();
    assertThat(f.repos.waitlist().all(f.community.id()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.id()).isEqualTo(registration.id());
              assertThat(r.closure())
                  .hasValueSatisfying(
                      c -> assertThat(c.reason()).isEqualTo(ClosedReason.ONBOARDED));
            });
    assertThat(f.repos.badges().ofMember(f.community.id(), p.memberId()))
        .extracting(b -> b.badgeId())
        .containsExactly("founding-fedaykin");
    assertThat(f.repos.auditLog().entries(f.community.id()))
        .extracting(e -> e.event().type())
        .contains(AuditType.MEMBER_ONBOARDED, AuditType.BADGE_AWARDED, AuditType.NAIB_SEATED);
    // nobody else is a member, so the first member takes seat #1 (fill, spec §5.2)
    assertThat(message(done).embeds().get(0).title())
        .hasValue("Welcome to the council, Stilgar_9 — you hold Naib seat #1");
    assertThat(done.actions())
        .filteredOn(a -> a instanceof DiscordAction.AddRole)
        .extracting(a -> ((DiscordAction.AddRole) a).roleId())
        .containsExactlyInAnyOrder(ProfileFixture.ONBOARDED_ROLE, ProfileFixture.NAIB_ROLE);
    assertThat(done.actions())
        .filteredOn(a -> a instanceof DiscordAction.RemoveRole)
        .extracting(a -> ((DiscordAction.RemoveRole) a).roleId())
        .containsExactlyInAnyOrder(ProfileFixture.TAQWA_ROLE, ProfileFixture.FEDAYKIN_ROLE);
    assertThat(done.actions())
        .allSatisfy(a -> assertThat(a.guildId()).hasValue(ProfileFixture.GUILD));
    assertThat(session(ALICE)).isEmpty();
  }

  @Test
  void givenSevenSeatsHeldByRicher_onboardingFedaykin_getsFedaykinAndPlainWelcome()
      throws Exception {
    for (int i = 1; i <= 7; i++) {
      UserId holder = user(100 + i);
      Profile p = f.member(holder, "holder" + i, i);
      f.repos
          .seats()
          .save(
              f.community.id(),
              io.arrakis.domain.naib.SeatRecord.open(
                  java.util.UUID.randomUUID(),
                  i,
                  p.memberId(),
                  ProfileFixture.NOW.minusSeconds(3600),
                  ProfileFixture.balanceOfRank(i)));
    }
    f.link(ALICE, 40);
    wizard.handle(f.click(OnboardingWizard.START, ALICE));
    nym(ALICE, "Chani");
    wizard.handle(f.click(OnboardingWizard.PFP_SKIP, ALICE));
    Answer done = wizard.handle(f.click(OnboardingWizard.BIO_SKIP, ALICE));

    assertThat(message(done).embeds().get(0).title()).hasValue("Welcome, Chani");
    assertThat(done.actions())
        .filteredOn(a -> a instanceof DiscordAction.AddRole)
        .extracting(a -> ((DiscordAction.AddRole) a).roleId())
        .containsExactlyInAnyOrder(ProfileFixture.ONBOARDED_ROLE, ProfileFixture.FEDAYKIN_ROLE);
    assertThat(profile(ALICE).orElseThrow().pictureType()).isEqualTo(PictureType.NONE);
    assertThat(profile(ALICE).orElseThrow().bio()).isEmpty();
  }

  @Test
  void givenRicherNewcomerAndFullCouncil_onboarding_bumpsTheLowestHolder() throws Exception {
    Profile lowest = null;
    for (int i = 1; i <= 7; i++) {
      int rank = i == 7 ? 50 : i + 1;
      Profile p = f.member(user(100 + i), "holder" + i, rank);
      f.repos
          .seats()
          .save(
              f.community.id(),
              io.arrakis.domain.naib.SeatRecord.open(
                  java.util.UUID.randomUUID(),
                  i,
                  p.memberId(),
                  ProfileFixture.NOW.minusSeconds(3600),
                  ProfileFixture.balanceOfRank(rank)));
      if (i == 7) {
        lowest = p;
      }
    }
    f.link(ALICE, 1);
    wizard.handle(f.click(OnboardingWizard.START, ALICE));
    nym(ALICE, "Paul");
    wizard.handle(f.click(OnboardingWizard.PFP_SKIP, ALICE));
    Answer done = wizard.handle(f.click(OnboardingWizard.BIO_SKIP, ALICE));

    assertThat(message(done).embeds().get(0).title())
        .hasValue("Welcome to the council, Paul — you hold Naib seat #7");
    assertThat(
            f.repos
                .profiles()
                .byMember(f.community.id(), lowest.memberId())
                .orElseThrow()
                .formerNaib())
        .isTrue();
    long bumpedUser = lowest.userId().value();
    assertThat(done.actions())
        .anySatisfy(
            a -> {
              assertThat(a).isInstanceOf(DiscordAction.RemoveRole.class);
              assertThat(((DiscordAction.RemoveRole) a).userId()).isEqualTo(bumpedUser);
              assertThat(((DiscordAction.RemoveRole) a).roleId())
                  .isEqualTo(ProfileFixture.NAIB_ROLE);
            });
  }

  @Test
  void givenTakenNym_submit_refusesWithTryAgainAndKeepsTheStep() throws Exception {
    f.member(user(2), "Stilgar", 10);
    f.link(ALICE, 40);
    wizard.handle(f.click(OnboardingWizard.START, ALICE));

    Answer answer = nym(ALICE, "STILGAR");

    MessagePayload m = message(answer);
    assertThat(m.ephemeral()).isTrue();
    assertThat(m.content()).isEqualTo("That nym is already taken.");
    assertThat(buttons(m)).containsExactly("onboarding_start:" + cid());
    assertThat(session(ALICE))
        .hasValueSatisfying(v -> assertThat(v).contains("step=nym").doesNotContain("nym=STILGAR"));
    // Try again reopens the modal on the same session
    assertThat(modal(wizard.handle(f.click(OnboardingWizard.START, ALICE))).customId())
        .startsWith("onboarding_modal_nym:");
  }

  @Test
  void givenReservedOrMalformedNym_submit_refusesWithTheReason() throws Exception {
    f.link(ALICE, 40);
    wizard.handle(f.click(OnboardingWizard.START, ALICE));
    assertThat(message(nym(ALICE, "Admin")).content()).isEqualTo("That nym is reserved.");
    assertThat(message(nym(ALICE, "_bad")).content()).startsWith("A nym has 3–20 letters");
  }

  @Test
  void givenNoSession_anyStep_answersExpiredWithStartButton() throws Exception {
    f.link(ALICE, 40);
    for (String prefix :
        List.of(OnboardingWizard.PFP_SKIP, OnboardingWizard.BIO_ADD, OnboardingWizard.PFP_UPLOAD)) {
      Answer answer = wizard.handle(f.click(prefix, ALICE));
      assertThat(message(answer).content()).isEqualTo(OnboardingWizard.EXPIRED);
      assertThat(message(answer).ephemeral()).isTrue();
      assertThat(buttons(message(answer))).containsExactly("onboarding_start:" + cid());
    }
    assertThat(message(nym(ALICE, "Chani")).content()).isEqualTo(OnboardingWizard.EXPIRED);
  }

  @Test
  void givenSessionIdleFor15Minutes_step_answersExpired_butEachStepSlidesTheTimeout()
      throws Exception {
    f.link(ALICE, 40);
    wizard.handle(f.click(OnboardingWizard.START, ALICE));
    f.clock.advance(Duration.ofMinutes(14));
    nym(ALICE, "Chani");
    f.clock.advance(Duration.ofMinutes(14));
    assertThat(message(wizard.handle(f.click(OnboardingWizard.PFP_SKIP, ALICE))).embeds())
        .hasSize(1);
    f.clock.advance(Duration.ofMinutes(16));
    assertThat(message(wizard.handle(f.click(OnboardingWizard.BIO_SKIP, ALICE))).content())
        .isEqualTo(OnboardingWizard.EXPIRED);
    assertThat(profile(ALICE)).isEmpty();
  }

  @Test
  void givenWizardStartedByOneWorker_anotherWorkerInstance_continuesFromTheStore()
      throws Exception {
    f.link(ALICE, 40);
    wizard.handle(f.click(OnboardingWizard.START, ALICE));
    nym(ALICE, "Chani");
    OnboardingWizard otherWorker = new OnboardingWizard(f.repos.asRepositories(), f.sessions);

    otherWorker.handle(f.click(OnboardingWizard.PFP_SKIP, ALICE));
    otherWorker.handle(f.click(OnboardingWizard.BIO_SKIP, ALICE));

    assertThat(profile(ALICE)).hasValueSatisfying(p -> assertThat(p.nym()).isEqualTo("Chani"));
  }

  @Test
  void givenButtonsBeforeTheNym_step_asksForTheNymFirst() throws Exception {
    f.link(ALICE, 40);
    wizard.handle(f.click(OnboardingWizard.START, ALICE));
    Answer answer = wizard.handle(f.click(OnboardingWizard.BIO_SKIP, ALICE));
    assertThat(message(answer).content()).isEqualTo(OnboardingWizard.NYM_FIRST);
    assertThat(profile(ALICE)).isEmpty();
  }

  @Test
  void givenBadPictureUrl_submit_refusesWithThePictureButtonsAgain() throws Exception {
    f.link(ALICE, 40);
    wizard.handle(f.click(OnboardingWizard.START, ALICE));
    nym(ALICE, "Chani");
    assertThat(modal(wizard.handle(f.click(OnboardingWizard.PFP_UPLOAD, ALICE))).customId())
        .isEqualTo("onboarding_modal_pfp:" + cid());

    Answer bad =
        wizard.handle(
            f.submit(
                OnboardingWizard.MODAL_PFP, ALICE, Map.of("pfp_url", "http://evil.example/x.png")));
    assertThat(message(bad).ephemeral()).isTrue();
    assertThat(message(bad).content()).startsWith("Pictures must be https links");
    assertThat(buttons(message(bad)))
        .hasSize(3)
        .first()
        .asString()
        .startsWith("onboarding_pfp_upload:");

    wizard.handle(
        f.submit(
            OnboardingWizard.MODAL_PFP,
            ALICE,
            Map.of("pfp_url", "https://cdn.discordapp.com/avatars/1/a.png")));
    wizard.handle(f.click(OnboardingWizard.BIO_SKIP, ALICE));
    assertThat(profile(ALICE).orElseThrow().pictureUrl())
        .hasValue("https://cdn.discordapp.com/avatars/1/a.png");
    assertThat(profile(ALICE).orElseThrow().pictureType()).isEqualTo(PictureType.CUSTOM);
  }

  @Test
  void givenWalletNoLongerEligibleAtCompletion_finish_stopsAndEndsTheSession() throws Exception {
    f.link(ALICE, 40);
    wizard.handle(f.click(OnboardingWizard.START, ALICE));
    nym(ALICE, "Chani");
    f.link(ALICE, 90);

    Answer answer = wizard.handle(f.click(OnboardingWizard.BIO_SKIP, ALICE));

    assertThat(ephemeralText(answer)).isEqualTo(OnboardingCompletion.NOT_ELIGIBLE);
    assertThat(profile(ALICE)).isEmpty();
    assertThat(session(ALICE)).isEmpty();
  }

  @Test
  void givenNymTakenDuringTheWizard_finish_asksForAnotherAndThatNymCompletes() throws Exception {
    f.link(ALICE, 40);
    wizard.handle(f.click(OnboardingWizard.START, ALICE));
    nym(ALICE, "Chani");
    wizard.handle(f.click(OnboardingWizard.PFP_SKIP, ALICE));
    f.member(user(3), "chani", 20);

    Answer taken = wizard.handle(f.click(OnboardingWizard.BIO_SKIP, ALICE));
    assertThat(message(taken).content()).isEqualTo(OnboardingCompletion.NYM_TAKEN);
    assertThat(buttons(message(taken))).containsExactly("onboarding_start:" + cid());
    assertThat(profile(ALICE)).isEmpty();

    wizard.handle(f.click(OnboardingWizard.START, ALICE));
    Answer done = nym(ALICE, "Chani2");
    assertThat(message(done).embeds().get(0).title())
        .hasValueSatisfying(t -> assertThat(t).contains("Chani2"));
    assertThat(profile(ALICE)).hasValueSatisfying(p -> assertThat(p.nym()).isEqualTo("Chani2"));
  }

  @Test
  void givenNoEligibleWallet_start_refusesWithVerifyHint() throws Exception {
    f.link(ALICE, 90);
    assertThat(ephemeralText(wizard.handle(f.click(OnboardingWizard.START, ALICE))))
        .isEqualTo("To join Arrakis, link an eligible wallet with /verify start in the server.");
    assertThat(ephemeralText(wizard.handle(f.click(OnboardingWizard.START, user(9)))))
        .startsWith("To join Arrakis");
  }

  @Test
  void givenExistingProfile_start_saysAlreadyAMember() throws Exception {
    f.member(ALICE, "Chani", 40);
    assertThat(ephemeralText(wizard.handle(f.click(OnboardingWizard.START, ALICE))))
        .startsWith("You're already a member of Arrakis");
  }

  @Test
  void givenOtherUsersSession_click_neverTouchesIt() throws Exception {
    f.link(ALICE, 40);
    wizard.handle(f.click(OnboardingWizard.START, ALICE));
    nym(ALICE, "Chani");

    Answer intruder = wizard.handle(f.click(OnboardingWizard.BIO_SKIP, user(7)));

    assertThat(message(intruder).content()).isEqualTo(OnboardingWizard.EXPIRED);
    assertThat(session(ALICE)).isPresent();
    assertThat(profile(user(7))).isEmpty();
  }
}
