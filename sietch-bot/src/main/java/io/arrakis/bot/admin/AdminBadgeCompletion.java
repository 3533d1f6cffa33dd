package io.arrakis.bot.admin;

import io.arrakis.bot.AutocompleteHandler;
import io.arrakis.discord.AutocompleteChoices;
import io.arrakis.discord.Interaction;
import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Autocomplete of {@code /admin-badge} (spec §15.14): {@code nym} — active nyms; {@code badge} on
 * award — contribution and special badges; on revoke — the active badges of the member named in
 * {@code nym}. Admin-only: the dispatcher answers non-admins an empty list.
 */
public final class AdminBadgeCompletion implements AutocompleteHandler {
  private final Repositories repos;

  public AdminBadgeCompletion(Repositories repos) {
    this.repos = Objects.requireNonNull(repos, "repos");
  }

  @Override
  public Set<String> paths() {
    return Set.of("admin-badge award", "admin-badge revoke");
  }

  @Override
  public boolean adminOnly() {
    return true;
  }

  @Override
  public AutocompleteChoices complete(Interaction.Autocomplete ac, CommunityConfig community) {
    if (ac.focusedOption().equals("nym")) {
      return AdminSupport.nymChoices(repos, community.id(), ac.partialValue());
    }
    if (!ac.focusedOption().equals("badge")) {
      return AutocompleteChoices.none();
    }
    List<BadgeDefinition> candidates;
    if (ac.subcommand().orElse("").equals(AdminBadgeCommand.REVOKE)) {
      Optional<Profile> member =
          ac.options()
              .string("nym")
              .flatMap(n -> AdminSupport.activeByNym(repos, community.id(), n));
      if (member.isEmpty()) {
        return AutocompleteChoices.none();
      }
      Set<String> held =
          repos.badges().ofMember(community.id(), member.get().memberId()).stream()
              .filter(MemberBadge::active)
              .map(MemberBadge::badgeId)
              .collect(Collectors.toSet());
      candidates =
          AdminSupport.catalogue(repos, community).stream()
              .filter(b -> held.contains(b.id()))
              .toList();
    } else {
      candidates =
          AdminSupport.catalogue(repos, community).stream()
              .filter(b -> b.category().manuallyAwardable())
              .toList();
    }
    return AutocompleteChoices.firstOf(
        candidates.stream()
            .filter(b -> AdminSupport.badgeMatches(b, ac.partialValue()))
            .map(b -> AutocompleteChoices.Choice.of(AdminSupport.badgeLabel(b), b.id()))
            .toList());
  }
}
