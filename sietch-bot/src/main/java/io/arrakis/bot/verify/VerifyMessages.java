package io.arrakis.bot.verify;

import io.arrakis.bot.commands.Formats;
import io.arrakis.discord.Button;
import io.arrakis.discord.Embed;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.Modal;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.port.VerificationSession;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The texts, embeds, buttons and the modal of {@code /verify} (spec §7, §15.16, §8.2 step 0). */
final class VerifyMessages {
  private VerifyMessages() {}

  static final String SUBMIT = "verify_submit";
  static final String MODAL = "verify_modal";
  static final String FIELD_WALLET = "wallet_address";
  static final String FIELD_SIGNATURE = "signature";
  static final String ONBOARDING_START = "onboarding_start";

  static final String TITLE_NEW = "Wallet Verification";
  static final String TITLE_IN_PROGRESS = "Verification In Progress";
  static final String TITLE_STATUS = "Verification Status";
  static final String TITLE_VERIFIED = "Wallet Verified";
  static final String SUBMIT_LABEL = "Submit signature";
  static final String MODAL_TITLE = "Submit your signature";
  static final String CHECK_DMS = "Check your DMs to finish onboarding.";

  static final int BLURPLE = 0x5865F2;
  static final int ORANGE = 0xE67E22;
  static final int GREEN = 0x2ECC71;
  static final int SAND = 0xC2913A;

  // ---- the errors of spec §7.2 (all ephemeral)
  static final String SESSION_EXPIRED = "This session expired. Run /verify start for a new one.";
  static final String SESSION_CLOSED =
      "This session is no longer active (completed, failed or cancelled). Run /verify start.";
  static final String MALFORMED_INPUT = "That isn't a valid wallet address / signature.";
  static final String MAX_ATTEMPTS = "Too many failed attempts. Run /verify start to begin again.";
  static final String WALLET_LINKED_ELSEWHERE =
      "This wallet is already linked to another Discord account in this community.";

  /** A custom id whose session does not exist (forged, or from another community). */
  static final String UNKNOWN_SESSION =
      "This verification session no longer exists. Run /verify start for a new one.";

  /** Error codes stored in {@code verification_sessions.error_code} and audited. */
  static final String CODE_INVALID_SIGNATURE = "INVALID_SIGNATURE";

  static final String CODE_ADDRESS_MISMATCH = "ADDRESS_MISMATCH";
  static final String CODE_MAX_ATTEMPTS = "MAX_ATTEMPTS";
  static final String CODE_WALLET_LINKED_ELSEWHERE = "WALLET_LINKED_ELSEWHERE";

  static String invalidSignature(int left) {
    return "The signature couldn't be verified against the message. "
        + left
        + " attempt(s) left — press Submit signature again.";
  }

  static String addressMismatch(Address entered, int left) {
    return "That signature was made by a different wallet than "
        + entered.truncated()
        + ". "
        + left
        + " attempt(s) left.";
  }

  /** Spec §7.1's message, LF line endings; {@code expiresAt} is whole seconds. */
  static String messageToSign(
      String username, String communityName, String nonce, Instant expiresAt) {
    return "Sietch wallet verification\n"
        + "\n"
        + "I am linking this wallet to Discord user "
        + username
        + " in the community \""
        + communityName
        + "\".\n"
        + "This signature does not authorize any transaction and costs no gas.\n"
        + "\n"
        + "Nonce: "
        + nonce
        + "\n"
        + "Expires: "
        + expiresAt.truncatedTo(ChronoUnit.SECONDS);
  }

  static Button submitButton(VerificationSession s) {
    return Button.primary(SUBMIT + ":" + s.id(), SUBMIT_LABEL);
  }

  static String codeBlock(String message) {
    return "```\n" + message + "\n```";
  }

  /** A new session: blurple "Wallet Verification" with the steps, expiry and the message. */
  static MessagePayload newSession(
      VerificationSession s, Optional<Address> replaced, boolean onboarding) {
    Embed.Builder embed =
        Embed.builder()
            .title(TITLE_NEW)
            .color(BLURPLE)
            .description(
                "1. Copy the message below.\n"
                    + "2. Sign it with your wallet's \"sign message\" feature.\n"
                    + "3. Press **Submit signature** and paste your address and the signature.\n"
                    + codeBlock(s.message()))
            .field("Expires", Formats.relative(s.expiresAt()), true)
            .field("Max attempts", Integer.toString(VerificationSession.MAX_ATTEMPTS), true);
    notes(embed, replaced, onboarding);
    return MessagePayload.builder().embed(embed.build()).row(submitButton(s)).ephemeral().build();
  }

  /** A pending session shown again: orange "Verification In Progress". */
  static MessagePayload inProgress(
      VerificationSession s, Optional<Address> replaced, boolean onboarding) {
    Embed.Builder embed =
        Embed.builder()
            .title(TITLE_IN_PROGRESS)
            .color(ORANGE)
            .description(
                "Sign this message with your wallet, then press **Submit signature**.\n"
                    + codeBlock(s.message()))
            .field("Expires", Formats.relative(s.expiresAt()), true)
            .field("Attempts remaining", Integer.toString(s.attemptsLeft()), true);
    notes(embed, replaced, onboarding);
    return MessagePayload.builder().embed(embed.build()).row(submitButton(s)).ephemeral().build();
  }

  private static void notes(Embed.Builder embed, Optional<Address> replaced, boolean onboarding) {
    replaced.ifPresent(
        w ->
            embed.field(
                "Note",
                "You already have a linked wallet ("
                    + w.truncated()
                    + "); verifying another one will replace it.",
                false));
    if (onboarding) {
      embed.field("Onboarding", CHECK_DMS, false);
    }
  }

  static InteractionResponse.ShowModal modal(VerificationSession s) {
    return new InteractionResponse.ShowModal(
        Modal.of(
            MODAL + ":" + s.id(),
            MODAL_TITLE,
            Modal.TextInput.shortText(FIELD_WALLET, "Wallet address")
                .length(42, 42)
                .withPlaceholder("0x…"),
            Modal.TextInput.paragraph(FIELD_SIGNATURE, "Signature")
                .length(132, 132)
                .withPlaceholder("0x… (130 hex characters)")));
  }

  /** The ephemeral answer to the modal when the wallet is linked. */
  static MessagePayload linked(Address wallet, boolean replacedOther) {
    return MessagePayload.builder()
        .embed(
            Embed.builder()
                .title(TITLE_VERIFIED)
                .color(GREEN)
                .description(
                    (replacedOther ? "Your linked wallet was replaced. " : "")
                        + "Details are in your DMs.")
                .field("Wallet", wallet.value(), false)
                .build())
        .ephemeral()
        .build();
  }

  /** The "Wallet verified" DM (spec §7.2 step 4). */
  static MessagePayload verifiedDm(
      CommunityConfig community, Address wallet, Optional<RankingEntry> entry) {
    EligibilityRules rules = community.eligibility();
    Optional<Integer> rank = entry.filter(RankingEntry::isRanked).map(e -> e.rank().getAsInt());
    String standing;
    if (entry.map(RankingEntry::eligible).orElse(false)) {
      standing =
          (rank.isPresent() && rules.isNaibRank(rank.get())
                  ? "Eligible — Naib tier"
                  : "Eligible — Fedaykin tier")
              + ": onboarding continues below.";
    } else if (rank.isPresent() && rules.isWaitlistRank(rank.get())) {
      standing =
          "Not yet eligible, but in the waitlist range ("
              + Formats.waitlistRange(rules)
              + "): join it with /register-waitlist register.";
    } else {
      standing = "Not yet eligible.";
    }
    return MessagePayload.builder()
        .embed(
            Embed.builder()
                .title("Wallet verified")
                .color(GREEN)
                .description("Your wallet is now linked in " + community.name() + ".")
                .field("Wallet", wallet.truncated(), true)
                .field("Position", rank.map(Formats::rank).orElse("not ranked"), true)
                .field("Status", standing, false)
                .build())
        .build();
  }

  /** Step 0 of the onboarding wizard (spec §8.2): the welcome DM with the Start button. */
  static MessagePayload welcomeDm(CommunityConfig community) {
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
        .row(Button.primary(ONBOARDING_START + ":" + community.id(), "Start"))
        .build();
  }
}
