package io.arrakis.bot.member;

import static io.arrakis.bot.member.MemberFixture.NOW;
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
import io.arrakis.domain.profile.Profile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaderboardCommandTest {
  private static final List<String> BADGES =
      List.of(
          BadgeCatalogue.OG,
          BadgeCatalogue.VETERAN,
          BadgeCatalogue.ELDER,
          BadgeCatalogue.CONSISTENT,
          BadgeCatalogue.DEDICATED,
          BadgeCatalogue.DEVOTED,
          BadgeCatalogue.HELPER,
          BadgeCatalogue.CONTRIBUTOR,
          BadgeCatalogue.FOUNDING_FEDAYKIN,
          BadgeCatalogue.FOUNDING_NAIB,
          BadgeCatalogue.WATER_SHARER,
          BadgeCatalogue.USUL_ASCENDED);

  private final MemberFixture f = new MemberFixture();
  private final LeaderboardCommand leaderboard =
      new LeaderboardCommand(f.repos.asRepositories(), f.sessions);

  /** Members m1…m12: m{i} holds 13 − i badges, so m1 leads; m12 (1 badge) is #12. */
  private List<Profile> twelveMembers() {
    List<Profile> members = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      Profile p = f.member(i, "m" + i, 10 + i);
      for (int b = 0; b < 13 - i; b++) {
        f.award(p, BADGES.get(b), NOW.minus(Duration.ofDays(1)));
      }
      members.add(p);
    }
    return members;
  }

  private Answer badges(int user) {
    return leaderboard.handle(f.invocation("leaderboard", "badges", user(user), Map.of()));
  }

  @Test
  void badges_isPublicTopTenWithMedalsAndTheCallersPlaceWhenOutside() {
    twelveMembers();

    Answer answer = badges(12);

    assertThat(message(answer).ephemeral()).isFalse();
    Embed embed = embed(answer);
    assertThat(embed.title()).contains("Engagement Leaderboard");
    List<String> lines = embed.description().orElseThrow().lines().toList();
    assertThat(lines).hasSize(10);
    assertThat(lines.get(0)).isEqualTo("🥇 m1 · Member · 12 badges");
    assertThat(lines.get(1)).isEqualTo("🥈 m2 · Member · 11 badges");
    assertThat(lines.get(2)).isEqualTo("🥉 m3 · Member · 10 badges");
    assertThat(lines.get(9)).isEqualTo("#10 m10 · Member · 3 badges");
    assertThat(fields(embed)).containsEntry("Your Position", "#12 with 1 badge");
    assertThat(embed.footer()).contains("12 members");
  }

  @Test
  void badges_givenTheCallerInTheTopTen_hasNoPositionField() {
    twelveMembers();

    assertThat(fields(embed(badges(3)))).doesNotContainKey("Your Position");
  }

  @Test
  void badges_tiesGoToTheEarlierProfile() {
    Profile newer = f.member(1, "newer", 5);
    Profile older = f.member(2, "older", 50);
    f.award(newer, BadgeCatalogue.HELPER, NOW);
    f.award(older, BadgeCatalogue.HELPER, NOW);

    List<String> lines = embed(badges(1)).description().orElseThrow().lines().toList();

    assertThat(lines).containsExactly("🥇 older · Member · 1 badge", "🥈 newer · Member · 1 badge");
  }

  @Test
  void badges_isCachedSixtySecondsInRedisPerCommunity() throws Exception {
    List<Profile> members = twelveMembers();
    badges(1);
    assertThat(f.sessions.get("leaderboard:" + f.community.id().value(), "badges")).isPresent();

    // a new badge does not show while the cache lives…
    f.award(members.get(11), BadgeCatalogue.HELPER, NOW);
    assertThat(fields(embed(badges(12)))).containsEntry("Your Position", "#12 with 1 badge");

    // …and shows once it expired
    f.clock.advance(Duration.ofSeconds(61));
    assertThat(f.sessions.get("leaderboard:" + f.community.id().value(), "badges")).isEmpty();
    assertThat(fields(embed(badges(12)))).containsEntry("Your Position", "#11 with 2 badges");
  }

  @Test
  void badges_givenRedisDown_isComputedFromTheDatabase() {
    twelveMembers();
    f.sessions.setDown(true);

    Embed embed = embed(badges(12));

    assertThat(embed.description().orElseThrow()).startsWith("🥇 m1");
    assertThat(fields(embed)).containsEntry("Your Position", "#12 with 1 badge");
  }

  @Test
  void tiers_listsBalanceTierMembersClosestToTheirNextTier() {
    f.sync();
    f.rankedMember(1, "hajra105", 5, 105); // 50.129: Ichwan at 69 → ~19
    f.rankedMember(2, "ichwan100", 5, 100); // 100.129: Qanat at 222 → ~122
    f.rankedMember(3, "qanat80", 5, 80); // 300.129: Sihaya at 420 → ~120
    f.rankedMember(4, "fedaykin40", 5, 40); // not a balance tier: left out
    f.member(5, "nowallet", 5);

    Answer answer = leaderboard.handle(f.invocation("leaderboard", "tiers", user(5), Map.of()));

    assertThat(message(answer).ephemeral()).isFalse();
    Embed embed = embed(answer);
    assertThat(embed.title()).contains("Closest to Promotion");
    assertThat(embed.description().orElseThrow().lines().toList())
        .containsExactly(
            "hajra105 — Hajra → Ichwan: ~19 BGT to go",
            "qanat80 — Qanat → Sihaya: ~120 BGT to go",
            "ichwan100 — Ichwan → Qanat: ~122 BGT to go");
  }

  @Test
  void tiers_givenNoBalanceTierMember_answersEphemerally() {
    f.sync();
    f.rankedMember(1, "naib1", 5, 1);

    assertThat(
            ephemeralText(
                leaderboard.handle(f.invocation("leaderboard", "tiers", user(1), Map.of()))))
        .isEqualTo("No tier progression data yet.");
  }

  @Test
  void givenNoProfile_leaderboard_answersNotMember() {
    twelveMembers();

    assertThat(ephemeralText(badges(50))).isEqualTo(Replies.notMember().content());
    assertThat(
            ephemeralText(
                leaderboard.handle(f.invocation("leaderboard", "tiers", user(50), Map.of()))))
        .isEqualTo(Replies.notMember().content());
  }
}
