package io.arrakis.bot.setup;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.ComponentHandler;
import io.arrakis.bot.ComponentInvocation;
import io.arrakis.bot.Invocation;
import io.arrakis.bot.Replies;
import io.arrakis.bot.SyncRequests;
import io.arrakis.discord.ActionRow;
import io.arrakis.discord.Button;
import io.arrakis.discord.Embed;
import io.arrakis.discord.EntitySelect;
import io.arrakis.discord.Interaction;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.Modal;
import io.arrakis.discord.RowComponent;
import io.arrakis.discord.StringSelect;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.badges.BadgeCatalogue;
import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Decision;
import io.arrakis.domain.community.CoexistenceMode;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.CommunityConfigValidator;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.community.MigrationState;
import io.arrakis.domain.community.TokenConfig;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierThresholds;
import io.arrakis.state.Leases;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The admin setup wizard behind {@code /onboard} and {@code /resume} (spec §15.5, §15.12). The
 * session is {@code sess:wizard:{communityId}:{userId}}; the one-wizard-per-community lock is the
 * lease {@code lock:wizard:{communityId}} ({@link WizardLock}), both {@link #TTL}, extended on
 * every update.
 */
final class Wizard {
  static final Duration TTL = Duration.ofMinutes(15);
  static final String PREFIX = "wizard";

  /** The session key holding the fencing token of the session's lease. */
  static final String LEASE_TOKEN = "leaseToken";

  static final String NO_SESSION = "No active setup session. Run /onboard to start one.";
  static final String ALREADY_COMPLETE = "That setup session has already completed.";
  static final String NOT_CURRENT = "This setup session is no longer current.";
  static final String CANCELLED = "Setup cancelled. Nothing was changed.";
  static final String CREATE_ROLES = "createRoles";
  static final String CREATE_CHANNELS = "createChannels";
  static final int COLOR = 0xC2A878;
  static final int COLOR_DONE = 0x2ECC71;
  static final int COLOR_FAILED = 0xE74C3C;

  /** Role keys of each role-mapping page ({@code admin} is the admin role). */
  static final List<List<String>> ROLE_PAGES =
      List.of(
          List.of("naib", "fedaykin", "former_naib", "taqwa"),
          List.of("water_sharer", "onboarded", "engaged", "veteran"),
          List.of("trusted", WizardDraft.ADMIN_ROLE, "hajra", "ichwan"),
          List.of("qanat", "sihaya", "mushtamal", "sayyadina"),
          List.of("usul"));

  static final List<String> CHANNELS =
      List.of(WizardDraft.THE_DOOR, WizardDraft.CENSUS, WizardDraft.ANNOUNCEMENTS);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Repositories repos;
  private final Sessions sessions;
  private final WizardLock lock;
  private final SetupCreations creations;
  private final SyncRequests syncRequests;

  Wizard(Repositories repos, Sessions sessions, Leases leases, SyncRequests syncRequests) {
    this.repos = repos;
    this.sessions = sessions;
    this.lock = new WizardLock(leases);
    this.creations = new SetupCreations(sessions);
    this.syncRequests = syncRequests;
  }

  static String sessionType(CommunityId community) {
    return "wizard:" + community.value();
  }

  // ------------------------------------------------------------------ commands

  CommandHandler onboard() {
    return AdminHandlers.command(
        SietchCommands.ONBOARD,
        AnswerMode.DEFER_EPHEMERAL,
        AdminHandlers.Scope.CREATE,
        this::start);
  }

  CommandHandler resume() {
    return AdminHandlers.command(
        SietchCommands.RESUME,
        AnswerMode.DEFER_EPHEMERAL,
        AdminHandlers.Scope.ANY,
        this::resumeSession);
  }

  ComponentHandler controls() {
    return AdminHandlers.controls(Set.of(PREFIX), AdminHandlers.Scope.ANY, this::control);
  }

  private CommunityConfig current(CommunityConfig community) {
    return repos.communities().find(community.id()).orElse(community);
  }

  private Answer start(Invocation invocation) {
    CommunityConfig community = current(invocation.community());
    CommunityId cid = community.id();
    String user = Long.toUnsignedString(invocation.caller().value());
    Instant now = invocation.now();
    Optional<WizardSession> existing = session(cid, user);
    if (existing.isPresent() && !existing.get().state().terminal()) {
      WizardSession s = existing.get();
      Embed embed =
          Embed.builder()
              .title("You already have a setup session")
              .color(COLOR)
              .description(
                  "Started <t:"
                      + s.started().getEpochSecond()
                      + ":R>, at **"
                      + s.state().title()
                      + "**. Continue it or start over.")
              .build();
      return Answer.reply(
          MessagePayload.builder()
              .ephemeral()
              .embed(embed)
              .row(
                  Button.primary(id("resume-existing", s.sid()), "Continue"),
                  Button.secondary(id("restart", s.sid()), "Start over"))
              .build());
    }
    existing.ifPresent(old -> releaseLock(cid, old)); // a failed session still holds it
    WizardSession s = WizardSession.start(newSid(), user, WizardDraft.of(community), now);
    WizardLock.Outcome taken = lock.take(cid, user, s.sid(), TTL, now);
    if (taken instanceof WizardLock.Busy busy) {
      return anotherAdmin(busy.holder());
    }
    s = s.with(LEASE_TOKEN, Long.toString(((WizardLock.Taken) taken).fencingToken()));
    store(cid, s);
    return Answer.reply(view(s, community, invocation.command(), Optional.empty()));
  }

  private Answer resumeSession(Invocation invocation) {
    CommunityConfig community = current(invocation.community());
    String user = Long.toUnsignedString(invocation.caller().value());
    Optional<WizardSession> found = session(community.id(), user);
    Optional<String> wanted = invocation.options().string("session_id").map(String::trim);
    if (found.isEmpty() || (wanted.isPresent() && !wanted.get().equals(found.get().sid()))) {
      return Answer.error(NO_SESSION);
    }
    WizardSession s = found.get();
    if (s.state() == WizardState.COMPLETE) {
      return Answer.error(ALREADY_COMPLETE);
    }
    if (s.state() == WizardState.FAILED) {
      return Answer.error(
          "That session failed: "
              + s.error().orElse("unknown error")
              + ". Run /onboard to start again.");
    }
    Optional<WizardSession> locked =
        extendLock(
            community.id(), s.with("updated", invocation.now().toString()), invocation.now());
    if (locked.isEmpty()) {
      return anotherAdmin(community.id(), invocation.now());
    }
    s = locked.get();
    store(community.id(), s);
    return Answer.reply(view(s, community, invocation.command(), Optional.of("Session resumed")));
  }

  // ------------------------------------------------------------------ controls

  private Answer control(ComponentInvocation invocation) {
    String action = invocation.arg(0);
    String sid = invocation.arg(1);
    String user = Long.toUnsignedString(invocation.caller().value());
    CommunityConfig community = current(invocation.community());
    CommunityId cid = community.id();
    Optional<WizardSession> mine = session(cid, user);
    if (mine.isEmpty() || !mine.get().sid().equals(sid)) {
      Optional<WizardLock.Holder> holder = lock.holder(cid, invocation.now());
      if (holder.isPresent()
          && sid.equals(holder.get().sid())
          && !user.equals(holder.get().user())) {
        return Answer.reply(Replies.notYours());
      }
      return Answer.error(NOT_CURRENT);
    }
    WizardSession s = mine.get();
    Instant now = invocation.now();
    if (s.state() == WizardState.COMPLETE) {
      return Answer.error(ALREADY_COMPLETE);
    }
    switch (action) {
      case "cancel" -> {
        sessions.delete(sessionType(cid), user);
        releaseLock(cid, s);
        return update(invocation, MessagePayload.builder().ephemeral().content(CANCELLED).build());
      }
      case "restart" -> {
        releaseLock(cid, s);
        WizardSession fresh = WizardSession.start(newSid(), user, WizardDraft.of(community), now);
        return save(invocation, cid, fresh, community);
      }
      case "resume-existing" -> {
        return save(invocation, cid, s.with("updated", now.toString()), community);
      }
      default -> {}
    }
    if (s.state() == WizardState.FAILED) {
      return Answer.error("This session failed — start over or cancel.");
    }
    return switch (action) {
      case "start" ->
          s.state() == WizardState.INIT
              ? save(invocation, cid, s.moveTo(WizardState.CHAIN_SELECT, now), community)
              : Answer.error(NOT_CURRENT);
      case "back" ->
          s.state().canGoBack()
              ? save(invocation, cid, s.moveTo(s.state().previous(), now), community)
              : Answer.error("There's no step to go back to.");
      case "next" -> next(invocation, cid, s, community);
      case "chain" -> {
        if (invocation.values().isEmpty()) {
          yield Answer.error("Pick a chain.");
        }
        yield save(
            invocation,
            cid,
            s.withDraft("chain", Optional.of(invocation.values().get(0))),
            community);
      }
      case "asset", "rules", "tiers" ->
          invocation.isModal()
              ? submit(invocation, cid, s, community, action)
              : Answer.of(new InteractionResponse.ShowModal(modal(action, s, invocation.arg(2))));
      case "role" -> pick(invocation, cid, s, community, "role." + invocation.arg(2));
      case "channel" -> pick(invocation, cid, s, community, "ch." + invocation.arg(2));
      case "incumbent" -> pick(invocation, cid, s, community, "incumbent");
      case "roles-page" -> {
        int page = parsePage(invocation.arg(2));
        yield save(invocation, cid, s.with("rolesPage", Integer.toString(page)), community);
      }
      case "create-roles" -> save(invocation, cid, toggle(s, CREATE_ROLES), community);
      case "create-channels" -> save(invocation, cid, toggle(s, CREATE_CHANNELS), community);
      case "deploy" -> deploy(invocation, cid, s, community);
      default -> Answer.reply(Replies.staleControl());
    };
  }

  private static int parsePage(String arg) {
    try {
      return Math.max(1, Math.min(ROLE_PAGES.size(), Integer.parseInt(arg)));
    } catch (NumberFormatException ex) {
      return 1;
    }
  }

  private Answer pick(
      ComponentInvocation invocation,
      CommunityId cid,
      WizardSession s,
      CommunityConfig community,
      String key) {
    Optional<String> value = invocation.values().stream().findFirst();
    return save(invocation, cid, s.withDraft(key, value), community);
  }

  private Answer next(
      ComponentInvocation invocation, CommunityId cid, WizardSession s, CommunityConfig community) {
    WizardState state = s.state();
    if (!state.canGoBack() || state == WizardState.REVIEW) {
      return Answer.error("Use the buttons of this step.");
    }
    Optional<String> problem =
        switch (state) {
          case ASSET_CONFIG ->
              s.draft("token").isEmpty()
                  ? Optional.of("Set the token address first (Edit token).")
                  : Optional.empty();
          case ROLE_MAPPING ->
              !s.draft(CREATE_ROLES).isPresent()
                      && (s.draft("role.naib").isEmpty() || s.draft("role.fedaykin").isEmpty())
                  ? Optional.of("The naib and fedaykin roles are required.")
                  : Optional.empty();
          case CHANNEL_STRUCTURE ->
              !s.draft(CREATE_CHANNELS).isPresent()
                      && (s.draft("ch." + WizardDraft.THE_DOOR).isEmpty()
                          || s.draft("ch." + WizardDraft.CENSUS).isEmpty())
                  ? Optional.of("The the-door and census channels are required.")
                  : Optional.empty();
          default -> Optional.empty();
        };
    if (problem.isPresent()) {
      return Answer.error(problem.get());
    }
    return save(invocation, cid, s.moveTo(state.following(), invocation.now()), community);
  }

  private Answer submit(
      ComponentInvocation invocation,
      CommunityId cid,
      WizardSession s,
      CommunityConfig community,
      String action) {
    Map<String, String> f = invocation.fields();
    try {
      switch (action) {
        case "asset" -> {
          String address = f.getOrDefault("token_address", "").trim();
          Optional<Address> parsed = Address.parse(address);
          if (parsed.isEmpty()) {
            return Answer.error(
                "That isn't a valid token address (0x followed by 40 hex characters).");
          }
          String symbol = f.getOrDefault("token_symbol", "").trim();
          if (symbol.isEmpty() || symbol.length() > 16) {
            return Answer.error("The token symbol must be 1–16 characters.");
          }
          int decimals = Integer.parseInt(f.getOrDefault("token_decimals", "").trim());
          long scan = Long.parseLong(f.getOrDefault("scan_start_block", "0").trim());
          TokenConfig token =
              new TokenConfig(WizardDraft.token(s).chainId(), parsed, symbol, decimals, scan);
          Decision d = CommunityConfigValidator.validateToken(token);
          if (d instanceof Decision.Rejected r) {
            return Answer.error(r.message());
          }
          WizardSession next =
              s.withDraft("token", Optional.of(parsed.get().value()))
                  .withDraft("symbol", Optional.of(symbol))
                  .withDraft("decimals", Optional.of(Integer.toString(decimals)))
                  .withDraft("scan", Optional.of(Long.toString(scan)));
          return save(invocation, cid, next, community);
        }
        case "rules" -> {
          int n = Integer.parseInt(f.getOrDefault("eligible_count", "").trim());
          int seats = Integer.parseInt(f.getOrDefault("naib_seats", "").trim());
          String[] range = f.getOrDefault("waitlist_range", "").trim().split("\\s*-\\s*");
          if (range.length != 2) {
            return Answer.error("The waitlist range looks like 70-100.");
          }
          int min = Integer.parseInt(range[0].trim());
          int max = Integer.parseInt(range[1].trim());
          int grace = Integer.parseInt(f.getOrDefault("grace_hours", "").trim());
          LocalDate launch = LocalDate.parse(f.getOrDefault("launch_date", "").trim());
          EligibilityRules rules =
              new EligibilityRules(
                  n,
                  seats,
                  min,
                  max,
                  Math.min(community.eligibility().atRiskBand(), Math.max(n, 0)),
                  grace);
          Decision d = CommunityConfigValidator.validateRules(rules);
          if (d instanceof Decision.Rejected r) {
            return Answer.error(r.message());
          }
          WizardSession next =
              s.withDraft("n", Optional.of(Integer.toString(n)))
                  .withDraft("seats", Optional.of(Integer.toString(seats)))
                  .withDraft("wlMin", Optional.of(Integer.toString(min)))
                  .withDraft("wlMax", Optional.of(Integer.toString(max)))
                  .withDraft("grace", Optional.of(Integer.toString(grace)))
                  .withDraft("launch", Optional.of(launch.toString()));
          return save(invocation, cid, next, community);
        }
        default -> {
          List<Tier> page = tierPage(invocation.arg(2));
          WizardSession next = s;
          for (Tier t : page) {
            BigDecimal v = new BigDecimal(f.getOrDefault(t.id(), "").trim().replace(",", ""));
            next = next.withDraft("tier." + t.id(), Optional.of(v.toPlainString()));
          }
          TierThresholds thresholds = WizardDraft.tiers(next);
          if (!thresholds.isStrictlyIncreasingAndPositive()) {
            return Answer.error("Tier thresholds must be positive and strictly increasing.");
          }
          return save(invocation, cid, next, community);
        }
      }
    } catch (NumberFormatException | DateTimeParseException ex) {
      return Answer.error(
          "Some values aren't numbers or dates (use whole numbers, and dates like 2025-01-01).");
    }
  }

  private static List<Tier> tierPage(String page) {
    List<Tier> all = Tier.balanceTiers();
    return "2".equals(page) ? all.subList(4, all.size()) : all.subList(0, 4);
  }

  private Answer deploy(
      ComponentInvocation invocation, CommunityId cid, WizardSession s, CommunityConfig community) {
    if (s.state() != WizardState.REVIEW) {
      return Answer.error("Deploy from the review step.");
    }
    Instant now = invocation.now();
    CommunityConfig config;
    try {
      config = WizardDraft.apply(s, community);
    } catch (RuntimeException ex) {
      WizardSession failed =
          s.failed("the draft couldn't be applied (" + ex.getMessage() + ")", now);
      return save(invocation, cid, failed, community);
    }
    List<SetupCreations.Wanted> wanted = wanted(s);
    Decision d =
        CommunityConfigValidator.validateForDeploy(
            WizardDraft.apply(withPlaceholders(s, wanted), community));
    if (d instanceof Decision.Rejected r) {
      return Answer.error(r.message());
    }
    repos.communities().save(config);
    seedBadges(cid, config);
    creations.expect(cid, wanted);
    if (config.coexistenceMode() == CoexistenceMode.SHADOW
        && community.coexistenceMode() != CoexistenceMode.SHADOW) {
      repos.migrations().save(cid, MigrationState.entered(CoexistenceMode.SHADOW, now));
    }
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("admin", s.user());
    payload.put("session", s.sid());
    payload.put("changed", String.join(",", changed(community, config)));
    payload.put("activated", Boolean.toString(!community.active()));
    repos
        .auditLog()
        .append(cid, new AuditEvent(AuditType.COMMUNITY_CONFIGURED, s.user(), payload), now);
    WizardSession done = s.moveTo(WizardState.DEPLOY, now).moveTo(WizardState.COMPLETE, now);
    store(cid, done);
    releaseLock(cid, s);
    syncRequests.requestSync(cid); // the first sync, once this transaction has committed
    return update(invocation, view(done, config, invocation.interaction(), Optional.empty()))
        .withActions(
            SetupCreations.actions(
                invocation.interaction().context().interactionId(),
                community.guildId().value(),
                wanted));
  }

  /**
   * A community without a badge catalogue gets the Sietch preset's (spec §15.12 DEPLOY). Story
   * fragments are not seeded: no port writes {@code story_fragments} yet.
   */
  private void seedBadges(CommunityId cid, CommunityConfig config) {
    if (repos.badges().catalogue(cid).isEmpty()) {
      for (BadgeDefinition d : BadgeCatalogue.sietch(config.eligibility().eligibleCount())) {
        repos.badges().saveDefinition(cid, d);
      }
    }
  }

  private static WizardSession toggle(WizardSession s, String flag) {
    return s.withDraft(flag, s.draft(flag).isPresent() ? Optional.empty() : Optional.of("yes"));
  }

  /** The roles and channels deploy creates: those left unmapped, when their toggle is on. */
  static List<SetupCreations.Wanted> wanted(WizardSession s) {
    List<SetupCreations.Wanted> wanted = new ArrayList<>();
    if (s.draft(CREATE_ROLES).isPresent()) {
      for (RoleKey key : RoleKey.values()) {
        if (s.draft("role." + key.key()).isEmpty()) {
          wanted.add(SetupCreations.role(key));
        }
      }
    }
    if (s.draft(CREATE_CHANNELS).isPresent()) {
      for (String key : CHANNELS) {
        if (s.draft("ch." + key).isEmpty()) {
          wanted.add(SetupCreations.channel(key));
        }
      }
    }
    return wanted;
  }

  /** The draft as it will be once the creations arrived (their ids unknown yet), to validate. */
  private static WizardSession withPlaceholders(
      WizardSession s, List<SetupCreations.Wanted> wanted) {
    WizardSession filled = s;
    for (SetupCreations.Wanted w : wanted) {
      String key = (w.kind() == SetupCreations.Kind.CHANNEL ? "ch." : "role.") + w.key();
      filled = filled.withDraft(key, Optional.of("1"));
    }
    return filled;
  }

  private static List<String> changed(CommunityConfig before, CommunityConfig after) {
    List<String> changed = new ArrayList<>();
    if (!before.token().equals(after.token())) {
      changed.add("token");
    }
    if (!before.eligibility().equals(after.eligibility())) {
      changed.add("eligibility");
    }
    if (!before.tierThresholds().equals(after.tierThresholds())) {
      changed.add("tiers");
    }
    if (!before.roles().equals(after.roles())
        || !before.adminRoleId().equals(after.adminRoleId())) {
      changed.add("roles");
    }
    if (!before.channels().equals(after.channels())) {
      changed.add("channels");
    }
    if (!before.members().launchDate().equals(after.members().launchDate())) {
      changed.add("launch_date");
    }
    if (!before.incumbentBotId().equals(after.incumbentBotId())
        || before.coexistenceMode() != after.coexistenceMode()) {
      changed.add("coexistence");
    }
    if (before.active() != after.active()) {
      changed.add("is_active");
    }
    return changed;
  }

  // ------------------------------------------------------------------ state

  private Optional<WizardSession> session(CommunityId cid, String user) {
    return sessions.get(sessionType(cid), user).map(WizardSession::fromJson);
  }

  private void store(CommunityId cid, WizardSession s) {
    sessions.put(sessionType(cid), s.user(), s.toJson(), TTL);
  }

  /**
   * Extends the session's lease (or takes it, for a session that has none yet or lost it); empty
   * when another session holds the lock.
   */
  private Optional<WizardSession> extendLock(CommunityId cid, WizardSession s, Instant now) {
    Optional<Long> token = Optional.ofNullable(s.values().get(LEASE_TOKEN)).map(Long::parseLong);
    WizardLock.Outcome outcome =
        token.isPresent()
            ? lock.extend(cid, s.user(), s.sid(), token.get(), TTL, now)
            : lock.take(cid, s.user(), s.sid(), TTL, now);
    if (outcome instanceof WizardLock.Taken t) {
      return Optional.of(s.with(LEASE_TOKEN, Long.toString(t.fencingToken())));
    }
    return Optional.empty();
  }

  private void releaseLock(CommunityId cid, WizardSession s) {
    Optional.ofNullable(s.values().get(LEASE_TOKEN))
        .map(Long::parseLong)
        .ifPresent(token -> lock.release(cid, s.user(), s.sid(), token));
  }

  /** Stores the session (extending it and the lock) and shows its step in place. */
  private Answer save(
      ComponentInvocation invocation, CommunityId cid, WizardSession s, CommunityConfig community) {
    Optional<WizardSession> locked =
        extendLock(cid, s.with("updated", invocation.now().toString()), invocation.now());
    if (locked.isEmpty()) {
      return anotherAdmin(cid, invocation.now());
    }
    WizardSession updated = locked.get();
    store(cid, updated);
    return update(invocation, view(updated, community, invocation.interaction(), Optional.empty()));
  }

  /**
   * Edits the wizard message in place; a modal submitted without a source message (none in the
   * payload) gets a new ephemeral message instead.
   */
  private static Answer update(ComponentInvocation invocation, MessagePayload message) {
    if (invocation.interaction() instanceof Interaction.ModalSubmit m && m.messageId().isEmpty()) {
      return Answer.reply(message);
    }
    return Answer.of(new InteractionResponse.UpdateMessage(message));
  }

  private static Answer anotherAdmin(WizardLock.Holder holder) {
    return Answer.error(
        "Another administrator is running setup (expires <t:"
            + holder.expires().getEpochSecond()
            + ":R>).");
  }

  private Answer anotherAdmin(CommunityId cid, Instant now) {
    return lock.holder(cid, now)
        .map(Wizard::anotherAdmin)
        .orElseGet(() -> Answer.error(NOT_CURRENT));
  }

  private static String newSid() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  static String id(String action, String sid) {
    return PREFIX + ":" + action + ":" + sid;
  }

  static String id(String action, String sid, String extra) {
    return PREFIX + ":" + action + ":" + sid + ":" + extra;
  }

  // ------------------------------------------------------------------ views

  private static Modal modal(String action, WizardSession s, String page) {
    String sid = s.sid();
    return switch (action) {
      case "asset" ->
          new Modal(
              id("asset", sid),
              "Token",
              List.of(
                  prefilled(
                      Modal.TextInput.shortText("token_address", "Token contract address")
                          .length(42, 42),
                      s.draft("token")),
                  prefilled(
                      Modal.TextInput.shortText("token_symbol", "Symbol").length(1, 16),
                      s.draft("symbol")),
                  prefilled(
                      Modal.TextInput.shortText("token_decimals", "Decimals (0-36)").length(1, 2),
                      s.draft("decimals")),
                  prefilled(
                      Modal.TextInput.shortText("scan_start_block", "First block to scan")
                          .length(1, 20),
                      s.draft("scan"))));
      case "rules" ->
          new Modal(
              id("rules", sid),
              "Eligibility rules",
              List.of(
                  prefilled(
                      Modal.TextInput.shortText("eligible_count", "Eligible ranks (N)"),
                      s.draft("n")),
                  prefilled(
                      Modal.TextInput.shortText("naib_seats", "Naib seats"), s.draft("seats")),
                  prefilled(
                      Modal.TextInput.shortText("waitlist_range", "Waitlist range, e.g. 70-100"),
                      s.draft("wlMin").map(min -> min + "-" + s.draftOr("wlMax", ""))),
                  prefilled(
                      Modal.TextInput.shortText("grace_hours", "Grace hours"), s.draft("grace")),
                  prefilled(
                      Modal.TextInput.shortText("launch_date", "Launch date (YYYY-MM-DD)"),
                      s.draft("launch"))));
      default -> {
        String p = "2".equals(page) ? "2" : "1";
        List<Modal.TextInput> inputs = new ArrayList<>();
        for (Tier t : tierPage(p)) {
          inputs.add(
              prefilled(
                  Modal.TextInput.shortText(t.id(), t.displayName() + " minimum (token units)"),
                  s.draft("tier." + t.id())));
        }
        yield new Modal(id("tiers", sid, p), "Tier thresholds " + p + "/2", inputs);
      }
    };
  }

  private static Modal.TextInput prefilled(Modal.TextInput input, Optional<String> value) {
    return value.map(input::prefilled).orElse(input);
  }

  MessagePayload view(
      WizardSession s,
      CommunityConfig community,
      Interaction interaction,
      Optional<String> banner) {
    WizardState state = s.state();
    String sid = s.sid();
    StringBuilder description = new StringBuilder();
    banner.ifPresent(b -> description.append("**").append(b).append("**\n"));
    description.append(state.progressBar()).append("\n\n");
    Embed.Builder embed = Embed.builder().title(state.title()).color(COLOR);
    List<ActionRow> rows = new ArrayList<>();
    switch (state) {
      case INIT -> {
        description.append(
            community.active()
                ? "You're editing this server's existing configuration."
                : "This server isn't set up yet: the draft starts from the Sietch preset.");
        description.append(
            "\n\nYou'll set the chain, the token, eligibility rules and tiers, map roles and"
                + " channels, review, and deploy. Nothing changes until you deploy.");
        rows.add(
            ActionRow.of(
                Button.primary(id("start", sid), "Start"),
                Button.secondary(id("cancel", sid), "Cancel")));
      }
      case CHAIN_SELECT -> {
        long chain = WizardDraft.token(s).chainId();
        description.append("Which chain holds the token?");
        List<StringSelect.Option> options = new ArrayList<>();
        options.add(
            new StringSelect.Option(
                "Berachain (80094)",
                Long.toString(TokenConfig.BERACHAIN),
                Optional.empty(),
                chain == TokenConfig.BERACHAIN));
        if (chain != TokenConfig.BERACHAIN) {
          options.add(
              new StringSelect.Option(
                  "Chain " + chain, Long.toString(chain), Optional.empty(), true));
        }
        rows.add(ActionRow.of(StringSelect.of(id("chain", sid), options)));
        embed.field("Chain", Long.toString(chain), true);
        rows.add(nav(s, true));
      }
      case ASSET_CONFIG -> {
        description.append("The token whose holders are ranked.");
        TokenConfig t = WizardDraft.token(s);
        embed
            .field("Address", t.tokenAddress().map(Address::value).orElse("not set"), false)
            .field("Symbol", t.symbol(), true)
            .field("Decimals", Integer.toString(t.decimals()), true)
            .field("Scan start block", Long.toString(t.scanStartBlock()), true);
        rows.add(ActionRow.of(Button.primary(id("asset", sid), "Edit token")));
        rows.add(nav(s, true));
      }
      case ELIGIBILITY_RULES -> {
        description.append("Who is eligible, and the balance tiers.");
        embed
            .field("Eligible ranks", "1–" + s.draftOr("n", "?"), true)
            .field("Naib seats", s.draftOr("seats", "?"), true)
            .field("Waitlist", s.draftOr("wlMin", "?") + "–" + s.draftOr("wlMax", "?"), true)
            .field("Grace hours", s.draftOr("grace", "?"), true)
            .field("Launch date", s.draftOr("launch", "?"), true)
            .field("Tiers", tiersLine(s), false);
        rows.add(
            ActionRow.of(
                Button.primary(id("rules", sid), "Edit rules"),
                Button.secondary(id("tiers", sid, "1"), "Tiers 1/2"),
                Button.secondary(id("tiers", sid, "2"), "Tiers 2/2")));
        rows.add(nav(s, true));
      }
      case ROLE_MAPPING -> {
        int page = Math.max(1, Math.min(ROLE_PAGES.size(), s.rolesPage()));
        description.append(
            "Map each role to an existing Discord role (page "
                + page
                + "/"
                + ROLE_PAGES.size()
                + "). naib and fedaykin are required.");
        for (String key : ROLE_PAGES.get(page - 1)) {
          embed.field(
              roleLabel(key), s.draft("role." + key).map(v -> "<@&" + v + ">").orElse("—"), true);
          rows.add(
              ActionRow.of(
                  new EntitySelect(
                      EntitySelect.Kind.ROLE,
                      id("role", sid, key),
                      Optional.of(roleLabel(key) + " role"),
                      1,
                      1,
                      false)));
        }
        if (page == ROLE_PAGES.size()) {
          embed.field(
              "Incumbent bot",
              s.draft("incumbent").map(v -> "<@" + v + "> (starts in shadow mode)").orElse("none"),
              true);
          rows.add(
              ActionRow.of(
                  new EntitySelect(
                      EntitySelect.Kind.USER,
                      id("incumbent", sid),
                      Optional.of("Incumbent token-gating bot (optional)"),
                      0,
                      1,
                      false)));
          rows.add(
              ActionRow.of(
                  s.draft(CREATE_ROLES).isPresent()
                      ? Button.primary(id("create-roles", sid), "Create missing roles: on")
                      : Button.secondary(id("create-roles", sid), "Create missing roles: off")));
        }
        List<RowComponent> nav = new ArrayList<>();
        nav.add(Button.secondary(id("back", sid), "Back"));
        Button prev =
            Button.secondary(id("roles-page", sid, Integer.toString(page - 1)), "◀ Roles");
        Button nextPage =
            Button.secondary(id("roles-page", sid, Integer.toString(page + 1)), "Roles ▶");
        nav.add(
            page > 1 ? prev : Button.secondary(id("roles-page", sid, "0"), "◀ Roles").asDisabled());
        nav.add(
            page < ROLE_PAGES.size()
                ? nextPage
                : Button.secondary(id("roles-page", sid, "6"), "Roles ▶").asDisabled());
        nav.add(Button.primary(id("next", sid), "Next"));
        nav.add(Button.danger(id("cancel", sid), "Cancel"));
        rows.add(new ActionRow(nav));
      }
      case CHANNEL_STRUCTURE -> {
        description.append("Where Sietch posts. the-door and census are required.");
        for (String key : CHANNELS) {
          embed.field(
              channelLabel(key), s.draft("ch." + key).map(v -> "<#" + v + ">").orElse("—"), true);
          rows.add(
              ActionRow.of(
                  new EntitySelect(
                      EntitySelect.Kind.CHANNEL,
                      id("channel", sid, key),
                      Optional.of(channelLabel(key) + " channel"),
                      1,
                      1,
                      false)));
        }
        rows.add(
            nav(
                s,
                true,
                s.draft(CREATE_CHANNELS).isPresent()
                    ? Button.primary(id("create-channels", sid), "Create missing channels: on")
                    : Button.secondary(
                        id("create-channels", sid), "Create missing channels: off")));
      }
      case REVIEW -> {
        description.append("Check everything, then deploy.");
        summary(embed, s);
        List<String> problems = problems(s, community, interaction);
        embed.field(
            "Checks",
            problems.isEmpty() ? "No problems found." : "• " + String.join("\n• ", problems),
            false);
        rows.add(
            ActionRow.of(
                Button.of(Button.Style.SUCCESS, id("deploy", sid), "Deploy"),
                Button.secondary(id("back", sid), "Back"),
                Button.danger(id("cancel", sid), "Cancel")));
      }
      case DEPLOY, COMPLETE -> {
        embed.color(COLOR_DONE);
        description.append(
            "Sietch is configured and active in this server. The first sync starts with the next"
                + " scheduled run.");
        summary(embed, s);
        List<SetupCreations.Wanted> created = wanted(s);
        if (!created.isEmpty()) {
          embed.field(
              "Being created",
              String.join(", ", created.stream().map(SetupCreations.Wanted::name).toList())
                  + " — mapped automatically as Discord reports them.",
              false);
        }
      }
      case FAILED -> {
        embed.color(COLOR_FAILED);
        description.append(s.error().orElse("Something went wrong."));
        rows.add(
            ActionRow.of(
                Button.primary(id("restart", sid), "Start over"),
                Button.danger(id("cancel", sid), "Cancel")));
      }
      default -> {}
    }
    if (banner.isPresent()) {
      embed.field(
          "Session",
          "`"
              + sid
              + "` · started <t:"
              + s.started().getEpochSecond()
              + ":R> · "
              + Math.max(0, s.visited().size() - 1)
              + " steps completed",
          false);
    }
    embed.description(description.toString());
    MessagePayload.Builder b = MessagePayload.builder().ephemeral().embed(embed.build());
    rows.forEach(b::row);
    return b.build();
  }

  private static ActionRow nav(WizardSession s, boolean next, RowComponent... extra) {
    List<RowComponent> c = new ArrayList<>(List.of(extra));
    c.add(Button.secondary(id("back", s.sid()), "Back"));
    if (next) {
      c.add(Button.primary(id("next", s.sid()), "Next"));
    }
    c.add(Button.danger(id("cancel", s.sid()), "Cancel"));
    return new ActionRow(c);
  }

  private static String tiersLine(WizardSession s) {
    StringBuilder b = new StringBuilder();
    for (Tier t : Tier.balanceTiers()) {
      if (b.length() > 0) {
        b.append(" · ");
      }
      b.append(t.displayName()).append(' ').append(s.draftOr("tier." + t.id(), "?"));
    }
    return b.toString();
  }

  private static void summary(Embed.Builder embed, WizardSession s) {
    TokenConfig t = WizardDraft.token(s);
    embed
        .field(
            "Token",
            t.symbol()
                + " · "
                + t.tokenAddress().map(Address::value).orElse("not set")
                + " · chain "
                + t.chainId(),
            false)
        .field(
            "Eligibility",
            "Top "
                + s.draftOr("n", "?")
                + " · "
                + s.draftOr("seats", "?")
                + " seats · waitlist "
                + s.draftOr("wlMin", "?")
                + "–"
                + s.draftOr("wlMax", "?")
                + " · grace "
                + s.draftOr("grace", "?")
                + " h · launch "
                + s.draftOr("launch", "?"),
            false)
        .field("Tiers", tiersLine(s), false);
    StringBuilder roles = new StringBuilder();
    for (List<String> page : ROLE_PAGES) {
      for (String key : page) {
        Optional<String> v = s.draft("role." + key);
        if (v.isPresent()) {
          roles
              .append(roles.length() > 0 ? ", " : "")
              .append(key)
              .append(" <@&")
              .append(v.get())
              .append('>');
        }
      }
    }
    embed.field("Roles", roles.length() == 0 ? "none mapped" : roles.toString(), false);
    StringBuilder channels = new StringBuilder();
    for (String key : CHANNELS) {
      s.draft("ch." + key)
          .ifPresent(
              v ->
                  channels
                      .append(channels.length() > 0 ? ", " : "")
                      .append(channelLabel(key))
                      .append(" <#")
                      .append(v)
                      .append('>'));
    }
    embed.field("Channels", channels.length() == 0 ? "none" : channels.toString(), false);
    embed.field(
        "Coexistence",
        s.draft("incumbent").map(v -> "incumbent <@" + v + ">: shadow mode").orElse("exclusive"),
        false);
  }

  /** What deploy would refuse, and what the bot can see of its own permissions. */
  private static List<String> problems(
      WizardSession s, CommunityConfig community, Interaction interaction) {
    List<String> problems = new ArrayList<>();
    try {
      Decision d =
          CommunityConfigValidator.validateForDeploy(
              WizardDraft.apply(withPlaceholders(s, wanted(s)), community));
      if (d instanceof Decision.Rejected r) {
        problems.add(r.message());
      }
    } catch (RuntimeException ex) {
      problems.add("The draft is incomplete: " + ex.getMessage());
    }
    long manageRoles = 1L << 28;
    long sendMessages = 1L << 11;
    long embedLinks = 1L << 14;
    interaction
        .context()
        .appPermissions()
        .ifPresent(
            p -> {
              if ((p & 8L) == 0) {
                if ((p & manageRoles) == 0) {
                  problems.add("Sietch lacks the Manage Roles permission.");
                }
                if ((p & sendMessages) == 0 || (p & embedLinks) == 0) {
                  problems.add("Sietch lacks Send Messages or Embed Links here.");
                }
              }
            });
    return problems;
  }

  private static String roleLabel(String key) {
    return key.equals(WizardDraft.ADMIN_ROLE)
        ? "Admin"
        : RoleKey.fromKey(key).map(k -> cap(k.key())).orElse(key);
  }

  private static String channelLabel(String key) {
    return switch (key) {
      case WizardDraft.THE_DOOR -> "the-door";
      case WizardDraft.CENSUS -> "Census";
      default -> "Announcements";
    };
  }

  private static String cap(String s) {
    String t = s.replace('_', ' ');
    return t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
  }
}
