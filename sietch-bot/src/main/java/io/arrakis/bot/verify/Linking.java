package io.arrakis.bot.verify;

import io.arrakis.bot.commands.Formats;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.roles.DesiredRoles;
import io.arrakis.domain.roles.RoleClass;
import io.arrakis.domain.roles.RoleFacts;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.tiers.TierPolicy;
import io.arrakis.state.SessionStore;
import io.arrakis.state.StateUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a linked wallet brings (spec §7.2 step 4): its ranking entry, the chain roles it earns (only
 * added here; removals wait for the sync's grace period), and whether the DM onboarding wizard
 * starts (spec §8.2: eligible, no profile, no running onboarding session).
 */
final class Linking {
  private static final Logger log = LoggerFactory.getLogger(Linking.class);
  static final String ROLE_REASON = "Sietch: wallet verified";

  private final Repositories repos;
  private final SessionStore sessions;

  Linking(Repositories repos, SessionStore sessions) {
    this.repos = repos;
    this.sessions = sessions;
  }

  Optional<RankingEntry> entry(CommunityConfig community, Address wallet) {
    return repos
        .eligibility()
        .current(community.id())
        .map(EligibilitySnapshot::ranking)
        .flatMap(r -> r.entry(wallet));
  }

  boolean hasActiveProfile(CommunityConfig community, UserId user) {
    return repos.profiles().byUser(community.id(), user).map(Profile::active).orElse(false);
  }

  /**
   * Whether to send the onboarding welcome DM: an eligible wallet, no active profile, and no
   * onboarding session running (the wizard is idempotent). Redis down: the DM is sent, since its
   * Start button creates a session when there is none.
   */
  boolean startsOnboarding(CommunityConfig community, UserId user, Optional<RankingEntry> entry) {
    if (!entry.map(RankingEntry::eligible).orElse(false) || hasActiveProfile(community, user)) {
      return false;
    }
    try {
      return sessions.get("onboarding:" + community.id(), user.toString()).isEmpty();
    } catch (StateUnavailableException ex) {
      log.warn("onboarding session of {} unknown, Redis unavailable: {}", user, ex.toString());
      return true;
    }
  }

  /** The welcome DM of the onboarding wizard, once per interaction. */
  static DiscordAction welcome(long interactionId, CommunityConfig community, UserId user) {
    return new DiscordAction.SendDirectMessage(
        Formats.id(interactionId) + ":dm.send:onboarding",
        user.value(),
        VerifyMessages.welcomeDm(community),
        "onboarding:welcome");
  }

  /**
   * The chain-class roles (Fedaykin, balance tiers) the wallet earns, as role additions; Fedaykin
   * is left to the seat logic for a seated Naib.
   */
  List<DiscordAction> chainRoles(
      long interactionId,
      long guildId,
      CommunityConfig community,
      UserId user,
      Optional<RankingEntry> entry,
      Instant now) {
    if (entry.isEmpty()) {
      return List.of();
    }
    TierPolicy tiers =
        new TierPolicy(
            community.eligibility(), community.tierThresholds(), community.token().decimals());
    Optional<Profile> profile =
        repos.profiles().byUser(community.id(), user).filter(Profile::active);
    boolean seated =
        profile.isPresent()
            && repos.seats().open(community.id()).stream()
                .anyMatch(seat -> seat.memberId().equals(profile.get().memberId()));
    List<DiscordAction> actions = new ArrayList<>();
    for (RoleKey key : new DesiredRoles(tiers).of(RoleFacts.linkedOnly(entry), now)) {
      if (key.roleClass() != RoleClass.CHAIN || (seated && key == RoleKey.FEDAYKIN)) {
        continue;
      }
      Optional<Snowflake> role = community.roles().writableRole(key, community.coexistenceMode());
      role.ifPresent(
          r ->
              actions.add(
                  new DiscordAction.AddRole(
                      Formats.id(interactionId) + ":role.add:" + r,
                      guildId,
                      user.value(),
                      r.value(),
                      ROLE_REASON)));
    }
    return actions;
  }
}
