package io.arrakis.bot.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.discord.Embed;
import io.arrakis.domain.alerts.Alert;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.effect.ChannelPost;
import io.arrakis.domain.eligibility.RemovalReason;
import io.arrakis.domain.tiers.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RenderingTest {
  private final SyncFixture f = new SyncFixture();
  private final CommunityConfig c = f.community(42, SyncFixture.CHAIN);
  private final ChannelPosts posts = new ChannelPosts(n -> n - 1);

  private Embed post(ChannelPost p) {
    return posts.render(c, p).embeds().get(0);
  }

  private static String field(Embed e, String name) {
    return e.fields().stream()
        .filter(x -> x.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field " + name + " in " + e))
        .value();
  }

  @Test
  void theDoorAnnouncesArrivalsWithTruncatedWalletRankAndBalance() {
    Embed e =
        post(
            new ChannelPost.Arrival(
                "0x1234...abcd", Tier.FEDAYKIN, OptionalInt.of(12), SyncFixture.bgt(1234), false));
    assertThat(e.title()).contains("A new Fedaykin approaches the sietch");
    assertThat(field(e, "Wallet")).isEqualTo("0x1234...abcd");
    assertThat(field(e, "Rank")).isEqualTo("#12");
    assertThat(field(e, "Balance")).isEqualTo("1,234.00 BGT");

    Embed decree =
        post(
            new ChannelPost.Arrival(
                "0x1234...abcd", Tier.FEDAYKIN, OptionalInt.empty(), SyncFixture.bgt(1), true));
    assertThat(field(decree, "Rank")).isEqualTo("by decree");
  }

  @Test
  void departuresSayWhyInWords() {
    Embed e =
        post(
            new ChannelPost.Departure(
                "0x1234...abcd",
                RemovalReason.REDEMPTION.words(),
                OptionalInt.of(40),
                Optional.of(Tier.FEDAYKIN)));
    assertThat(e.title()).contains("Departure");
    assertThat(field(e, "Reason")).isEqualTo("redeemed");
    assertThat(field(e, "Previous rank")).isEqualTo("#40");
    assertThat(field(e, "Previous tier")).isEqualTo("Fedaykin");
  }

  @Test
  void storyFragmentsComeFromTheSeededTextsAndNameNobody() {
    Embed e = post(new ChannelPost.StoryFragment("naib_join"));
    assertThat(e.description()).contains(ChannelPosts.DEFAULT_FRAGMENTS.get("naib_join").get(2));
  }

  @Test
  void theCensusSplitsFedaykinIntoFieldsOfAtMost1024Characters() {
    List<ChannelPost.CensusLine> naib = new ArrayList<>();
    List<ChannelPost.CensusLine> fedaykin = new ArrayList<>();
    for (int r = 1; r <= 69; r++) {
      var line =
          new ChannelPost.CensusLine(
              OptionalInt.of(r), "0x1234...abcd", SyncFixture.bgt(100_000 - r));
      (r <= 7 ? naib : fedaykin).add(line);
    }
    Embed e =
        post(
            new ChannelPost.Census(
                Instant.parse("2026-03-02T00:00:00Z"), naib, fedaykin, List.of(), 69, 69));

    assertThat(e.title()).contains("BGT Census");
    assertThat(e.description()).contains("Updated <t:1772409600:R>");
    assertThat(e.footer()).contains("Total Eligible: 69/69");
    assertThat(field(e, "Naib Council (1–7)")).startsWith("#1 0x1234...abcd — 99,999.00 BGT");
    List<Embed.Field> fed =
        e.fields().stream().filter(x -> x.name().equals("Fedaykin (8–69)")).toList();
    assertThat(fed)
        .hasSizeGreaterThan(1)
        .allSatisfy(x -> assertThat(x.value().length()).isLessThanOrEqualTo(1024));
    assertThat(String.join("\n", fed.stream().map(Embed.Field::value).toList()).split("\n"))
        .hasSize(62);
    assertThat(e.fields()).noneMatch(x -> x.name().equals("Admitted by decree"));
  }

  @Test
  void everyAlertTypeRendersAnEmbedWithTheAlertsFooter() {
    List<Alert> alerts =
        List.of(
            new Alert.PositionUpdate(
                5, 9, SyncFixture.bgt(10), Optional.of(SyncFixture.bgt(1)), Optional.empty(), true),
            new Alert.EligibilityLost(OptionalInt.of(40), RemovalReason.REDEMPTION, 24),
            new Alert.AccessRevoked(),
            new Alert.NaibBump(3, SyncFixture.bgt(500)),
            new Alert.WaitlistEligible(OptionalInt.of(60), "0x1234...abcd"));
    for (Alert a : alerts) {
      Embed e = AlertMessages.render(c, a).embeds().get(0);
      assertThat(e.footer()).contains("Manage alerts with /alerts in " + c.name());
      assertThat(e.title()).isPresent();
    }
    Embed lost = AlertMessages.render(c, alerts.get(1)).embeds().get(0);
    assertThat(lost.description().orElseThrow()).contains("at least 24 hours from now");
    assertThat(field(lost, "Reason")).isEqualTo("redeemed");
    Embed position = AlertMessages.render(c, alerts.get(0)).embeds().get(0);
    assertThat(field(position, "To pass #4")).isEqualTo("1.00 BGT");
    assertThat(AlertMessages.render(c, alerts.get(2)).components()).isEmpty();
  }
}
