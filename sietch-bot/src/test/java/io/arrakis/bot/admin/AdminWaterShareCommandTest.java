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
import io.arrakis.discord.AutocompleteChoices;
import io.arrakis.discord.Embed;
import io.arrakis.discord.GuildMember;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.badges.BadgeCatalogue;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.water.WaterGrant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminWaterShareCommandTest {
  private static final long ADMIN = user(99).value();

  private final AdminFixture f = new AdminFixture();
  private final AdminWaterShareCommand command =
      new AdminWaterShareCommand(f.repos.asRepositories());
  private final AdminWaterShareCompletion completion =
      new AdminWaterShareCompletion(f.repos.asRepositories());
  private final Profile a = f.member(1, "Alice");
  private final Profile b = f.member(2, "Bob");
  private final Profile c = f.member(3, "Carol");
  private final Profile d = f.member(4, "Dave");

  private Answer run(String sub, Map<String, ?> options) {
    return command.handle(
        f.invocation(
            f.slash(
                "admin-water-share", sub, new io.arrakis.domain.common.UserId(ADMIN), options)));
  }

  @Test
  void isAdminOnly() {
    assertThat(command.name()).isEqualTo("admin-water-share");
    assertThat(command.adminOnly()).isTrue();
    assertThat(completion.adminOnly()).isTrue();
    assertThat(completion.paths())
        .containsExactlyInAnyOrder("admin-water-share revoke", "admin-water-share lineage");
  }

  @Test
  void givenChainAliceBobCarolDave_revokeTheTopGrant_cascadesDeepestFirstAndKeepsTheGranters() {
    f.water(a);
    WaterGrant ab = f.grant(a, b, NOW.minusSeconds(3000));
    WaterGrant bc = f.grant(b, c, NOW.minusSeconds(2000));
    WaterGrant cd = f.grant(c, d, NOW.minusSeconds(1000));

    Answer answer = run("revoke", Map.of("grant_id", ab.id().toString()));

    for (WaterGrant g : new WaterGrant[] {ab, bc, cd}) {
      WaterGrant now = f.grantById(g.id());
      assertThat(now.active()).isFalse();
      assertThat(now.revokedBy()).contains(Long.toUnsignedString(ADMIN));
    }
    assertThat(f.holds(a, BadgeCatalogue.WATER_SHARER)).as("top granter keeps hers").isTrue();
    assertThat(f.holds(b, BadgeCatalogue.WATER_SHARER)).isFalse();
    assertThat(f.holds(c, BadgeCatalogue.WATER_SHARER)).isFalse();
    assertThat(f.holds(d, BadgeCatalogue.WATER_SHARER)).isFalse();
    assertThat(
            f.repos
                .badges()
                .ofMember(f.community.id(), d.memberId())
                .get(0)
                .revocation()
                .orElseThrow()
                .revokedBy())
        .isEqualTo(Long.toUnsignedString(ADMIN));
    assertThat(f.repos.auditLog().entries(f.community.id()))
        .filteredOn(e -> e.event().type() == AuditType.WATER_SHARER_REVOKE)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.event().payload())
                    .containsEntry("grant", ab.id().toString())
                    .containsEntry("cascade_count", "2"));
    assertThat(answer.actions())
        .hasSize(3)
        .allSatisfy(
            act -> {
              assertThat(act).isInstanceOf(DiscordAction.RemoveRole.class);
              assertThat(((DiscordAction.RemoveRole) act).roleId()).isEqualTo(WATER_ROLE);
            });
    assertThat(answer.actions())
        .extracting(act -> ((DiscordAction.RemoveRole) act).userId())
        .containsExactly(d.userId().value(), c.userId().value(), b.userId().value());
    Embed embed = embed(answer);
    assertThat(fields(embed))
        .containsExactly(
            entry("Granter", "Alice"),
            entry("Recipient", "Bob"),
            entry("Grant", ab.id().toString()));
    assertThat(embed.description()).contains("2 downstream grants also revoked");

    // Bob can never receive again; Alice may share again
    assertThat(
            new io.arrakis.domain.water.WaterSharing(f.grants()).canShareAgain(a.memberId(), true))
        .isTrue();
  }

  @Test
  void givenMiddleGrant_revoke_leavesTheUpstreamGrantAlone() {
    f.water(a);
    WaterGrant ab = f.grant(a, b, NOW.minusSeconds(3000));
    WaterGrant bc = f.grant(b, c, NOW.minusSeconds(2000));

    Answer answer = run("revoke", Map.of("grant_id", bc.id().toString().substring(0, 8)));

    assertThat(f.grantById(ab.id()).active()).isTrue();
    assertThat(f.grantById(bc.id()).active()).isFalse();
    assertThat(f.holds(b, BadgeCatalogue.WATER_SHARER)).isTrue();
    assertThat(embed(answer).description()).isEmpty();
  }

  @Test
  void givenUnknownOrRevokedGrant_revoke_answersNotFound() {
    f.water(a);
    WaterGrant ab = f.grant(a, b, NOW.minusSeconds(3000));
    run("revoke", Map.of("grant_id", ab.id().toString()));

    assertThat(error(run("revoke", Map.of("grant_id", ab.id().toString()))))
        .isEqualTo("Grant not found or already revoked.");
    assertThat(error(run("revoke", Map.of("grant_id", "nonsense"))))
        .isEqualTo("Grant not found or already revoked.");
  }

  @Test
  void list_showsActiveGrantsNewestFirst() {
    f.water(a);
    WaterGrant ab = f.grant(a, b, NOW.minusSeconds(3000));
    WaterGrant bc = f.grant(b, c, NOW.minusSeconds(2000));

    Embed embed = embed(run("list", Map.of()));

    assertThat(embed.description().orElseThrow())
        .isEqualTo(
            "Bob → Carol · "
                + bc.id().toString().substring(0, 8)
                + " · <t:"
                + bc.grantedAt().getEpochSecond()
                + ":d>\nAlice → Bob · "
                + ab.id().toString().substring(0, 8)
                + " · <t:"
                + ab.grantedAt().getEpochSecond()
                + ":d>");
    assertThat(embed.footer()).contains("2 active grants");
  }

  @Test
  void lineage_showsBothSidesOrTheirAbsence() {
    f.water(a);
    WaterGrant ab = f.grant(a, b, NOW.minusSeconds(3000));

    assertThat(fields(embed(run("lineage", Map.of("nym", "bob")))))
        .containsEntry("Received from", "Alice · <t:" + ab.grantedAt().getEpochSecond() + ":D>")
        .containsEntry("Shared to", "Not yet shared");
    assertThat(fields(embed(run("lineage", Map.of("nym", "Alice")))))
        .containsEntry("Received from", "Awarded by the council")
        .containsEntry("Shared to", "Bob · <t:" + ab.grantedAt().getEpochSecond() + ":D>");
    assertThat(fields(embed(run("lineage", Map.of("nym", "Dave")))))
        .containsEntry("Received from", "Not received");
    assertThat(error(run("lineage", Map.of("nym", "Nobody")))).isEqualTo("No member named Nobody.");
  }

  @Test
  void grantIdCompletion_matchesIdPrefixOrEitherNym() {
    f.water(a);
    WaterGrant ab = f.grant(a, b, NOW.minusSeconds(3000));
    WaterGrant bc = f.grant(b, c, NOW.minusSeconds(2000));

    AutocompleteChoices byNym =
        completion.complete(
            f.autocomplete(
                "admin-water-share",
                "revoke",
                user(99),
                GuildMember.MANAGE_GUILD,
                Map.of(),
                "grant_id",
                "caro"),
            f.community);
    AutocompleteChoices byId =
        completion.complete(
            f.autocomplete(
                "admin-water-share",
                "revoke",
                user(99),
                GuildMember.MANAGE_GUILD,
                Map.of(),
                "grant_id",
                ab.id().toString().substring(0, 6)),
            f.community);

    assertThat(byNym.choices())
        .containsExactly(
            AutocompleteChoices.Choice.of(
                "Bob → Carol (" + bc.id().toString().substring(0, 8) + ")", bc.id().toString()));
    assertThat(byId.choices())
        .extracting(ch -> ch.value())
        .contains(new AutocompleteChoices.TextValue(ab.id().toString()));
  }

  @Test
  void nymCompletion_listsActiveNymsWithTierEmoji() {
    AutocompleteChoices choices =
        completion.complete(
            f.autocomplete(
                "admin-water-share",
                "lineage",
                user(99),
                GuildMember.MANAGE_GUILD,
                Map.of(),
                "nym",
                "a"),
            f.community);

    assertThat(choices.choices())
        .containsExactly(
            AutocompleteChoices.Choice.of("⚔️ Alice", "Alice"),
            AutocompleteChoices.Choice.of("⚔️ Carol", "Carol"),
            AutocompleteChoices.Choice.of("⚔️ Dave", "Dave"));
  }
}
