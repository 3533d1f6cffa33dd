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
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.Profile;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileEditWizardTest {
  private static final UserId ALICE = user(1);

  private final ProfileFixture f = new ProfileFixture();
  private final ProfileEditWizard wizard =
      new ProfileEditWizard(f.repos.asRepositories(), f.sessions);
  private final ProfileCommand command = new ProfileCommand(f.repos.asRepositories(), f.sessions);

  private Profile start() throws Exception {
    Profile p = f.member(ALICE, "Chani", 40);
    command.handle(f.slash("edit", ALICE, Map.of()));
    return p;
  }

  private Profile current() throws Exception {
    return f.repos.profiles().byUser(f.community.id(), ALICE).orElseThrow();
  }

  @Test
  void givenNoSession_anyButton_answersExpired() throws Exception {
    f.member(ALICE, "Chani", 40);
    assertThat(ephemeralText(wizard.handle(f.click(ProfileEditWizard.NYM, ALICE))))
        .isEqualTo("This edit session expired. Run /profile edit again.");
  }

  @Test
  void givenNeverChanged_editNym_opensPrefilledModalAndSubmitSavesWithTimestamp() throws Exception {
    start();
    var m = modal(wizard.handle(f.click(ProfileEditWizard.NYM, ALICE)));
    assertThat(m.customId()).isEqualTo("edit_modal_nym:" + f.community.id());
    assertThat(m.inputs().get(0).value()).hasValue("Chani");

    Answer answer =
        wizard.handle(f.submit(ProfileEditWizard.MODAL_NYM, ALICE, Map.of("nym", "Chani_K")));

    assertThat(current().nym()).isEqualTo("Chani_K");
    assertThat(current().nymLastChangedAt()).hasValue(ProfileFixture.NOW);
    assertThat(message(answer).content()).isEqualTo("Nym changed to Chani_K.");
    assertThat(fields(message(answer).embeds().get(0))).containsEntry("Nym", "Chani_K");
    assertThat(f.repos.auditLog().entries(f.community.id()))
        .anySatisfy(
            e -> {
              assertThat(e.event().type()).isEqualTo(AuditType.PROFILE_UPDATED);
              assertThat(e.event().payload()).containsEntry("fields", "nym");
            });
  }

  @Test
  void givenRecentNymChange_editNym_answersCooldownFromCommunityConfig() throws Exception {
    start();
    wizard.handle(f.submit(ProfileEditWizard.MODAL_NYM, ALICE, Map.of("nym", "Chani_K")));
    f.clock.advance(Duration.ofMinutes(1));

    Answer answer = wizard.handle(f.click(ProfileEditWizard.NYM, ALICE));

    long next = ProfileFixture.NOW.plus(Duration.ofDays(30)).getEpochSecond();
    assertThat(ephemeralText(answer))
        .isEqualTo("You can change your nym again <t:" + next + ":R>.");
  }

  @Test
  void givenNymOfAnother_submit_refusesAndKeepsTheNym() throws Exception {
    start();
    f.member(user(2), "Stilgar", 10);
    assertThat(
            ephemeralText(
                wizard.handle(
                    f.submit(ProfileEditWizard.MODAL_NYM, ALICE, Map.of("nym", "stilgar")))))
        .isEqualTo("That nym is already taken.");
    assertThat(current().nym()).isEqualTo("Chani");
  }

  @Test
  void givenEmptyBio_submit_clearsIt_andLinksAreRemoved() throws Exception {
    start();
    assertThat(modal(wizard.handle(f.click(ProfileEditWizard.BIO, ALICE))).inputs().get(0).value())
        .hasValue("hello");
    wizard.handle(f.submit(ProfileEditWizard.MODAL_BIO, ALICE, Map.of("bio", "see www.x.io")));
    assertThat(current().bio()).hasValue("see [link removed]");
    wizard.handle(f.submit(ProfileEditWizard.MODAL_BIO, ALICE, Map.of("bio", "   ")));
    assertThat(current().bio()).isEmpty();
  }

  @Test
  void pictureMenu_generateRemoveUploadAndBack() throws Exception {
    start();
    Answer menu = wizard.handle(f.click(ProfileEditWizard.PFP, ALICE));
    assertThat(menu.response()).isInstanceOf(InteractionResponse.UpdateMessage.class);
    String cid = f.community.id().toString();
    assertThat(buttons(message(menu)))
        .containsExactly(
            "edit_pfp_upload:" + cid,
            "edit_pfp_generate:" + cid,
            "edit_pfp_remove:" + cid,
            "edit_pfp_back:" + cid);

    MessagePayload generated =
        message(wizard.handle(f.click(ProfileEditWizard.PFP_GENERATE, ALICE)));
    assertThat(current().pictureType()).isEqualTo(PictureType.GENERATED);
    String seed = current().pictureSeed().orElseThrow();
    assertThat(generated.attachments()).hasSize(1);
    assertThat(generated.embeds().get(0).thumbnailUrl()).hasValue("attachment://avatar.png");
    MessagePayload regenerated =
        message(wizard.handle(f.click(ProfileEditWizard.PFP_GENERATE, ALICE)));
    assertThat(current().pictureSeed()).isPresent().isNotEqualTo(Optional.of(seed));
    assertThat(regenerated.attachments().get(0).data())
        .as("a new seed draws a new picture")
        .isNotEqualTo(generated.attachments().get(0).data());

    assertThat(
            ephemeralText(
                wizard.handle(
                    f.submit(
                        ProfileEditWizard.MODAL_PFP,
                        ALICE,
                        Map.of("pfp_url", "https://example.com/a.png")))))
        .startsWith("Pictures must be https links");
    wizard.handle(
        f.submit(
            ProfileEditWizard.MODAL_PFP, ALICE, Map.of("pfp_url", "https://i.imgur.com/abc.png")));
    assertThat(current().pictureType()).isEqualTo(PictureType.CUSTOM);
    assertThat(current().pictureUrl()).hasValue("https://i.imgur.com/abc.png");

    MessagePayload removed = message(wizard.handle(f.click(ProfileEditWizard.PFP_REMOVE, ALICE)));
    assertThat(removed.attachments()).isEmpty();
    assertThat(removed.embeds().get(0).thumbnailUrl()).isEmpty();
    assertThat(current().pictureType()).isEqualTo(PictureType.NONE);
    assertThat(current().pictureUrl()).isEmpty();

    assertThat(buttons(message(wizard.handle(f.click(ProfileEditWizard.PFP_BACK, ALICE)))))
        .containsExactly(
            "edit_nym:" + cid, "edit_bio:" + cid, "edit_pfp:" + cid, "edit_done:" + cid);
  }

  @Test
  void done_endsTheSession() throws Exception {
    start();
    Answer done = wizard.handle(f.click(ProfileEditWizard.DONE, ALICE));
    assertThat(message(done).content()).isEqualTo("Profile saved.");
    assertThat(message(done).components()).isEmpty();
    assertThat(ephemeralText(wizard.handle(f.click(ProfileEditWizard.BIO, ALICE))))
        .isEqualTo(ProfileEditWizard.EXPIRED);
  }

  @Test
  void givenAnotherUsersSessionOnly_click_isExpiredForTheClicker() throws Exception {
    start();
    f.member(user(2), "Stilgar", 10);
    assertThat(ephemeralText(wizard.handle(f.click(ProfileEditWizard.PFP_REMOVE, user(2)))))
        .isEqualTo(ProfileEditWizard.EXPIRED);
  }
}
