package io.arrakis.bot.profile;

import static io.arrakis.bot.profile.ProfileFixture.buttons;
import static io.arrakis.bot.profile.ProfileFixture.fields;
import static io.arrakis.bot.profile.ProfileFixture.message;
import static io.arrakis.bot.profile.ProfileFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.Replies;
import io.arrakis.discord.AutocompleteChoices;
import io.arrakis.discord.CommandOptions;
import io.arrakis.discord.DiscordUser;
import io.arrakis.discord.Embed;
import io.arrakis.discord.GuildMember;
import io.arrakis.discord.Interaction;
import io.arrakis.discord.InteractionContext;
import io.arrakis.discord.InteractionToken;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.Profile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProfileCommandTest {
  private static final UserId ALICE = user(1);

  private final ProfileFixture f = new ProfileFixture();
  private final ProfileCommand command = new ProfileCommand(f.repos.asRepositories(), f.sessions);

  private Answer run(String sub, UserId who, Map<String, String> options) throws Exception {
    return command.handle(f.slash(sub, who, options));
  }

  @Test
  void isProfileAndAnswersImmediately() throws Exception {
    assertThat(command.name()).isEqualTo("profile");
    assertThat(command.answerMode(f.slash("view", ALICE, Map.of()).command()))
        .isEqualTo(AnswerMode.IMMEDIATE);
  }

  @Test
  void givenNoProfile_viewOwnOrEdit_answersNotMember() throws Exception {
    assertThat(message(run("view", ALICE, Map.of()))).isEqualTo(Replies.notMember());
    assertThat(message(run("edit", ALICE, Map.of()))).isEqualTo(Replies.notMember());
  }

  @Test
  void givenMember_viewOwn_isEphemeralCardWithTierTenureBadges() throws Exception {
    Profile p = f.member(ALICE, "Chani", 40);
    f.repos
        .badges()
        .save(
            f.community.id(),
            new MemberBadge(
                UUID.randomUUID(),
                p.memberId(),
                "og",
                ProfileFixture.NOW,
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));

    Answer answer = run("view", ALICE, Map.of());

    assertThat(message(answer).ephemeral()).isTrue();
    Embed e = message(answer).embeds().get(0);
    assertThat(e.title()).hasValue("⚔️ Chani");
    assertThat(e.description()).hasValue("hello");
    assertThat(fields(e))
        .containsEntry("Tier", "⚔️ Fedaykin")
        .containsEntry("Tenure", "Member")
        .containsEntry("Badges", "1")
        .containsKey("Member since")
        .doesNotContainKey("Last nym change");
    assertThat(e.footer()).hasValue("Edit with /profile edit");
  }

  @Test
  void givenNym_view_isPublicCardWithoutWalletOrMention() throws Exception {
    Profile p = f.member(user(2), "Stilgar", 5);
    for (String badge : List.of("og", "veteran", "elder", "helper", "contributor", "devoted")) {
      f.repos
          .badges()
          .save(
              f.community.id(),
              new MemberBadge(
                  UUID.randomUUID(),
                  p.memberId(),
                  badge,
                  ProfileFixture.NOW,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty()));
    }

    Answer answer = run("view", ALICE, Map.of("nym", "stilgar"));

    assertThat(message(answer).ephemeral()).isFalse();
    Embed e = message(answer).embeds().get(0);
    assertThat(e.title()).hasValue("👑 Stilgar");
    assertThat(fields(e)).containsEntry("Badges", "6").containsKey("Tenure");
    assertThat(fields(e).get("Recent badges")).endsWith("+1 more");
    assertThat(e.footer()).hasValue("Wallets and Discord identities are never shown.");
    assertThat(e.toString()).doesNotContain("0xa").doesNotContain(Long.toString(user(2).value()));
  }

  @Test
  void givenUnknownOrInactiveNym_view_answersNoMemberNamed() throws Exception {
    Profile gone = f.member(user(2), "Ghost", 20);
    f.repos.profiles().save(f.community.id(), gone.left(ProfileFixture.NOW));
    assertThat(ProfileFixture.ephemeralText(run("view", ALICE, Map.of("nym", "Ghost"))))
        .isEqualTo("No member named Ghost.");
    assertThat(ProfileFixture.ephemeralText(run("view", ALICE, Map.of("nym", "nobody"))))
        .isEqualTo("No member named nobody.");
  }

  private Profile generated(Profile p) {
    Profile g =
        new Profile(
            p.memberId(),
            p.userId(),
            p.nym(),
            p.bio(),
            PictureType.GENERATED,
            Optional.empty(),
            Optional.of("0011223344556677"),
            p.tier(),
            p.tierUpdatedAt(),
            p.createdAt(),
            p.nymLastChangedAt(),
            p.formerNaib(),
            p.active(),
            p.leftAt());
    f.repos.profiles().save(f.community.id(), g);
    return g;
  }

  @Test
  void givenAGeneratedPicture_bothCardsUploadThePngAndShowItAsTheThumbnail() throws Exception {
    Profile p = generated(f.member(ALICE, "Chani", 40));
    byte[] expected =
        GeneratedPicture.attachment(p.memberId(), "0011223344556677", p.tier()).data();

    for (Answer answer :
        List.of(run("view", ALICE, Map.of()), run("view", user(3), Map.of("nym", "Chani")))) {
      MessagePayload m = message(answer);
      assertThat(m.attachments())
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.filename()).isEqualTo("avatar.png");
                assertThat(a.data()).isEqualTo(expected);
              });
      assertThat(m.embeds().get(0).thumbnailUrl()).hasValue("attachment://avatar.png");
    }
  }

  @Test
  void givenAGeneratedPicture_theEditMenuDm_namesItButCarriesNoFile() throws Exception {
    generated(f.member(ALICE, "Chani", 40));

    DiscordAction.SendDirectMessage dm =
        (DiscordAction.SendDirectMessage) run("edit", ALICE, Map.of()).actions().get(0);

    assertThat(dm.message().attachments()).as("queued actions carry no files").isEmpty();
    assertThat(dm.message().embeds().get(0).thumbnailUrl()).isEmpty();
    assertThat(fields(dm.message().embeds().get(0))).containsEntry("Picture", "Generated");
  }

  @Test
  void givenMember_edit_startsSessionAndDmsTheMenu() throws Exception {
    f.member(ALICE, "Chani", 40);

    Answer answer = run("edit", ALICE, Map.of());

    assertThat(message(answer).content()).isEqualTo("Check your DMs.");
    assertThat(message(answer).ephemeral()).isTrue();
    assertThat(answer.actions())
        .singleElement()
        .isInstanceOf(DiscordAction.SendDirectMessage.class);
    DiscordAction.SendDirectMessage dm = (DiscordAction.SendDirectMessage) answer.actions().get(0);
    assertThat(dm.userId()).isEqualTo(ALICE.value());
    String cid = f.community.id().toString();
    assertThat(buttons(dm.message()))
        .containsExactly(
            "edit_nym:" + cid, "edit_bio:" + cid, "edit_pfp:" + cid, "edit_done:" + cid);
    assertThat(fields(dm.message().embeds().get(0)))
        .containsEntry("Nym", "Chani")
        .containsEntry("Bio", "hello");
    assertThat(f.sessions.get("profile-edit:" + cid, ALICE.toString())).isPresent();
  }

  @Test
  void autocomplete_matchesActiveNymsCaseInsensitivelyUpTo25() throws Exception {
    for (int i = 0; i < 30; i++) {
      f.member(user(100 + i), "sand" + i, 10 + i);
    }
    Profile gone = f.member(user(200), "sandGhost", 80);
    f.repos.profiles().save(f.community.id(), gone.left(ProfileFixture.NOW));
    f.member(user(201), "Worm", 81);
    NymAutocomplete complete = new NymAutocomplete(f.repos.asRepositories());
    assertThat(complete.paths()).containsExactly("profile view");

    AutocompleteChoices many = complete.complete(typing("SAN"), f.community);
    assertThat(many.choices()).hasSize(25);
    assertThat(many.choices())
        .extracting(AutocompleteChoices.Choice::name)
        .doesNotContain("sandGhost");

    AutocompleteChoices one = complete.complete(typing("or"), f.community);
    assertThat(one.choices())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.name()).isEqualTo("Worm");
              assertThat(c.value()).isEqualTo(new AutocompleteChoices.TextValue("Worm"));
            });
  }

  private Interaction.Autocomplete typing(String partial) throws Exception {
    return new Interaction.Autocomplete(
        new InteractionContext(
            new InteractionToken(1L, ProfileFixture.APPLICATION, "t"),
            OptionalLong.of(ProfileFixture.GUILD),
            ProfileFixture.CHANNEL,
            new DiscordUser(ALICE.value(), "alice", Optional.empty(), false),
            Optional.of(new GuildMember(List.of(), 0L, Optional.empty())),
            Optional.empty(),
            Optional.empty(),
            OptionalLong.empty()),
        42L,
        "profile",
        Optional.empty(),
        Optional.of("view"),
        new CommandOptions(Map.of()),
        "nym",
        partial);
  }
}
