package io.arrakis.bot.verify;

import io.arrakis.bot.Answer;
import io.arrakis.bot.ComponentHandler;
import io.arrakis.bot.ComponentInvocation;
import io.arrakis.bot.Replies;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.port.VerificationSession;
import io.arrakis.domain.port.VerificationSession.Status;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.state.RateLimiter;
import io.arrakis.state.StateUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Submit signature button {@code verify_submit:{sessionId}} (opens the modal) and the modal
 * {@code verify_modal:{sessionId}} (checks, recovers the signer, links the wallet), spec §7.2 step
 * 2–4 in the spec's order. Both refuse a session that is not the clicker's ({@code NOT_YOURS}).
 */
public final class VerifyControls implements ComponentHandler {
  private static final Logger log = LoggerFactory.getLogger(VerifyControls.class);

  /** Spec §20: {@code rl:user:{userId}:verify-submit}, 3 per minute. */
  static final RateLimiter.Limit SUBMIT_LIMIT = RateLimiter.Limit.perMinute(3);

  static final String LIMIT_ENDPOINT = "verify-submit";

  private final Repositories repos;
  private final RateLimiter limiter;
  private final Linking linking;

  VerifyControls(Repositories repos, RateLimiter limiter, Linking linking) {
    this.repos = repos;
    this.limiter = limiter;
    this.linking = linking;
  }

  @Override
  public Set<String> prefixes() {
    return Set.of(VerifyMessages.SUBMIT, VerifyMessages.MODAL);
  }

  @Override
  public Answer handle(ComponentInvocation in) {
    boolean modal = in.customId().prefix().equals(VerifyMessages.MODAL);
    if (modal != in.isModal()) {
      return Answer.reply(Replies.staleControl()); // a forged kind for the prefix
    }
    Optional<UUID> id = parse(in.arg(0));
    Optional<VerificationSession> found =
        id.flatMap(
            i ->
                modal
                    ? repos.verificationSessions().lockById(in.communityId(), i)
                    : repos.verificationSessions().byId(in.communityId(), i));
    if (found.isEmpty()) {
      return Answer.error(VerifyMessages.UNKNOWN_SESSION);
    }
    VerificationSession s = found.get();
    if (!s.userId().equals(in.caller())) {
      return Answer.reply(Replies.notYours());
    }
    Optional<String> closed = closedReason(in.communityId(), s, in.now());
    if (closed.isPresent()) {
      return Answer.error(closed.get());
    }
    return modal ? submit(in, s) : Answer.of(VerifyMessages.modal(s));
  }

  private static Optional<UUID> parse(String arg) {
    try {
      return Optional.of(UUID.fromString(arg));
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  /** Pending, unexpired, attempts left — or the matching error text. */
  private Optional<String> closedReason(CommunityId c, VerificationSession s, Instant now) {
    Status status = s.effectiveStatus(now);
    if (status == Status.EXPIRED) {
      if (s.status() == Status.PENDING) {
        repos.verificationSessions().save(c, s.expired());
      }
      return Optional.of(VerifyMessages.SESSION_EXPIRED);
    }
    if (status == Status.FAILED
        && s.errorCode().filter(VerifyMessages.CODE_MAX_ATTEMPTS::equals).isPresent()) {
      return Optional.of(VerifyMessages.MAX_ATTEMPTS);
    }
    if (status != Status.PENDING) {
      return Optional.of(VerifyMessages.SESSION_CLOSED);
    }
    if (s.attempts() >= VerificationSession.MAX_ATTEMPTS) {
      return Optional.of(VerifyMessages.MAX_ATTEMPTS);
    }
    return Optional.empty();
  }

  private Answer submit(ComponentInvocation in, VerificationSession session) {
    CommunityConfig community = in.community();
    UserId caller = in.caller();
    if (limited(caller)) {
      return Answer.reply(Replies.rateLimited());
    }
    Optional<Address> entered =
        Optional.ofNullable(in.fields().get(VerifyMessages.FIELD_WALLET)).flatMap(Address::parse);
    String signature = in.fields().getOrDefault(VerifyMessages.FIELD_SIGNATURE, "").strip();
    if (entered.isEmpty() || !Eip191.isWellFormedSignature(signature)) {
      return Answer.error(VerifyMessages.MALFORMED_INPUT);
    }
    Address wallet = entered.get();
    VerificationSession s = session.withAttempt();

    Optional<Address> signer = Eip191.recoverSigner(s.message(), signature);
    boolean matches = signer.filter(wallet::equals).isPresent();
    if (!matches) {
      // some tools rewrite line endings: the same text with CRLF is accepted, nothing else
      Optional<Address> crlf = Eip191.recoverSigner(s.message().replace("\n", "\r\n"), signature);
      matches = crlf.filter(wallet::equals).isPresent();
      signer = signer.or(() -> crlf);
    }
    if (!matches) {
      String code =
          signer.isEmpty()
              ? VerifyMessages.CODE_INVALID_SIGNATURE
              : VerifyMessages.CODE_ADDRESS_MISMATCH;
      if (s.attemptsLeft() == 0) {
        fail(in, s, VerifyMessages.CODE_MAX_ATTEMPTS, code);
        return Answer.error(VerifyMessages.MAX_ATTEMPTS);
      }
      repos.verificationSessions().save(community.id(), s);
      return Answer.error(
          signer.isEmpty()
              ? VerifyMessages.invalidSignature(s.attemptsLeft())
              : VerifyMessages.addressMismatch(wallet, s.attemptsLeft()));
    }

    Optional<WalletLink> holder = repos.walletLinks().byWallet(community.id(), wallet);
    if (holder.isPresent() && !holder.get().userId().equals(caller)) {
      fail(in, s, VerifyMessages.CODE_WALLET_LINKED_ELSEWHERE, "");
      return Answer.error(VerifyMessages.WALLET_LINKED_ELSEWHERE);
    }
    return link(in, s, wallet);
  }

  /** Spec §7.2 step 4. */
  private Answer link(ComponentInvocation in, VerificationSession s, Address wallet) {
    CommunityConfig community = in.community();
    UserId caller = in.caller();
    Instant now = in.now();
    repos.verificationSessions().save(community.id(), s.completed(wallet, now));
    Optional<Address> old =
        repos.walletLinks().byUser(community.id(), caller).map(WalletLink::wallet);
    repos
        .walletLinks()
        .save(community.id(), new WalletLink(caller, wallet, now, Optional.of(s.id())));
    Map<String, String> wallets = new LinkedHashMap<>();
    wallets.put("old_wallet", old.map(Address::value).orElse(""));
    wallets.put("new_wallet", wallet.value());
    repos
        .auditLog()
        .append(
            community.id(),
            VerifyCommand.audit(
                AuditType.WALLET_VERIFICATION, caller.toString(), caller, s, wallets),
            now);

    long interaction = in.interaction().context().interactionId();
    Optional<RankingEntry> entry = linking.entry(community, wallet);
    List<DiscordAction> actions = new ArrayList<>();
    in.guildId()
        .ifPresent(
            guild ->
                actions.addAll(
                    linking.chainRoles(interaction, guild, community, caller, entry, now)));
    actions.add(
        new DiscordAction.SendDirectMessage(
            io.arrakis.bot.commands.Formats.id(interaction) + ":dm.send:verified",
            caller.value(),
            VerifyMessages.verifiedDm(community, wallet, entry),
            "verify:wallet_verified"));
    if (linking.startsOnboarding(community, caller, entry)) {
      actions.add(Linking.welcome(interaction, community, caller));
    }
    boolean replacedOther = old.filter(o -> !o.equals(wallet)).isPresent();
    return new Answer(
        new InteractionResponse.Reply(VerifyMessages.linked(wallet, replacedOther)), actions);
  }

  /** The session ends {@code failed}; audited as {@code verification_failed}. */
  private void fail(ComponentInvocation in, VerificationSession s, String code, String cause) {
    repos.verificationSessions().save(in.communityId(), s.failed(code));
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("error_code", code);
    if (!cause.isEmpty()) {
      extra.put("last_error", cause);
    }
    repos
        .auditLog()
        .append(
            in.communityId(),
            VerifyCommand.audit(
                AuditType.VERIFICATION_FAILED, in.caller().toString(), in.caller(), s, extra),
            in.now());
  }

  /** Spec §20's submit limit; fails open when Redis is down (spec §20). */
  private boolean limited(UserId user) {
    try {
      return limiter.tryAcquire("user:" + user, LIMIT_ENDPOINT, SUBMIT_LIMIT)
          instanceof RateLimiter.Limited;
    } catch (StateUnavailableException ex) {
      log.warn("verify-submit limit not checked, Redis unavailable: {}", ex.toString());
      return false;
    }
  }
}
