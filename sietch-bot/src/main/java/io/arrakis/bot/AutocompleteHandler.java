package io.arrakis.bot;

import io.arrakis.discord.AutocompleteChoices;
import io.arrakis.discord.Interaction;
import io.arrakis.domain.community.CommunityConfig;
import java.util.Set;

/**
 * Suggestions while a user types an option (spec §16). Never errors: the dispatcher answers an
 * empty list on any failure, for a missing or inactive community and, for admin-only completions,
 * when the admin check fails.
 */
public interface AutocompleteHandler {

  /** The command paths completed, e.g. {@code profile view}, {@code admin-badge award}. */
  Set<String> paths();

  default boolean adminOnly() {
    return false;
  }

  /** At most 25 choices; runs in one transaction for the community. */
  AutocompleteChoices complete(Interaction.Autocomplete autocomplete, CommunityConfig community)
      throws Exception;
}
