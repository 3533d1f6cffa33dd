package io.arrakis.bot.events;

import io.arrakis.discord.Button;
import io.arrakis.discord.Embed;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.port.Repositories;
import io.arrakis.state.SessionStore;
import io.arrakis.state.StateUnavailableException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code startOnboarding} of spec §8.2 as gateway events trigger it: nothing for a user with a
 * profile or a running onboarding session; the welcome DM with Start for an eligible wallet; the
 * "link an eligible wallet" DM otherwise. The DM does not create the session: Start does (the
 * wizard's own rule), so the session format stays with the wizard.
 */
public final class OnboardingInvite {
  private static final Logger log = LoggerFactory.getLogger(OnboardingInvite.class);
  static final String START = "onboarding_start";
  static final int SAND = 0xC2913A;

  private final Repositories repos;
  private final SessionStore sessions;

  public OnboardingInvite(Repositories repos, SessionStore sessions) {
    this.repos = repos;
    this.sessions = sessions;
  }

  /**
   * The DM that starts onboarding, if one is due.
   *
   * @param eligibleOnly only invite an eligible wallet (member join); otherwise also tell a user
   *     without one how to get there (member update)
   */
  Optional<DiscordAction> invite(
      String eventKey,
      CommunityConfig community,
      UserId user,
      Optional<RankingEntry> entry,
      boolean eligibleOnly) {
    if (repos.profiles().byUser(community.id(), user).isPresent()
        || sessionRunning(community, user)) {
      return Optional.empty();
    }
    boolean eligible = entry.map(RankingEntry::eligible).orElse(false);
    if (!eligible && eligibleOnly) {
      return Optional.empty();
    }
    return Optional.of(
        new DiscordAction.SendDirectMessage(
            ActionQueue.id(eventKey, "dm.send:onboarding"),
            user.value(),
            eligible ? welcome(community) : linkFirst(community),
            "onboarding:welcome"));
  }

  /**
   * The welcome DM for a user a sync found newly eligible (spec §3.2 step 11), under the sync's own
   * action id; nothing for a user with a profile or a running wizard.
   */
  public Optional<DiscordAction> inviteNewlyEligible(
      CommunityConfig community, UserId user, String actionId) {
    if (repos.profiles().byUser(community.id(), user).isPresent()
        || sessionRunning(community, user)) {
      return Optional.empty();
    }
    return Optional.of(
        new DiscordAction.SendDirectMessage(
            actionId, user.value(), welcome(community), "onboarding:welcome"));
  }

  private boolean sessionRunning(CommunityConfig community, UserId user) {
    try {
      return sessions.get("onboarding:" + community.id(), user.toString()).isPresent();
    } catch (StateUnavailableException ex) {
      // the Start button creates a session when there is none, so sending is safe
      log.warn("onboarding session of {} unknown, Redis unavailable: {}", user, ex.toString());
      return false;
    }
  }

  static MessagePayload welcome(CommunityConfig community) {
    return MessagePayload.builder()
        .embed(
            Embed.builder()
                .title("Welcome to " + community.name())
                .color(SAND)
                .description(
                    "Let's set up your profile: a nym, a picture and a short bio.\n\n"
                        + "**Your privacy**\n"
                        + "• Your wallet is never shown with your nym.\n"
                        + "• Your Discord identity is not linked to your nym publicly.\n"
                        + "• Only you see your activity and stats.")
                .footer("Press Start to begin.")
                .build())
        .row(Button.primary(START + ":" + community.id(), "Start"))
        .build();
  }

  static MessagePayload linkFirst(CommunityConfig community) {
    return MessagePayload.builder()
        .content(
            "To join "
                + community.name()
                + ", link an eligible wallet with /verify start in the server.")
        .build();
  }
}
