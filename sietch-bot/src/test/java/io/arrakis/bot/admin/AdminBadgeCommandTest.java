package io.arrakis.bot.admin;

import static io.arrakis.bot.admin.AdminFixture.NOW;
import static io.arrakis.bot.admin.AdminFixture.TRUSTED_ROLE;
import static io.arrakis.bot.admin.AdminFixture.WATER_ROLE;
import static io.arrakis.bot.admin.AdminFixture.error;
import static io.arrakis.bot.admin.AdminFixture.message;
import static io.arrakis.bot.admin.AdminFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.discord.AutocompleteChoices;
import io.arrakis.discord.GuildMember;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.badges.BadgeCatalogue;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.water.WaterGrant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminBadgeCommandTest {
  private static final UserId ADMIN = user(99);

  private final AdminFixture f = new AdminFixture();
  private final AdminBadgeCommand command = new AdminBadgeCommand(f.repos.asRepositories());
  private final AdminBadgeCompletion completion =
      new AdminBadgeCompletion(f.repos.asRepositories());
  private final Profile alice = f.member(1, "Alice");

  private Answer award(String nym, String badge, String reason) {
    return command.handle(
        f.invocation(
            f.slash(
                "admin-badge",
                "award",
                ADMIN,
                Map.of("nym", nym, "badge", badge, "reason", reason))));
  }

  private Answer revoke(String nym, String badge) {
    return command.handle(
        f.invocation(f.slash("admin-badge", "revoke", ADMIN, Map.of("nym", nym, "badge", badge))));
  }

  private MemberBadge row(Profile p, String badge) {
    return f.repos.badges().ofMember(f.community.id(), p.memberId()).stream()
        .filter(b -> b.badgeId().equals(badge))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void isAdminOnlyAndImmediate() {
    assertThat(command.name()).isEqualTo("admin-badge");
    assertThat(command.adminOnly()).isTrue();
    assertThat(command.answerMode(f.slash("admin-badge", "award", ADMIN, Map.of())))
        .isEqualTo(AnswerMode.IMMEDIATE);
    assertThat(completion.adminOnly()).isTrue();
  }

  @Test
  void givenHelper_award_savesTheRowAuditsSendsBadgeAwardAndGrantsTrusted() {
    Answer answer = award("alice", "helper", "Answers every question");

    MemberBadge row = row(alice, BadgeCatalogue.HELPER);
    assertThat(row.active()).isTrue();
    assertThat(row.awardedAt()).isEqualTo(NOW);
    assertThat(row.awardedBy()).contains(ADMIN.toString());
    assertThat(row.reason()).contains("Answers every question");
    assertThat(message(answer).ephemeral()).isTrue();
    assertThat(message(answer).content())
        .isEqualTo("Awarded 🤝 **Helper** to **Alice**\nReason: Answers every question");
    assertThat(f.repos.auditLog().entries(f.community.id()))
        .extracting(e -> e.event().type())
        .containsExactly(AuditType.BADGE_AWARDED, AuditType.ROLE_ASSIGNED);
    assertThat(f.repos.auditLog().entries(f.community.id()).get(0).event().payload())
        .containsEntry("badge", "helper")
        .containsEntry("by", ADMIN.toString())
        .containsEntry("reason", "Answers every question");
    assertThat(answer.actions()).hasSize(2);
    assertThat(answer.actions().get(0)).isInstanceOf(DiscordAction.SendDirectMessage.class);
    assertThat(answer.actions().get(1))
        .isInstanceOfSatisfying(
            DiscordAction.AddRole.class, a -> assertThat(a.roleId()).isEqualTo(TRUSTED_ROLE));
  }

  @Test
  void givenRefusals_award_answersEphemerally() {
    assertThat(error(award("Nobody", "helper", "x"))).isEqualTo("No member named Nobody.");
    assertThat(error(award("Alice", "no-such", "x"))).isEqualTo("No badge with the id no-such.");
    assertThat(error(award("Alice", "veteran", "x")))
        .isEqualTo("Only contribution and special badges can be awarded manually.");
    assertThat(error(award("Alice", "helper", " "))).isEqualTo("A reason is required.");
    award("Alice", "helper", "first");
    assertThat(error(award("Alice", "helper", "again")))
        .isEqualTo("**Alice** already holds 🤝 **Helper**.");
  }

  @Test
  void givenRevokedBadge_award_reactivatesTheSameRow() {
    award("Alice", "contributor", "first");
    MemberBadge first = row(alice, "contributor");
    revoke("Alice", "contributor");

    award("Alice", "contributor", "second");

    MemberBadge again = row(alice, "contributor");
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.active()).isTrue();
    assertThat(again.reason()).contains("second");
  }

  @Test
  void givenWaterSharerFromAGrant_revoke_removesBadgeAndRoleButKeepsTheGrant() {
    Profile bob = f.member(2, "Bob");
    f.water(alice);
    WaterGrant grant = f.grant(alice, bob, NOW.minusSeconds(60));

    Answer answer = revoke("Bob", "water-sharer");

    assertThat(message(answer).content()).isEqualTo("Revoked **Water Sharer** from **Bob**.");
    MemberBadge row = row(bob, BadgeCatalogue.WATER_SHARER);
    assertThat(row.active()).isFalse();
    assertThat(row.revocation().orElseThrow().revokedBy()).isEqualTo(ADMIN.toString());
    assertThat(f.grantById(grant.id()).active()).as("grant records untouched").isTrue();
    assertThat(answer.actions())
        .singleElement()
        .isInstanceOfSatisfying(
            DiscordAction.RemoveRole.class,
            r -> {
              assertThat(r.roleId()).isEqualTo(WATER_ROLE);
              assertThat(r.userId()).isEqualTo(bob.userId().value());
            });
    assertThat(f.repos.auditLog().entries(f.community.id()))
        .extracting(e -> e.event().type())
        .containsExactly(AuditType.BADGE_REVOKED, AuditType.ROLE_REMOVED);
  }

  @Test
  void givenBadgeNotHeld_revoke_refuses() {
    assertThat(error(revoke("Alice", "helper"))).isEqualTo("**Alice** doesn't hold **Helper**.");
  }

  @Test
  void badgeCompletion_onAwardOffersOnlyContributionAndSpecialBadges() {
    AutocompleteChoices all =
        completion.complete(
            f.autocomplete(
                "admin-badge",
                "award",
                ADMIN,
                GuildMember.MANAGE_GUILD,
                Map.of("nym", "Alice"),
                "badge",
                ""),
            f.community);
    AutocompleteChoices founding =
        completion.complete(
            f.autocomplete(
                "admin-badge",
                "award",
                ADMIN,
                GuildMember.MANAGE_GUILD,
                Map.of(),
                "badge",
                "FOUND"),
            f.community);

    assertThat(all.choices())
        .extracting(c -> ((AutocompleteChoices.TextValue) c.value()).value())
        .containsExactly(
            "helper",
            "contributor",
            "founding-fedaykin",
            "founding-naib",
            "water-sharer",
            "usul-ascended");
    assertThat(founding.choices())
        .containsExactly(
            AutocompleteChoices.Choice.of("⚔️ Founding Fedaykin (special)", "founding-fedaykin"),
            AutocompleteChoices.Choice.of("👑 Founding Naib (special)", "founding-naib"));
  }

  @Test
  void badgeCompletion_onRevokeOffersTheNamedMembersActiveBadges() {
    f.badge(alice, "og", NOW);
    MemberBadge helper = f.badge(alice, "helper", NOW);
    f.repos.badges().save(f.community.id(), helper.revoked(NOW, "admin"));

    AutocompleteChoices choices =
        completion.complete(
            f.autocomplete(
                "admin-badge",
                "revoke",
                ADMIN,
                GuildMember.MANAGE_GUILD,
                Map.of("nym", "alice"),
                "badge",
                ""),
            f.community);
    AutocompleteChoices noMember =
        completion.complete(
            f.autocomplete(
                "admin-badge", "revoke", ADMIN, GuildMember.MANAGE_GUILD, Map.of(), "badge", ""),
            f.community);

    assertThat(choices.choices())
        .containsExactly(AutocompleteChoices.Choice.of("🏜️ OG (tenure)", "og"));
    assertThat(noMember.choices()).isEmpty();
  }

  @Test
  void nymCompletion_capsAt25() {
    for (int i = 10; i < 50; i++) {
      f.member(i, "Member" + i);
    }

    AutocompleteChoices choices =
        completion.complete(
            f.autocomplete(
                "admin-badge", "award", ADMIN, GuildMember.MANAGE_GUILD, Map.of(), "nym", "mem"),
            f.community);

    assertThat(choices.choices()).hasSize(25);
  }

  @Test
  void givenShadowMode_award_writesNoRole() {
    f.community =
        f.community.withCoexistence(
            io.arrakis.domain.community.CoexistenceMode.SHADOW, java.util.Optional.empty());

    Answer answer = award("Alice", "helper", "kind");

    assertThat(answer.actions())
        .singleElement()
        .isInstanceOf(DiscordAction.SendDirectMessage.class);
    assertThat(f.holds(alice, "helper")).isTrue();
  }
}
