package io.arrakis.domain.profile;

import static io.arrakis.domain.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"abc", "Paul-Atreides", "stil_gar_9", "a1234567890123456789"})
  void givenWellFormedNym_whenValidated_thenAllowed(String nym) {
    assertThat(NymPolicy.validate(nym, false).isAllowed()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "a12345678901234567890", "_chani", "chani-", "cha ni", "chäni", ""})
  void givenMalformedNym_whenValidated_thenInvalidFormat(String nym) {
    assertThat(NymPolicy.validate(nym, false).rejectionCode()).contains(NymPolicy.INVALID_FORMAT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"admin", "NAIB", "Fedaykin", "muaddib", "Staff", "help"})
  void givenReservedWordInAnyCase_whenValidated_thenReserved(String nym) {
    assertThat(NymPolicy.validate(nym, false).rejectionCode()).contains(NymPolicy.RESERVED);
  }

  @Test
  void givenNymTakenCaseInsensitively_whenValidated_thenTaken() {
    assertThat(NymPolicy.validate("Chani", true).rejectionCode()).contains(NymPolicy.TAKEN);
    assertThat(NymPolicy.uniquenessKey("ChAnI")).isEqualTo("chani");
  }

  @Test
  void givenNymNeverChanged_whenChanging_thenAllowed() {
    assertThat(NymPolicy.canChange(Optional.empty(), T0, 30).isAllowed()).isTrue();
  }

  @Test
  void givenNymChanged29DaysAgo_whenChanging_thenCooldownWithTheNextAllowedTime() {
    Instant changed = T0;
    var decision =
        NymPolicy.canChange(
            Optional.of(changed), changed.plus(Duration.ofDays(30)).minusSeconds(1), 30);
    assertThat(decision.rejectionCode()).contains(NymPolicy.COOLDOWN);
    long next = changed.plus(Duration.ofDays(30)).getEpochSecond();
    assertThat(decision)
        .hasToString(
            "Rejected[code=NYM_COOLDOWN, message=You can change your nym again <t:"
                + next
                + ":R>.]");
  }

  @Test
  void givenNymChangedExactly30DaysAgo_whenChanging_thenAllowed() {
    assertThat(NymPolicy.canChange(Optional.of(T0), T0.plus(Duration.ofDays(30)), 30).isAllowed())
        .isTrue();
  }

  @Test
  void givenBioWithLinksAndSpaces_whenSanitized_thenTrimmedLinksRemovedAndCut() {
    assertThat(BioSanitizer.sanitize("  spice at https://x.io/a and www.y.com  ", 160))
        .isEqualTo("spice at [link removed] and [link removed]");
    assertThat(BioSanitizer.sanitize("x".repeat(200), 160)).hasSize(160);
  }

  @Test
  void givenPictureUrls_whenValidated_thenOnlyHttpsOnAllowedHostsOrTheirSubdomains() {
    assertThat(PictureUrlPolicy.validate("https://cdn.discordapp.com/a.png").isAllowed()).isTrue();
    assertThat(PictureUrlPolicy.validate("https://x.i.imgur.com/a.png").isAllowed()).isTrue();
    assertThat(PictureUrlPolicy.validate("https://media.discordapp.net/a.png").isAllowed())
        .isTrue();
    assertThat(PictureUrlPolicy.validate("http://cdn.discordapp.com/a.png").isAllowed()).isFalse();
    assertThat(
            PictureUrlPolicy.validate("https://evilcdn.discordapp.com.evil.io/a.png").isAllowed())
        .isFalse();
    assertThat(PictureUrlPolicy.validate("https://notimgur.com/a.png").isAllowed()).isFalse();
    assertThat(PictureUrlPolicy.validate("not a url at all").rejectionCode())
        .contains(PictureUrlPolicy.INVALID_PICTURE_URL);
  }

  @Test
  void givenCreationDates_whenTenureCategorised_thenOgThenElderThenVeteranThenMember() {
    LocalDate launch = LocalDate.of(2025, 1, 1);
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(TenureCategory.of(Instant.parse("2025-01-31T00:00:00Z"), launch, 30, now))
        .isEqualTo(TenureCategory.OG);
    assertThat(TenureCategory.of(Instant.parse("2025-01-31T00:00:01Z"), launch, 30, now))
        .isEqualTo(TenureCategory.ELDER);
    assertThat(TenureCategory.of(now.minus(Duration.ofDays(90)), launch, 30, now))
        .isEqualTo(TenureCategory.VETERAN);
    assertThat(TenureCategory.of(now.minus(Duration.ofDays(89)), launch, 30, now))
        .isEqualTo(TenureCategory.MEMBER);
    assertThat(TenureCategory.ELDER.label()).isEqualTo("Elder (180+ days)");
  }

  @Test
  void givenProfile_whenLifecycleChanges_thenFlagsFollow() {
    Profile p =
        new Profile(
            io.arrakis.domain.common.MemberId.random(),
            new io.arrakis.domain.common.UserId(1),
            "chani",
            Optional.empty(),
            PictureType.NONE,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            T0,
            Optional.empty(),
            false,
            true,
            Optional.empty());
    Profile left = p.left(T0.plusSeconds(5));
    assertThat(left.active()).isFalse();
    assertThat(left.leftAt()).contains(T0.plusSeconds(5));
    assertThat(left.rejoined().active()).isTrue();
    assertThat(p.markedFormerNaib().formerNaib()).isTrue();
    assertThat(p.withNym("usul", T0).nymLastChangedAt()).contains(T0);
  }
}
