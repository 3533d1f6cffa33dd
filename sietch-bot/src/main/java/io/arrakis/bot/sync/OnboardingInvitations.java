package io.arrakis.bot.sync;

import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import java.util.Optional;

/**
 * Starts the DM onboarding wizard for a user a sync found newly eligible (spec §3.2 step 11, §8.2):
 * the same welcome DM the verify flow sends, or nothing when a wizard is already running.
 */
@FunctionalInterface
public interface OnboardingInvitations {
  Optional<DiscordAction> invite(CommunityConfig community, UserId user, String actionId);
}
