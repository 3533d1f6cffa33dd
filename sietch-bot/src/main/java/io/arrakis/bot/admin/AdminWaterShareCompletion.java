package io.arrakis.bot.admin;

import io.arrakis.bot.AutocompleteHandler;
import io.arrakis.discord.AutocompleteChoices;
import io.arrakis.discord.Interaction;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.water.WaterGrant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Autocomplete of {@code /admin-water-share} (spec §15.20): {@code grant_id} — active grants whose
 * id starts with, or either nym contains, the typed text, labelled "{granter} → {recipient} ({id
 * prefix})" with the full id as value; {@code nym} — active nyms. Admin-only.
 */
public final class AdminWaterShareCompletion implements AutocompleteHandler {
  private final Repositories repos;

  public AdminWaterShareCompletion(Repositories repos) {
    this.repos = Objects.requireNonNull(repos, "repos");
  }

  @Override
  public Set<String> paths() {
    return Set.of("admin-water-share revoke", "admin-water-share lineage");
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
    if (!ac.focusedOption().equals("grant_id")) {
      return AutocompleteChoices.none();
    }
    Map<MemberId, String> nyms =
        repos.profiles().all(community.id()).stream()
            .collect(Collectors.toMap(Profile::memberId, Profile::nym, (a, b) -> a));
    Function<MemberId, String> nym = m -> nyms.getOrDefault(m, "?");
    String q = ac.partialValue().strip().toLowerCase(Locale.ROOT);
    return AutocompleteChoices.firstOf(
        repos.waterGrants().all(community.id()).stream()
            .filter(WaterGrant::active)
            .filter(
                g ->
                    g.id().toString().startsWith(q)
                        || nym.apply(g.granter()).toLowerCase(Locale.ROOT).contains(q)
                        || nym.apply(g.recipient()).toLowerCase(Locale.ROOT).contains(q))
            .sorted(Comparator.comparing(WaterGrant::grantedAt).reversed())
            .limit(AutocompleteChoices.MAX)
            .map(
                g ->
                    AutocompleteChoices.Choice.of(
                        truncate(
                            nym.apply(g.granter())
                                + " → "
                                + nym.apply(g.recipient())
                                + " ("
                                + AdminWaterShareCommand.prefix(g.id())
                                + ")"),
                        g.id().toString()))
            .toList());
  }

  private static String truncate(String label) {
    return label.length() <= 100 ? label : label.substring(0, 99) + "…";
  }
}
