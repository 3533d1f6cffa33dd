package io.arrakis.bot.commands;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.Invocation;
import io.arrakis.bot.Replies;
import io.arrakis.discord.Embed;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.Decision;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.Ranking;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.waitlist.ClosedReason;
import io.arrakis.domain.waitlist.ThresholdFigures;
import io.arrakis.domain.waitlist.WaitlistPolicy;
import io.arrakis.domain.waitlist.WaitlistRegistration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /register-waitlist register [wallet:] | status | unregister} (spec §6.3, §15.6): anyone,
 * ephemeral, immediate. Registration is validated by {@link WaitlistPolicy}; the Taqwa role is
 * granted and removed through {@link DiscordAction}s the dispatcher queues after commit.
 */
public final class RegisterWaitlistCommand implements CommandHandler {
  static final String REGISTER = "register";
  static final String STATUS = "status";
  static final String UNREGISTER = "unregister";
  static final String OPTION_WALLET = "wallet";

  static final String REGISTERED_TITLE = "Waitlist Registration Complete";
  static final String STATUS_TITLE = "Your Waitlist Registration";
  static final String TAQWA_FOOTER =
      "You now hold the Taqwa role. You'll get a DM when this wallet becomes eligible.";
  static final String DM_FOOTER = "You'll get a DM when this wallet becomes eligible.";
  static final String STATUS_FOOTER = "Leave with /register-waitlist unregister.";
  static final String NOT_REGISTERED_STATUS =
      "You're not registered. Use /register-waitlist register.";
  static final String LEFT = "You've left the waitlist.";
  static final String NOT_REGISTERED = "You're not registered.";
  static final String NO_RANKING = CheckEligibilityCommand.NO_RANKING;
  static final String ROLE_REASON_REGISTER = "Sietch: waitlist registration";
  static final String ROLE_REASON_UNREGISTER = "Sietch: left the waitlist";

  /** Embed colour of waitlist replies: Taqwa, "the price of freedom", a muted teal. */
  static final int COLOR_TAQWA = 0x1ABC9C;

  /** Embed colour of the out-of-range warning. */
  static final int COLOR_WARNING = 0xE67E22;

  private final Repositories repos;

  public RegisterWaitlistCommand(Repositories repos) {
    this.repos = Objects.requireNonNull(repos, "repos");
  }

  @Override
  public String name() {
    return SietchCommands.REGISTER_WAITLIST;
  }

  @Override
  public AnswerMode answerMode(SlashCommand command) {
    return AnswerMode.IMMEDIATE;
  }

  @Override
  public Answer handle(Invocation invocation) {
    return switch (invocation.subcommand()) {
      case REGISTER -> register(invocation);
      case STATUS -> status(invocation);
      case UNREGISTER -> unregister(invocation);
      default -> Answer.reply(Replies.unknownCommand());
    };
  }

  private Answer register(Invocation invocation) {
    CommunityConfig community = invocation.community();
    UserId caller = invocation.caller();
    Optional<Address> linked =
        repos.walletLinks().byUser(community.id(), caller).map(WalletLink::wallet);
    Optional<String> input = invocation.options().string(OPTION_WALLET);
    if (input.isEmpty() && linked.isEmpty()) {
      // nothing to register: linking comes first (and validation 4 would ask for it anyway)
      return Answer.reply(Replies.noWallet());
    }
    String walletInput = input.orElseGet(() -> linked.orElseThrow().value());
    Optional<EligibilitySnapshot> snapshot = repos.eligibility().current(community.id());
    Ranking ranking = snapshot.map(EligibilitySnapshot::ranking).orElse(Ranking.empty());
    List<WaitlistRegistration> active = repos.waitlist().active(community.id());

    Decision decision =
        new WaitlistPolicy(community.eligibility())
            .canRegister(caller, walletInput, linked, active, ranking);
    if (decision instanceof Decision.Rejected rejected) {
      boolean beforeFirstSync =
          snapshot.isEmpty() && WaitlistPolicy.NOT_RANKED.equals(rejected.code());
      return Answer.error(beforeFirstSync ? NO_RANKING : rejected.message());
    }

    Address wallet = Address.parse(walletInput).orElseThrow();
    RankingEntry entry = ranking.entry(wallet).orElseThrow();
    int position = entry.rank().getAsInt();
    WaitlistRegistration registration =
        new WaitlistRegistration(
            UUID.randomUUID(),
            caller,
            wallet,
            position,
            entry.balance(),
            invocation.now(),
            Optional.empty(),
            Optional.empty());
    repos.waitlist().save(community.id(), registration);
    repos
        .auditLog()
        .append(
            community.id(),
            audit(AuditType.WAITLIST_REGISTRATION, caller, wallet, Integer.toString(position)),
            invocation.now());

    // Taqwa is desired only for registrants without a profile (spec §4.3): members keep theirs off
    Optional<Snowflake> taqwa = isMember(invocation) ? Optional.empty() : taqwaRole(community);
    ThresholdFigures figures = ThresholdFigures.of(ranking, community.eligibility());
    Embed embed =
        Embed.builder()
            .title(REGISTERED_TITLE)
            .color(COLOR_TAQWA)
            .field("Position", Formats.rank(position), true)
            .field("Balance", Formats.amount(entry.balance(), community), true)
            .field(
                "Distance to entry",
                Formats.amount(figures.distanceToEntry(entry.balance()), community),
                true)
            .field("Wallet", wallet.truncated(), true)
            .footer(taqwa.isPresent() ? TAQWA_FOOTER : DM_FOOTER)
            .build();
    Answer answer = Answer.reply(MessagePayload.builder().embed(embed).ephemeral().build());
    return taqwa
        .<Answer>map(
            role ->
                answer.withActions(
                    List.of(
                        new DiscordAction.AddRole(
                            actionId(invocation, DiscordAction.Kind.ROLE_ADD, role),
                            invocation.guildId(),
                            caller.value(),
                            role.value(),
                            ROLE_REASON_REGISTER))))
        .orElse(answer);
  }

  private Answer status(Invocation invocation) {
    CommunityConfig community = invocation.community();
    Optional<WaitlistRegistration> found = activeOf(invocation);
    if (found.isEmpty()) {
      return Answer.error(NOT_REGISTERED_STATUS);
    }
    WaitlistRegistration registration = found.get();
    EligibilityRules rules = community.eligibility();
    Ranking ranking =
        repos
            .eligibility()
            .current(community.id())
            .map(EligibilitySnapshot::ranking)
            .orElse(Ranking.empty());
    Optional<RankingEntry> entry =
        ranking.entry(registration.wallet()).filter(RankingEntry::isRanked);
    ThresholdFigures figures = ThresholdFigures.of(ranking, rules);
    boolean outside = new WaitlistPolicy(rules).isOutsideRange(registration, ranking);

    Embed.Builder embed =
        Embed.builder()
            .title(STATUS_TITLE)
            .color(outside ? COLOR_WARNING : COLOR_TAQWA)
            .field(
                "Position",
                entry.map(e -> Formats.rank(e.rank().getAsInt())).orElse("Not ranked"),
                true)
            .field(
                "Balance", entry.map(e -> Formats.amount(e.balance(), community)).orElse("—"), true)
            .field(
                "Distance to entry",
                entry
                    .map(e -> Formats.amount(figures.distanceToEntry(e.balance()), community))
                    .orElse("—"),
                true)
            .field("Wallet", registration.wallet().truncated(), true)
            .field("Registered", Formats.relative(registration.registeredAt()), true);
    if (outside) {
      embed.field(
          "⚠️ Outside the waitlist range",
          "Your wallet is now "
              + entry.map(e -> "ranked " + Formats.rank(e.rank().getAsInt())).orElse("unranked")
              + ", outside "
              + Formats.waitlistRange(rules)
              + "; you stay registered.",
          false);
    }
    embed.footer(STATUS_FOOTER);
    return Answer.reply(MessagePayload.builder().embed(embed.build()).ephemeral().build());
  }

  private Answer unregister(Invocation invocation) {
    CommunityConfig community = invocation.community();
    Optional<WaitlistRegistration> found = activeOf(invocation);
    if (found.isEmpty()) {
      return Answer.error(NOT_REGISTERED);
    }
    WaitlistRegistration registration = found.get();
    repos
        .waitlist()
        .save(community.id(), registration.close(invocation.now(), ClosedReason.UNREGISTERED));
    String position =
        repos
            .eligibility()
            .current(community.id())
            .flatMap(s -> s.ranking().entry(registration.wallet()))
            .filter(RankingEntry::isRanked)
            .map(e -> Integer.toString(e.rank().getAsInt()))
            .orElse("unranked");
    repos
        .auditLog()
        .append(
            community.id(),
            audit(
                AuditType.WAITLIST_UNREGISTRATION,
                invocation.caller(),
                registration.wallet(),
                position),
            invocation.now());
    Answer answer = Answer.reply(MessagePayload.ephemeralText(LEFT));
    // removed whatever the caller's profile: without a registration Taqwa is never desired
    return taqwaRole(community)
        .<Answer>map(
            role ->
                answer.withActions(
                    List.of(
                        new DiscordAction.RemoveRole(
                            actionId(invocation, DiscordAction.Kind.ROLE_REMOVE, role),
                            invocation.guildId(),
                            invocation.caller().value(),
                            role.value(),
                            ROLE_REASON_UNREGISTER))))
        .orElse(answer);
  }

  private Optional<WaitlistRegistration> activeOf(Invocation invocation) {
    return repos.waitlist().active(invocation.communityId()).stream()
        .filter(r -> r.userId().equals(invocation.caller()))
        .findFirst();
  }

  private boolean isMember(Invocation invocation) {
    return repos
        .profiles()
        .byUser(invocation.communityId(), invocation.caller())
        .map(Profile::active)
        .orElse(false);
  }

  private static Optional<Snowflake> taqwaRole(CommunityConfig community) {
    return community.roles().writableRole(RoleKey.TAQWA, community.coexistenceMode());
  }

  /** {@code {interactionId}:role.add:{roleId}}: the same interaction always yields the same id. */
  private static String actionId(Invocation invocation, DiscordAction.Kind kind, Snowflake role) {
    return Formats.id(invocation.interactionId()) + ":" + kind.key() + ":" + role;
  }

  /** Payload of spec §21: user, wallet, position; the caller is the actor. */
  private static AuditEvent audit(AuditType type, UserId user, Address wallet, String position) {
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("user", user.toString());
    payload.put("wallet", wallet.value());
    payload.put("position", position);
    return new AuditEvent(type, user.toString(), payload);
  }
}
