package io.arrakis.bot.admin;

import static io.arrakis.bot.admin.AdminFixture.NOW;
import static io.arrakis.bot.admin.AdminFixture.WATER_ROLE;
import static io.arrakis.bot.admin.AdminFixture.embed;
import static io.arrakis.bot.admin.AdminFixture.error;
import static io.arrakis.bot.admin.AdminFixture.fields;
import static io.arrakis.bot.admin.AdminFixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.discord.Embed;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.badges.BadgeCatalogue;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.water.WaterGrant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaterShareCommandTest {
  private final AdminFixture f = new AdminFixture();
  private final WaterShareCommand command = new WaterShareCommand(f.repos.asRepositories());
  private final Profile alice = f.member(1, "Alice");
  private final Profile bob = f.member(2, "Bob");
  private SlashCommand last;

  private Answer share(UserId caller, long recipient) {
    last = f.slash("water-share", "share", caller, Map.of("member", recipient));
    return command.handle(f.invocation(last));
  }

  private Answer status(UserId caller) {
    last = f.slash("water-share", "status", caller, Map.of());
    return command.handle(f.invocation(last));
  }

  private String interaction() {
    return Long.toUnsignedString(last.context().interactionId());
  }

  @Test
  void isAMemberCommandAnsweringImmediately() {
    assertThat(command.name()).isEqualTo("water-share");
    assertThat(command.adminOnly()).isFalse();
    assertThat(command.answerMode(f.slash("water-share", "share", user(1), Map.of())))
        .isEqualTo(AnswerMode.IMMEDIATE);
  }

  @Test
  void givenHolder_share_insertsTheGrantAwardsTheBadgeAuditsAndQueuesRoleAndDm() {
    f.water(alice);

    Answer answer = share(alice.userId(), bob.userId().value());

    WaterGrant grant = f.grants().get(0);
    assertThat(f.grants()).hasSize(1);
    assertThat(grant.granter()).isEqualTo(alice.memberId());
    assertThat(grant.recipient()).isEqualTo(bob.memberId());
    assertThat(grant.grantedAt()).isEqualTo(NOW);
    assertThat(grant.active()).isTrue();
    MemberBadge badge =
        f.repos.badges().ofMember(f.community.id(), bob.memberId()).stream()
            .filter(b -> b.badgeId().equals(BadgeCatalogue.WATER_SHARER))
            .findFirst()
            .orElseThrow();
    assertThat(badge.active()).isTrue();
    assertThat(badge.awardedBy()).contains(alice.memberId().toString());
    assertThat(badge.reason()).contains("Shared by Alice");
    assertThat(f.repos.auditLog().entries(f.community.id()))
        .extracting(e -> e.event().type())
        .contains(AuditType.WATER_SHARER_GRANT, AuditType.BADGE_AWARDED, AuditType.ROLE_ASSIGNED);
    assertThat(f.repos.auditLog().entries(f.community.id()).get(0).event().payload())
        .containsEntry("grant", grant.id().toString())
        .containsEntry("granter", alice.memberId().toString())
        .containsEntry("recipient", bob.memberId().toString());

    Embed embed = embed(answer);
    assertThat(embed.title()).contains("Water Sharer Badge Shared!");
    assertThat(fields(embed))
        .containsExactly(
            entry("Recipient", "Bob"),
            entry("Your status", "Shared — you can't share again unless this grant is revoked"));
    assertThat(answer.actions())
        .contains(
            new DiscordAction.AddRole(
                interaction() + ":role.add:" + WATER_ROLE + ":" + bob.userId().value(),
                AdminFixture.GUILD,
                bob.userId().value(),
                WATER_ROLE,
                "Sietch: water shared with you"));
    DiscordAction.SendDirectMessage dm =
        answer.actions().stream()
            .filter(DiscordAction.SendDirectMessage.class::isInstance)
            .map(DiscordAction.SendDirectMessage.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(dm.userId()).isEqualTo(bob.userId().value());
    assertThat(dm.purpose()).isEqualTo("alert:badge_award");
    assertThat(dm.message().embeds().get(0).fields())
        .anySatisfy(fl -> assertThat(fl.value()).isEqualTo("Alice shared their water with you"));
  }

  @Test
  void givenRecipientStillHoldingTheBadgeOfARevokedGrant_share_refusesAsHolder() {
    f.water(alice);
    Profile carol = f.member(3, "Carol");
    f.grant(carol, bob, NOW.minusSeconds(3600));
    WaterGrant revoked = f.grants().get(0).revoked(NOW.minusSeconds(60), "admin");
    f.repos.waterGrants().save(f.community.id(), revoked);

    assertThat(error(share(alice.userId(), bob.userId().value())))
        .isEqualTo(
            "<@"
                + Long.toUnsignedString(bob.userId().value())
                + "> already holds the Water Sharer badge.");
  }

  @Test
  void givenEachPrecondition_share_refusesEphemerallyInTheSpecsOrder() {
    // not holding the badge
    assertThat(error(share(alice.userId(), bob.userId().value())))
        .isEqualTo("You don't hold the Water Sharer badge.");
    f.water(alice);
    // self
    assertThat(error(share(alice.userId(), alice.userId().value())))
        .isEqualTo("You can't share with yourself.");
    // not a member
    long stranger = user(9).value();
    assertThat(error(share(alice.userId(), stranger)))
        .isEqualTo("<@" + Long.toUnsignedString(stranger) + "> isn't an onboarded member here.");
    // recipient holds the badge already
    Profile carol = f.member(3, "Carol");
    f.water(carol);
    assertThat(error(share(alice.userId(), carol.userId().value())))
        .isEqualTo(
            "<@"
                + Long.toUnsignedString(carol.userId().value())
                + "> already holds the Water"
                + " Sharer badge.");
    // received once already (revoked grant, badge revoked with it)
    Profile dave = f.member(4, "Dave");
    WaterGrant old = f.grant(carol, dave, NOW.minusSeconds(7200));
    f.repos.waterGrants().save(f.community.id(), old.revoked(NOW.minusSeconds(3600), "admin"));
    MemberBadge daves = f.repos.badges().ofMember(f.community.id(), dave.memberId()).get(0);
    f.repos.badges().save(f.community.id(), daves.revoked(NOW.minusSeconds(3600), "admin"));
    assertThat(error(share(alice.userId(), dave.userId().value())))
        .isEqualTo(
            "<@"
                + Long.toUnsignedString(dave.userId().value())
                + "> has already received water once and can't receive it again.");
    // already shared
    share(alice.userId(), bob.userId().value());
    Profile erin = f.member(5, "Erin");
    assertThat(error(share(alice.userId(), erin.userId().value())))
        .isEqualTo("You've already shared your water with Bob.");
  }

  @Test
  void givenNonMember_anySubcommand_answersNotMember() {
    assertThat(error(share(user(9), bob.userId().value()))).startsWith("You don't have a profile");
    assertThat(error(status(user(9)))).startsWith("You don't have a profile");
  }

  @Test
  void givenNoBadge_status_answersTheGreyEmbed() {
    Embed embed = embed(status(bob.userId()));

    assertThat(embed.description())
        .contains(
            "You don't hold the Water Sharer badge. Admins award it and holders can share it.");
    assertThat(embed.color()).hasValue(WaterShareCommand.COLOR_GREY);
  }

  @Test
  void givenCouncilBadgeNotShared_status_showsCanShare() {
    f.water(alice);

    Embed embed = embed(status(alice.userId()));

    assertThat(embed.color()).hasValue(WaterShareCommand.COLOR_BLUE);
    assertThat(fields(embed))
        .containsExactly(
            entry("Can share", "Yes"),
            entry("Shared with", "—"),
            entry("Received from", "Awarded by the council"));
  }

  @Test
  void givenMiddleOfAChain_status_showsBothSides() {
    f.water(alice);
    f.grant(alice, bob, NOW.minusSeconds(7200));
    Profile carol = f.member(3, "Carol");
    f.grant(bob, carol, NOW.minusSeconds(3600));

    assertThat(fields(embed(status(bob.userId()))))
        .containsExactly(
            entry("Can share", "No"),
            entry("Shared with", "Carol"),
            entry("Received from", "Alice"));
  }
}
