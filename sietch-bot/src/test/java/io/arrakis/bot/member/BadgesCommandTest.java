package io.arrakis.bot.member;

import static io.arrakis.bot.member.MemberFixture.NOW;
import static io.arrakis.bot.member.MemberFixture.date;
import static io.arrakis.bot.member.MemberFixture.embed;
import static io.arrakis.bot.member.MemberFixture.ephemeralText;
import static io.arrakis.bot.member.MemberFixture.fields;
import static io.arrakis.bot.member.MemberFixture.message;
import static io.arrakis.bot.member.MemberFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.Answer;
import io.arrakis.bot.Replies;
import io.arrakis.discord.Embed;
import io.arrakis.domain.badges.BadgeCatalogue;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.profile.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadgesCommandTest {
  private final MemberFixture f = new MemberFixture();
  private final BadgesCommand badges = new BadgesCommand(f.repos.asRepositories());

  private Answer badges(int user, Map<String, String> options) {
    return badges.handle(f.invocation("badges", null, user(user), options));
  }

  @Test
  void own_listsActiveBadgesByCategoryPrivately() {
    Profile p = f.member(1, "Stilgar", 20);
    Instant og = NOW.minus(Duration.ofDays(20));
    f.award(p, BadgeCatalogue.OG, og);
    f.award(p, BadgeCatalogue.HELPER, NOW.minus(Duration.ofDays(2)));
    MemberBadge revoked = f.award(p, BadgeCatalogue.CONTRIBUTOR, NOW.minus(Duration.ofDays(1)));
    f.repos.badges().save(f.community.id(), revoked.revoked(NOW, "admin"));

    Answer answer = badges(1, Map.of());

    assertThat(message(answer).ephemeral()).isTrue();
    Embed embed = embed(answer);
    assertThat(embed.title()).contains("Your Badges");
    Map<String, String> fields = fields(embed);
    assertThat(fields.keySet()).containsExactly("Tenure", "Contribution");
    assertThat(fields.get("Tenure"))
        .isEqualTo("🏜️ **OG** — Joined within 30 days of launch · Earned " + date(og));
    assertThat(fields.get("Contribution")).contains("**Helper**").doesNotContain("Contributor");
    assertThat(embed.footer()).contains("2 badges");
  }

  @Test
  void own_givenNoBadges_explainsHowToEarnThem() {
    f.member(1, "Stilgar", 20);

    Embed embed = embed(badges(1, Map.of()));

    assertThat(embed.description())
        .contains("No badges yet. Badges come with tenure, activity and contributions.");
    assertThat(embed.fields()).isEmpty();
  }

  @Test
  void other_isPublicInTwoColumnsWithTheTierEmoji() {
    f.sync();
    f.member(1, "Stilgar", 20);
    Profile chani = f.rankedMember(2, "Chani", 20, 40);
    f.award(chani, BadgeCatalogue.OG, NOW);
    f.award(chani, BadgeCatalogue.HELPER, NOW);
    f.award(chani, BadgeCatalogue.CONSISTENT, NOW);

    Answer answer = badges(1, Map.of("nym", "chani"));

    assertThat(message(answer).ephemeral()).isFalse();
    Embed embed = embed(answer);
    assertThat(embed.title()).contains("⚔️ Chani's Badges");
    assertThat(embed.fields()).hasSize(2).allSatisfy(fl -> assertThat(fl.inline()).isTrue());
    assertThat(embed.fields().get(0).value()).isEqualTo("🏜️ OG\n🔥 Consistent");
    assertThat(embed.fields().get(1).value()).endsWith("Helper");
    assertThat(embed.footer()).contains("3 badges");
    assertThat(embed.toString()).doesNotContain("0x").doesNotContain("<@");
  }

  @Test
  void other_givenAnUnknownOrInactiveNym_saysNoSuchMember() {
    f.member(1, "Stilgar", 20);
    Profile gone = f.member(2, "Gone", 20);
    f.repos.profiles().save(f.community.id(), gone.left(NOW));

    assertThat(ephemeralText(badges(1, Map.of("nym", "Nobody"))))
        .isEqualTo("No member named Nobody.");
    assertThat(ephemeralText(badges(1, Map.of("nym", "Gone")))).isEqualTo("No member named Gone.");
  }

  @Test
  void givenNoProfile_badges_answersNotMember() {
    f.member(2, "Chani", 20);

    assertThat(ephemeralText(badges(1, Map.of("nym", "Chani"))))
        .isEqualTo(Replies.notMember().content());
  }
}
