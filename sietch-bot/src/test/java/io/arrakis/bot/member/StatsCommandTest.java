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
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.Replies;
import io.arrakis.discord.Embed;
import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.badges.BadgeCatalogue;
import io.arrakis.domain.profile.Profile;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsCommandTest {
  private final MemberFixture f = new MemberFixture();
  private final StatsCommand stats = new StatsCommand(f.repos.asRepositories());

  @Test
  void givenAFedaykinMember_stats_showsTheirFiguresPrivatelyAndSavesTheDecay() {
    f.sync();
    Profile p = f.rankedMember(1, "Stilgar", 20, 40);
    f.award(p, BadgeCatalogue.OG, NOW.minus(Duration.ofDays(20)));
    f.award(p, BadgeCatalogue.CONSISTENT, NOW.minus(Duration.ofDays(3)));
    f.award(p, BadgeCatalogue.HELPER, NOW.minus(Duration.ofDays(1)));
    f.award(p, BadgeCatalogue.CONTRIBUTOR, NOW.minus(Duration.ofDays(2)));
    // two whole 6-hour periods pending: 100 × 0.9² = 81
    f.activity(p, new BigDecimal("100"), NOW.minus(Duration.ofHours(13)));

    Answer answer = stats.handle(f.invocation("stats", null, user(1), Map.of()));

    assertThat(stats.answerMode(null)).isEqualTo(AnswerMode.IMMEDIATE);
    assertThat(message(answer).ephemeral()).isTrue();
    Embed embed = embed(answer);
    assertThat(embed.title()).contains("Stilgar's Stats");
    assertThat(embed.footer()).contains("Only you can see your stats.");
    Map<String, String> fields = fields(embed);
    assertThat(fields.keySet())
        .containsExactly(
            "Tier", "Holdings", "Tenure", "Badges", "Activity", "Streak", "Recent badges");
    assertThat(fields.get("Tier")).isEqualTo("⚔️ Fedaykin\nNext: Naib — rank-based (top 7)");
    assertThat(fields.get("Holdings")).isEqualTo("700.12 BGT\nRank #40");
    assertThat(fields.get("Tenure")).isEqualTo("Member\nSince " + date(p.createdAt()));
    assertThat(fields.get("Badges")).isEqualTo("4");
    assertThat(fields.get("Activity")).isEqualTo("81 points\n12.5 this week");
    assertThat(fields.get("Streak")).isEqualTo("4 days\nLongest 9 days");
    assertThat(fields.get("Recent badges").lines().toList())
        .as("the three most recent, newest first")
        .hasSize(3)
        .satisfies(l -> assertThat(l.get(0)).endsWith(" Helper"))
        .satisfies(l -> assertThat(l.get(1)).endsWith(" Contributor"))
        .satisfies(l -> assertThat(l.get(2)).isEqualTo("🔥 Consistent"));
    ActivityBalance saved = f.repos.activity().find(f.community.id(), p.memberId()).orElseThrow();
    assertThat(saved.balance()).isEqualByComparingTo("81");
    assertThat(saved.lastDecayAt())
        .isEqualTo(NOW.minus(Duration.ofHours(13)).plus(Duration.ofHours(12)));
  }

  @Test
  void givenABalanceTierMember_stats_showsTheAmountToTheNextTier() {
    f.sync();
    f.rankedMember(2, "Chani", 200, 80); // 300.129 BGT: Qanat, Sihaya at 420

    Map<String, String> fields =
        fields(embed(stats.handle(f.invocation("stats", null, user(2), Map.of()))));

    assertThat(fields.get("Tier")).isEqualTo("💧 Qanat\nNext: Sihaya — 119.87 BGT to go");
    assertThat(fields.get("Tenure")).startsWith("Elder (180+ days)");
    assertThat(fields.get("Activity")).isEqualTo("0 points\n0 this week");
    assertThat(fields.get("Recent badges")).isEqualTo("None yet");
  }

  @Test
  void givenANaibTierMember_stats_saysHighestTier() {
    f.sync();
    f.rankedMember(3, "Leto", 10, 1);

    Map<String, String> fields =
        fields(embed(stats.handle(f.invocation("stats", null, user(3), Map.of()))));

    assertThat(fields.get("Tier")).isEqualTo("👑 Naib\nHighest tier");
  }

  @Test
  void givenAMemberWithoutWallet_stats_saysNotRanked() {
    f.member(4, "Jamis", 5);

    Map<String, String> fields =
        fields(embed(stats.handle(f.invocation("stats", null, user(4), Map.of()))));

    assertThat(fields.get("Holdings")).isEqualTo("not ranked");
    assertThat(fields.get("Tier")).isEqualTo("No tier yet");
  }

  @Test
  void givenNoProfile_stats_answersNotMember() {
    assertThat(ephemeralText(stats.handle(f.invocation("stats", null, user(5), Map.of()))))
        .isEqualTo(Replies.notMember().content());
  }

  @Test
  void givenAnInactiveProfile_stats_answersNotMember() {
    Profile p = f.member(6, "Gone", 5);
    f.repos.profiles().save(f.community.id(), p.left(NOW));

    assertThat(ephemeralText(stats.handle(f.invocation("stats", null, user(6), Map.of()))))
        .isEqualTo(Replies.notMember().content());
  }
}
