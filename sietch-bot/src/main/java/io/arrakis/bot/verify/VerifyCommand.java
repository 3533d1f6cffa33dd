package io.arrakis.bot.verify;

import io.arrakis.bot.AdminCheck;
import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.Invocation;
import io.arrakis.bot.Replies;
import io.arrakis.bot.commands.Formats;
import io.arrakis.discord.Embed;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.port.VerificationSession;
import io.arrakis.domain.port.VerificationSession.Status;
import io.arrakis.domain.port.VerificationSessionRepository;
import io.arrakis.domain.profile.WalletLink;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /verify start | status | reset user:} (spec §15.16). {@code start} defers (ephemeral) and
 * creates — or shows again — the caller's pending session; {@code status} and {@code reset} answer
 * at once. The command is public, so {@code reset}'s admin check is made here with {@link
 * AdminCheck}.
 */
public final class VerifyCommand implements CommandHandler {
  static final String START = "start";
  static final String STATUS = "status";
  static final String RESET = "reset";
  static final String OPTION_USER = "user";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Repositories repos;
  private final Linking linking;

  VerifyCommand(Repositories repos, Linking linking) {
    this.repos = repos;
    this.linking = linking;
  }

  @Override
  public String name() {
    return SietchCommands.VERIFY;
  }

  @Override
  public AnswerMode answerMode(SlashCommand command) {
    return START.equals(command.subcommand().orElse(""))
        ? AnswerMode.DEFER_EPHEMERAL
        : AnswerMode.IMMEDIATE;
  }

  @Override
  public Answer handle(Invocation invocation) {
    return switch (invocation.subcommand()) {
      case START -> start(invocation);
      case STATUS -> status(invocation);
      case RESET -> reset(invocation);
      default -> Answer.reply(Replies.unknownCommand());
    };
  }

  private VerificationSessionRepository sessions() {
    return repos.verificationSessions();
  }

  private Answer start(Invocation in) {
    CommunityConfig community = in.community();
    UserId caller = in.caller();
    Instant now = in.now();
    Optional<WalletLink> link = repos.walletLinks().byUser(community.id(), caller);
    Optional<Address> replaced = link.map(WalletLink::wallet);
    Optional<RankingEntry> entry = replaced.flatMap(w -> linking.entry(community, w));
    boolean onboarding = linking.startsOnboarding(community, caller, entry);
    List<DiscordAction> actions =
        onboarding ? List.of(Linking.welcome(in.interactionId(), community, caller)) : List.of();

    Optional<VerificationSession> pending = sessions().pending(community.id(), caller);
    if (pending.isPresent()) {
      VerificationSession s = pending.get();
      if (s.effectiveStatus(now) == Status.PENDING) {
        return new Answer(
            new io.arrakis.discord.InteractionResponse.Reply(
                VerifyMessages.inProgress(s, replaced, onboarding)),
            actions);
      }
      sessions().save(community.id(), s.expired()); // frees the one pending slot
    }
    Instant created = now.truncatedTo(ChronoUnit.SECONDS);
    String nonce = nonce();
    String username = in.command().context().user().username();
    VerificationSession s =
        VerificationSession.start(
            UUID.randomUUID(),
            caller,
            username,
            nonce,
            VerifyMessages.messageToSign(
                username, community.name(), nonce, created.plus(VerificationSession.LIFETIME)),
            created);
    sessions().save(community.id(), s);
    repos
        .auditLog()
        .append(
            community.id(),
            audit(AuditType.VERIFICATION_STARTED, caller.toString(), caller, s, Map.of()),
            now);
    return new Answer(
        new io.arrakis.discord.InteractionResponse.Reply(
            VerifyMessages.newSession(s, replaced, onboarding)),
        actions);
  }

  private Answer status(Invocation in) {
    CommunityId c = in.communityId();
    UserId caller = in.caller();
    Instant now = in.now();
    Optional<WalletLink> link = repos.walletLinks().byUser(c, caller);
    Optional<VerificationSession> latest = sessions().latest(c, caller);
    Embed.Builder embed =
        Embed.builder()
            .title(VerifyMessages.TITLE_STATUS)
            .color(VerifyMessages.BLURPLE)
            .field(
                "Linked wallet",
                link.map(l -> l.wallet().value() + "\nverified " + Formats.relative(l.verifiedAt()))
                    .orElse("none"),
                false);
    MessagePayload.Builder message = MessagePayload.builder().ephemeral();
    if (latest.isEmpty()) {
      embed.field("Latest session", "none — use /verify start", false);
    } else {
      VerificationSession s = latest.get();
      switch (s.effectiveStatus(now)) {
        case PENDING -> {
          embed
              .field(
                  "Latest session",
                  "pending — expires "
                      + Formats.relative(s.expiresAt())
                      + ", attempts "
                      + s.attempts()
                      + "/"
                      + VerificationSession.MAX_ATTEMPTS,
                  false)
              .description(
                  "Sign this message, then press **Submit signature**.\n"
                      + VerifyMessages.codeBlock(s.message()));
          message.row(VerifyMessages.submitButton(s));
        }
        case COMPLETED ->
            embed.field(
                "Latest session",
                "completed — "
                    + s.wallet().map(Address::value).orElse("?")
                    + " "
                    + s.completedAt().map(Formats::relative).orElse(""),
                false);
        case EXPIRED -> embed.field("Latest session", "expired — run /verify start", false);
        case FAILED ->
            embed.field(
                "Latest session",
                "failed (" + describe(s.errorCode().orElse("unknown")) + ") — run /verify start",
                false);
        case CANCELLED ->
            embed.field(
                "Latest session", "cancelled by an administrator; run /verify start", false);
      }
    }
    return Answer.reply(message.embed(embed.build()).build());
  }

  private static String describe(String code) {
    return switch (code) {
      case VerifyMessages.CODE_MAX_ATTEMPTS -> "maximum attempts exceeded";
      case VerifyMessages.CODE_WALLET_LINKED_ELSEWHERE -> "the wallet is linked to another account";
      default -> code;
    };
  }

  private Answer reset(Invocation in) {
    if (!AdminCheck.isAdmin(in.command(), in.community())) {
      return Answer.reply(Replies.notAdmin());
    }
    long target = in.options().userId(OPTION_USER).orElse(0L);
    if (target == 0L) {
      return Answer.error("Pick the member whose verification to cancel.");
    }
    UserId user = new UserId(target);
    String mention = "<@" + user + ">";
    Optional<VerificationSession> pending = sessions().pending(in.communityId(), user);
    if (pending.isEmpty()) {
      return Answer.error(mention + " has no pending verification.");
    }
    VerificationSession s = pending.get();
    if (s.effectiveStatus(in.now()) != Status.PENDING) {
      sessions().save(in.communityId(), s.expired());
      return Answer.error(mention + " has no pending verification.");
    }
    sessions().save(in.communityId(), s.cancelled());
    repos
        .auditLog()
        .append(
            in.communityId(),
            audit(
                AuditType.VERIFICATION_RESET,
                in.caller().toString(),
                user,
                s,
                Map.of("admin", in.caller().toString())),
            in.now());
    return Answer.reply(
        MessagePayload.ephemeralText("Cancelled " + mention + "'s pending verification."));
  }

  static String nonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Spec §21: user, session, and the extras (error code, admin, wallets). */
  static AuditEvent audit(
      AuditType type, String actor, UserId user, VerificationSession s, Map<String, String> extra) {
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("user", user.toString());
    payload.put("session", s.id().toString());
    payload.putAll(extra);
    return new AuditEvent(type, actor, payload);
  }
}
