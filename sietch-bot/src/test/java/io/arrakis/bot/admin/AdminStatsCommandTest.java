package io.arrakis.bot.admin;

import static io.arrakis.bot.admin.AdminFixture.NOW;
import static io.arrakis.bot.admin.AdminFixture.embed;
import static io.arrakis.bot.admin.AdminFixture.fields;
import static io.arrakis.bot.admin.AdminFixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.arrakis.bot.AnswerMode;
import io.arrakis.discord.Embed;
import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.EligibilityRanker;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.Holding;
import io.arrakis.domain.eligibility.Ranking;
import io.arrakis.domain.eligibility.SyncHealth;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierHistoryEntry;
import io.arrakis.domain.tiers.TierPolicy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdminStatsCommandTest {
  private final AdminFixture f = new AdminFixture();
  private final AdminStatsCommand command = new AdminStatsCommand(f.repos.asRepositories());

  private static Address wallet(int i) {
    return new Address("0xa" + String.format("%039x", i));
  }

  private void sync() {
    List<Holding> holdings = new ArrayList<>();
    for (int i = 1; i <= 80; i++) {
      holdings.add(
          new Holding(wallet(i), BigInteger.valueOf(1000 - i).multiply(BigInteger.TEN.pow(18))));
    }
    var rules = f.community.eligibility();
    Ranking ranking =
        new EligibilityRanker(
                rules,
                new TierPolicy(rules, f.community.tierThresholds(), f.community.token().decimals()))
            .rank(new ChainHoldings(1L, holdings, Set.of()), List.of(), Map.of());
    f.repos
        .eligibility()
        .commit(f.community.id(), new EligibilitySnapshot(UUID.randomUUID(), 1L, NOW, ranking));
    f.repos
        .eligibility()
        .saveHealth(f.community.id(), SyncHealth.initial().succeeded(NOW.minusSeconds(600), 1L));
  }

  @Test
  void isAdminOnlyAndDefersEphemerally() {
    assertThat(command.name()).isEqualTo("admin-stats");
    assertThat(command.adminOnly()).isTrue();
    assertThat(command.answerMode(f.slash("admin-stats", null, user(1), Map.of())))
        .isEqualTo(AnswerMode.DEFER_EPHEMERAL);
  }

  @Test
  void givenMembersActivityBadgesAndASync_answersTheAnalytics() {
    sync();
    Profile naib = f.member(1, "Paul", Optional.of(Tier.NAIB), NOW.minusSeconds(86_400));
    Profile fed = f.member(2, "Chani", Optional.of(Tier.FEDAYKIN), NOW.minusSeconds(30L * 86_400));
    f.member(3, "Stilgar", Optional.of(Tier.FEDAYKIN), NOW.minusSeconds(40L * 86_400));
    f.repos.walletLinks().save(f.community.id(), new WalletLink(naib.userId(), wallet(1), NOW));
    f.repos.walletLinks().save(f.community.id(), new WalletLink(fed.userId(), wallet(10), NOW));
    ActivityBalance active = ActivityBalance.start(fed.memberId(), NOW);
    f.repos
        .activity()
        .save(
            f.community.id(),
            new ActivityBalance(
                fed.memberId(),
                new BigDecimal("42.5"),
                NOW,
                3,
                1,
                2,
                Optional.of(NOW.minusSeconds(3600)),
                new BigDecimal("42.5"),
                BigDecimal.ONE,
                1,
                1,
                Optional.empty()));
    f.repos.activity().save(f.community.id(), ActivityBalance.start(naib.memberId(), NOW));
    f.badge(fed, "helper", NOW.minusSeconds(3600));
    f.badge(fed, "og", NOW.minusSeconds(20L * 86_400));
    assertThat(active).isNotNull();

    Embed embed =
        embed(command.handle(f.invocation(f.slash("admin-stats", null, user(1), Map.of()))));

    assertThat(embed.title()).contains("Community Analytics — Arrakis");
    Map<String, String> fields = fields(embed);
    assertThat(fields)
        .contains(
            entry("Members", "3"),
            entry("Total holdings", "1,989.00 BGT"),
            entry("Weekly active", "1"),
            entry("New this week", "1"),
            entry("Badges this week", "1"),
            entry("Tier distribution", "👑 Naib: 1\n⚔️ Fedaykin: 2"),
            entry("Most active", "Chani — 42.5"));
    assertThat(fields.get("Sync health"))
        .isEqualTo(
            "Last success: <t:"
                + NOW.minusSeconds(600).getEpochSecond()
                + ":R>\nConsecutive failures: 0\nGrace period: No\nRanked wallets: 80\nEligible: 69");
  }

  @Test
  void givenTierHistory_countsThisWeeksPromotionsAndListsTheLastFivePromotions() {
    Profile paul = f.member(1, "Paul");
    Profile chani = f.member(2, "Chani");
    Profile stilgar = f.member(3, "Stilgar");
    var c = f.community.id();
    f.repos.tierHistory().append(c, change(paul, null, Tier.HAJRA, 20));
    f.repos.tierHistory().append(c, change(paul, Tier.HAJRA, Tier.QANAT, 3));
    f.repos.tierHistory().append(c, change(chani, Tier.USUL, Tier.FEDAYKIN, 0));
    f.repos.tierHistory().append(c, change(stilgar, Tier.FEDAYKIN, Tier.USUL, 1)); // demotion
    f.repos.tierHistory().append(c, change(stilgar, null, Tier.SIHAYA, 45)); // too old

    Map<String, String> fields =
        fields(
            embed(command.handle(f.invocation(f.slash("admin-stats", null, user(1), Map.of())))));

    assertThat(fields)
        .contains(
            entry("Promotions this week", "2"),
            entry(
                "Recent promotions",
                "Chani: Usul → Fedaykin · Today\n"
                    + "Paul: Hajra → Qanat · 3d ago\n"
                    + "Paul: No tier → Hajra · 20d ago"));
  }

  private static TierHistoryEntry change(Profile p, Tier from, Tier to, int daysAgo) {
    return new TierHistoryEntry(
        p.memberId(),
        Optional.ofNullable(from),
        Optional.of(to),
        BigInteger.TEN,
        OptionalInt.empty(),
        NOW.minusSeconds(daysAgo * 86_400L + 60));
  }

  @Test
  void givenNothingYet_answersWithEmptyFigures() {
    Map<String, String> fields =
        fields(
            embed(command.handle(f.invocation(f.slash("admin-stats", null, user(1), Map.of())))));

    assertThat(fields)
        .contains(
            entry("Members", "0"),
            entry("Tier distribution", "No members yet"),
            entry("Most active", "No activity yet"),
            entry("Promotions this week", "0"),
            entry("Recent promotions", "No promotions yet"));
    assertThat(fields.get("Sync health")).startsWith("Last success: never");
  }

  @Test
  void givenARepositoryFailure_answersFailedToGenerateAnalytics() {
    var r = f.repos.asRepositories();
    var broken =
        new io.arrakis.domain.port.Repositories(
            r.communities(),
            r.eligibility(),
            r.walletLinks(),
            (io.arrakis.domain.port.ProfileRepository)
                java.lang.reflect.Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {io.arrakis.domain.port.ProfileRepository.class},
                    (proxy, method, args) -> {
                      throw new IllegalStateException("database gone");
                    }),
            r.seats(),
            r.badges(),
            r.waterGrants(),
            r.activity(),
            r.alerts(),
            r.auditLog(),
            r.roleRevocations(),
            r.waitlist(),
            r.tierHistory(),
            r.verificationSessions(),
            r.migrations());

    assertThat(
            AdminFixture.error(
                new AdminStatsCommand(broken)
                    .handle(f.invocation(f.slash("admin-stats", null, user(1), Map.of())))))
        .isEqualTo("Failed to generate analytics.");
  }
}
