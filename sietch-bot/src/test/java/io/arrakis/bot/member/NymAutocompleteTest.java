package io.arrakis.bot.member;

import static io.arrakis.bot.member.MemberFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.discord.AutocompleteChoices;
import io.arrakis.discord.AutocompleteChoices.Choice;
import io.arrakis.discord.AutocompleteChoices.TextValue;
import io.arrakis.domain.profile.Profile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NymAutocompleteTest {
  private final MemberFixture f = new MemberFixture();
  private final NymAutocomplete complete = new NymAutocomplete(f.repos.asRepositories());

  private AutocompleteChoices complete(String focused, String typed) {
    return complete.complete(f.autocomplete("badges", focused, typed), f.community);
  }

  @Test
  void matchesActiveNymsBySubstringIgnoringCase_prefixFirst_crownForSeatHolders() {
    Profile alia = f.member(1, "Alia", 5);
    f.member(2, "Malik", 5);
    f.member(3, "Stilgar", 5);
    Profile gone = f.member(4, "Alimar", 5);
    f.repos.profiles().save(f.community.id(), gone.left(NOW));
    f.seat(alia, 1, NOW.minus(Duration.ofDays(1)));

    AutocompleteChoices choices = complete("nym", "ALI");

    assertThat(choices.choices()).extracting(Choice::name).containsExactly("Alia 👑", "Malik ⚔️");
    assertThat(choices.choices())
        .extracting(c -> ((TextValue) c.value()).value())
        .containsExactly("Alia", "Malik");
    assertThat(complete.paths()).containsExactly("badges");
  }

  @Test
  void answersAtMost25() {
    for (int i = 0; i < 40; i++) {
      f.member(i, "fremen" + i, 5);
    }

    assertThat(complete("nym", "").choices()).hasSize(25);
  }

  @Test
  void givenAnotherFocusedOption_answersNothing() {
    f.member(1, "Alia", 5);

    assertThat(complete("badge", "a").choices()).isEmpty();
  }
}
