package io.arrakis.bot.sync;

import io.arrakis.bot.commands.Formats;
import io.arrakis.discord.Embed;
import io.arrakis.discord.MessagePayload;
import io.arrakis.domain.alerts.Alert;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierProgress;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The alert DMs of spec §13.3: one embed per alert type, no components, footer "Manage alerts with
 * /alerts in {community}". Payloads carry no nym next to a wallet.
 */
public final class AlertMessages {
  static final int GOLD = 0xD4AF37;
  static final int ORANGE = 0xE67E22;
  static final int RED = 0xE74C3C;
  static final int BLUE = 0x3498DB;
  static final int GREEN = 0x2ECC71;

  private AlertMessages() {}

  public static MessagePayload render(CommunityConfig community, Alert alert) {
    Embed.Builder e = Embed.builder();
    if (alert instanceof Alert.PositionUpdate a) {
      e.title("Position update").color(BLUE);
      e.field("New rank", Formats.rank(a.newRank()), true);
      e.field("Previous rank", Formats.rank(a.previousRank()), true);
      e.field("Balance", Formats.amount(a.balance(), community), true);
      amountField(e, "To pass " + Formats.rank(a.newRank() - 1), a.toPassRankAbove(), community);
      amountField(
          e, "Buffer over " + Formats.rank(a.newRank() + 1), a.bufferOverRankBelow(), community);
      e.field("Eligible", a.eligible() ? "Yes" : "No", true);
    } else if (alert instanceof Alert.AtRiskWarning a) {
      e.title("⚠️ Your eligibility is at risk").color(ORANGE);
      e.field("Rank", Formats.rank(a.rank()), true);
      e.field("Positions at risk", Integer.toString(a.positionsAtRisk()), true);
      amountField(
          e, "Buffer over " + Formats.rank(a.rank() + 1), a.bufferOverRankBelow(), community);
      e.field("Risk level", a.level().name(), true);
    } else if (alert instanceof Alert.NaibThreatAlert a) {
      e.title("Your Naib seat is threatened").color(ORANGE);
      e.field("Seat", "#" + a.seatNumber(), true);
      e.field("Your balance", Formats.amount(a.yourBalance(), community), true);
      e.field("Challenger's balance", Formats.amount(a.challengerBalance(), community), true);
    } else if (alert instanceof Alert.NaibSeated a) {
      e.title("You took a seat on the Naib council").color(GOLD);
      e.field("Seat", "#" + a.seatNumber(), true);
      e.field("Founding Naib", a.founding() ? "Yes" : "No", true);
    } else if (alert instanceof Alert.NaibBump a) {
      e.title("You were bumped from the Naib council").color(RED);
      e.field("Seat", "#" + a.seatNumber(), true);
      e.field("Bumped by a balance of", Formats.amount(a.bumpingBalance(), community), true);
    } else if (alert instanceof Alert.WaitlistEligible a) {
      e.title("Your waitlisted wallet is eligible").color(GREEN);
      e.description("Link it with /verify start to join.");
      e.field("Rank", rank(a.rank()), true);
      e.field("Wallet", a.truncatedWallet(), true);
    } else if (alert instanceof Alert.TierPromotion a) {
      e.title("Tier promotion").color(GOLD);
      e.field("From", a.oldTier().map(AlertMessages::tier).orElse("—"), true);
      e.field("To", tier(a.newTier()), true);
      e.field("Next tier", progress(a.progress(), community), false);
    } else if (alert instanceof Alert.BadgeAward a) {
      e.title("Badge awarded: " + a.emoji() + " " + a.name()).color(GOLD);
      e.description(a.description());
      a.sharedByNym()
          .map(nym -> nym + " shared their water with you")
          .or(a::reason)
          .ifPresent(r -> e.field("Reason", r, false));
    } else if (alert instanceof Alert.EligibilityLost a) {
      e.title("You are no longer eligible").color(RED);
      e.description(
          "Your roles will be removed at the first sync at least "
              + a.graceHours()
              + " hours from now unless you re-enter.");
      e.field("Previous rank", rank(a.previousRank()), true);
      e.field("Reason", a.reason().words(), true);
    } else if (alert instanceof Alert.AccessRevoked) {
      e.title("Access removed")
          .color(RED)
          .description("Your Fedaykin access was removed; you keep your profile.");
    } else {
      throw new IllegalArgumentException("no message for alert " + alert.type().id());
    }
    e.footer("Manage alerts with /alerts in " + community.name());
    return MessagePayload.builder().embed(e.build()).build();
  }

  private static void amountField(
      Embed.Builder e, String name, Optional<BigInteger> amount, CommunityConfig community) {
    amount.ifPresent(a -> e.field(name, Formats.amount(a, community), true));
  }

  private static String rank(OptionalInt rank) {
    return rank.isPresent() ? Formats.rank(rank.getAsInt()) : "not ranked";
  }

  private static String tier(Tier tier) {
    return tier.emoji() + " " + tier.displayName();
  }

  private static String progress(TierProgress progress, CommunityConfig community) {
    if (progress instanceof TierProgress.ToNext n) {
      return tier(n.next()) + " — " + Formats.amount(n.amountNeeded(), community) + " more";
    }
    if (progress instanceof TierProgress.RankBased r) {
      return tier(r.next()) + " — rank-based";
    }
    return "Highest tier";
  }
}
