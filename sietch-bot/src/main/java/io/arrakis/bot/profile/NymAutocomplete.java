package io.arrakis.bot.profile;

import io.arrakis.bot.AutocompleteHandler;
import io.arrakis.discord.AutocompleteChoices;
import io.arrakis.discord.Interaction;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code nym} option of {@code /profile view} (spec §15.8, §16): case-insensitive substring
 * match over active nyms, up to 25, name = value = nym. Nyms are public, so no owner check.
 */
public final class NymAutocomplete implements AutocompleteHandler {
  private final Repositories repos;

  public NymAutocomplete(Repositories repos) {
    this.repos = Objects.requireNonNull(repos, "repos");
  }

  @Override
  public Set<String> paths() {
    return Set.of("profile view");
  }

  @Override
  public AutocompleteChoices complete(Interaction.Autocomplete in, CommunityConfig community) {
    String typed = in.partialValue().strip().toLowerCase(Locale.ROOT);
    return AutocompleteChoices.firstOf(
        repos.profiles().all(community.id()).stream()
            .filter(Profile::active)
            .map(Profile::nym)
            .filter(n -> n.toLowerCase(Locale.ROOT).contains(typed))
            // prefix matches first, then alphabetical: what the user is typing is usually a start
            .sorted(
                Comparator.comparing((String n) -> !n.toLowerCase(Locale.ROOT).startsWith(typed))
                    .thenComparing(n -> n.toLowerCase(Locale.ROOT)))
            .limit(AutocompleteChoices.MAX)
            .map(n -> AutocompleteChoices.Choice.of(n, n))
            .toList());
  }
}
