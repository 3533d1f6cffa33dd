package io.arrakis.bot.member;

import io.arrakis.bot.AutocompleteHandler;
import io.arrakis.discord.AutocompleteChoices;
import io.arrakis.discord.AutocompleteChoices.Choice;
import io.arrakis.discord.Interaction;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /badges nym} (spec §15.9, §16): active nyms containing what the user typed, ignoring case,
 * at most 25; nyms are public, so there is no owner or admin check. Nyms starting with the typed
 * text come first, then alphabetical. Seat holders read "{nym} 👑", others "{nym} ⚔️".
 */
public final class NymAutocomplete implements AutocompleteHandler {
  static final String SEATED = "👑";
  static final String MEMBER = "⚔️";

  private final Repositories repos;

  public NymAutocomplete(Repositories repos) {
    this.repos = Objects.requireNonNull(repos, "repos");
  }

  @Override
  public Set<String> paths() {
    return Set.of(SietchCommands.BADGES);
  }

  @Override
  public AutocompleteChoices complete(
      Interaction.Autocomplete autocomplete, CommunityConfig community) {
    if (!BadgesCommand.OPTION.equals(autocomplete.focusedOption())) {
      return AutocompleteChoices.none();
    }
    String typed = autocomplete.partialValue().strip().toLowerCase(Locale.ROOT);
    Set<MemberId> seated =
        repos.seats().open(community.id()).stream()
            .map(SeatRecord::memberId)
            .collect(Collectors.toSet());
    return AutocompleteChoices.firstOf(
        repos.profiles().all(community.id()).stream()
            .filter(Profile::active)
            .filter(p -> p.nym().toLowerCase(Locale.ROOT).contains(typed))
            .sorted(
                Comparator.<Profile>comparingInt(
                        p -> p.nym().toLowerCase(Locale.ROOT).startsWith(typed) ? 0 : 1)
                    .thenComparing(p -> p.nym().toLowerCase(Locale.ROOT)))
            .limit(AutocompleteChoices.MAX)
            .map(
                p ->
                    Choice.of(
                        p.nym() + " " + (seated.contains(p.memberId()) ? SEATED : MEMBER), p.nym()))
            .toList());
  }
}
