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
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.naib.UnseatReason;
import io.arrakis.domain.profile.Profile;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NaibCommandTest {
  private static final Instant FOUNDED = NOW.minus(Duration.ofDays(40));

  private final MemberFixture f = new MemberFixture();
  private final NaibCommand naib = new NaibCommand(f.repos.asRepositories());

  private Answer naib(String sub, int user) {
    return naib.handle(f.invocation("naib", sub, user(user), Map.of()));
  }

  /** Seat 1 founding (40 days), seat 3 later (10 days); two former Naib; 5 seats open. */
  private void council() {
    Profile alia = f.member(1, "Alia", 60);
    Profile duncan = f.member(2, "Duncan", 60);
    Profile gurney = f.member(3, "Gurney", 60);
    Profile thufir = f.member(4, "Thufir", 60);
    f.seat(alia, 1, FOUNDED);
    f.seat(duncan, 3, NOW.minus(Duration.ofDays(10)));
    // Gurney: one seat for 30 days; Thufir: two seats, 5 + 2 days
    close(
        f.seat(gurney, 2, FOUNDED.plus(Duration.ofMinutes(10))),
        FOUNDED.plus(Duration.ofDays(30)).plus(Duration.ofMinutes(10)));
    close(f.seat(thufir, 4, FOUNDED), FOUNDED.plus(Duration.ofDays(5)));
    close(f.seat(thufir, 4, NOW.minus(Duration.ofDays(3))), NOW.minus(Duration.ofDays(1)));
  }

  private void close(SeatRecord r, Instant at) {
    f.repos
        .seats()
        .save(f.community.id(), r.close(at, UnseatReason.BUMPED, Optional.empty(), BigInteger.ONE));
  }

  @Test
  void current_listsSeatsInOrderWithFoundingMarkAndTenure() {
    council();

    Answer answer = naib("current", 1);

    assertThat(message(answer).ephemeral()).isFalse();
    Embed embed = embed(answer);
    assertThat(embed.title()).contains("Naib Council — Active Seats (2/7)");
    assertThat(embed.description().orElseThrow().lines().toList())
        .containsExactly(
            "Seat 1 · Alia ★ · 40 days on the council",
            "Seat 3 · Duncan · 10 days on the council",
            "",
            "5 seats open");
    assertThat(embed.footer()).contains("★ = founding council");
  }

  @Test
  void current_givenNoSeats_saysAllAreOpen() {
    f.member(1, "Alia", 60);

    Embed embed = embed(naib("current", 1));

    assertThat(embed.title()).contains("Naib Council — Active Seats (0/7)");
    assertThat(embed.description())
        .contains(
            "All 7 seats are open. Onboarded Fedaykin with the largest holdings take them at the"
                + " next sync.");
  }

  @Test
  void former_listsFormerNaibByTotalTenure() {
    council();

    Embed embed = embed(naib("former", 1));

    assertThat(embed.title()).contains("Former Naib");
    assertThat(embed.fields().get(0).value().lines().toList())
        .containsExactly("Gurney — 30 days across 1 seat", "Thufir — 7 days across 2 seats");
  }

  @Test
  void former_givenNone_saysSo() {
    f.member(1, "Alia", 60);

    assertThat(embed(naib("former", 1)).description()).contains(NaibCommand.NO_FORMER);
  }

  @Test
  void overview_showsTheCouncilOpenSeatsAndFormerNaib() {
    council();

    Embed embed = embed(naib("overview", 2));

    assertThat(embed.title()).contains("Naib Council");
    Map<String, String> fields = fields(embed);
    assertThat(fields.get("Council")).isEqualTo("1️⃣ Alia ★\n3️⃣ Duncan");
    assertThat(fields.get("Open seats")).isEqualTo("5");
    assertThat(fields.get("Former Naib")).isEqualTo("Gurney\nThufir");
    assertThat(embed.footer()).contains("See /naib current and /naib former");
    assertThat(embed.toString()).doesNotContain("0x").doesNotContain("<@");
  }

  @Test
  void givenNoProfile_naib_answersNotMember() {
    council();

    assertThat(ephemeralText(naib("overview", 40))).isEqualTo(Replies.notMember().content());
  }

  @Test
  void chunk_splitsLongListsIntoFieldSizedValues() {
    java.util.List<String> lines = java.util.Collections.nCopies(100, "x".repeat(30));

    Map<Integer, String> chunks = NaibCommand.chunk(lines, 1024, 25);

    assertThat(chunks.values()).allSatisfy(v -> assertThat(v.length()).isLessThanOrEqualTo(1024));
    assertThat(String.join("\n", chunks.values())).isEqualTo(String.join("\n", lines));
  }
}
