package io.arrakis.bot.setup;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.ComponentHandler;
import io.arrakis.bot.ComponentInvocation;
import io.arrakis.bot.Invocation;
import io.arrakis.bot.Replies;
import io.arrakis.discord.Button;
import io.arrakis.discord.Embed;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.community.CoexistenceMode;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.MigrationState;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /admin-migrate check | plan | execute} (spec §15.18) and its confirmation buttons {@code
 * migrate_confirm:{userId}} / {@code migrate_cancel:{userId}}. The pending plan lives in {@code
 * sess:migrate:{communityId}:{userId}} for {@link #CONFIRM_TTL}; the mode is written to the
 * community's configuration (what the sync reads) and to {@code migration_states}; readiness reads
 * that state and the shadow comparisons the sync records.
 */
final class Migration {
  static final Duration CONFIRM_TTL = Duration.ofSeconds(60);
  static final int SHADOW_DAYS = 14;
  static final double ACCURACY = 0.95;
  static final String CONFIRM = "migrate_confirm";
  static final String CANCEL = "migrate_cancel";
  static final String READINESS_TITLE = "Migration Readiness";
  static final String PLAN_TITLE = "Migration Plan";
  static final String NOT_READY_TITLE = "Not ready";
  static final String CONFIRM_TITLE = "Confirm Migration";
  static final String EXECUTED_TITLE = "Migration Executed";
  static final String CANCELLED = "Migration cancelled.";
  static final String EXPIRED = "Confirmation expired — run /admin-migrate execute again.";
  static final String DRY_RUN = "Dry run — nothing changed.";
  static final int COLOR_READY = 0x2ECC71;
  static final int COLOR_NOT_READY = 0xE74C3C;
  static final int COLOR_INFO = 0x3498DB;

  private final Repositories repos;
  private final Sessions sessions;
  private final SetupCreations creations;

  Migration(Repositories repos, Sessions sessions) {
    this.repos = repos;
    this.sessions = sessions;
    this.creations = new SetupCreations(sessions);
  }

  static String sessionType(CommunityId community) {
    return "migrate:" + community.value();
  }

  /** The readiness figures and the reasons it is not ready (empty: ready). */
  record Readiness(
      CoexistenceMode mode,
      boolean incumbent,
      Optional<Long> shadowDays,
      Optional<Double> accuracy,
      List<String> blocking) {
    boolean ready() {
      return blocking.isEmpty();
    }
  }

  /** A migration as planned: from the current mode with a strategy. */
  record Plan(String strategy, int batchSize, int durationDays) {
    CoexistenceMode target() {
      return strategy.equals("arrakis_primary")
          ? CoexistenceMode.PRIMARY
          : CoexistenceMode.PARALLEL;
    }

    boolean gradual() {
      return strategy.equals("gradual");
    }

    String toJson() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("strategy", strategy);
      m.put("batchSize", Integer.toString(batchSize));
      m.put("durationDays", Integer.toString(durationDays));
      return FlatJson.write(m);
    }

    static Plan fromJson(String json) {
      Map<String, String> m = FlatJson.read(json);
      return new Plan(
          m.get("strategy"),
          Integer.parseInt(m.get("batchSize")),
          Integer.parseInt(m.get("durationDays")));
    }
  }

  CommandHandler command() {
    return AdminHandlers.command(
        SietchCommands.ADMIN_MIGRATE,
        AnswerMode.DEFER_EPHEMERAL,
        AdminHandlers.Scope.ACTIVE,
        this::answer);
  }

  private Answer answer(Invocation invocation) {
    CommunityConfig community =
        repos.communities().find(invocation.communityId()).orElse(invocation.community());
    return switch (invocation.subcommand()) {
      case "check" -> check(community, invocation.now());
      case "plan", "execute" -> {
        Optional<String> strategy = invocation.options().string("strategy");
        if (strategy.isEmpty() || !SietchCommands.MIGRATION_STRATEGIES.contains(strategy.get())) {
          yield Answer.error(
              "Choose a strategy: " + String.join(", ", SietchCommands.MIGRATION_STRATEGIES));
        }
        long batch = invocation.options().integer("batch_size").orElse(100);
        long days = invocation.options().integer("duration_days").orElse(7);
        if (batch < 10 || batch > 1000) {
          yield Answer.error("The batch size must be between 10 and 1000.");
        }
        if (days < 1 || days > 30) {
          yield Answer.error("The duration must be between 1 and 30 days.");
        }
        Plan plan = new Plan(strategy.get(), (int) batch, (int) days);
        yield invocation.subcommand().equals("plan")
            ? plan(community, plan, invocation.now())
            : execute(community, plan, invocation);
      }
      default -> Answer.reply(Replies.unknownCommand());
    };
  }

  ComponentHandler controls() {
    return AdminHandlers.controls(
        Set.of(CONFIRM, CANCEL), AdminHandlers.Scope.ACTIVE, this::control);
  }

  Readiness readiness(CommunityConfig community, Instant now) {
    List<String> blocking = new ArrayList<>();
    CoexistenceMode mode = community.coexistenceMode();
    if (mode != CoexistenceMode.SHADOW && mode != CoexistenceMode.PARALLEL) {
      blocking.add(
          "The mode is " + Takeover.mode(mode) + ": migration starts from shadow or parallel.");
    }
    boolean incumbent = community.incumbentBotId().isPresent();
    if (!incumbent) {
      blocking.add("No incumbent bot is configured (name it in /onboard).");
    }
    Optional<Instant> shadowStart =
        repos.migrations().state(community.id()).flatMap(MigrationState::shadowStartedAt);
    Optional<Long> days = shadowStart.map(start -> Duration.between(start, now).toDays());
    if (days.isEmpty()) {
      blocking.add("Shadow mode has no recorded start.");
    } else if (days.get() < SHADOW_DAYS) {
      blocking.add("Shadow mode has run " + days.get() + " of " + SHADOW_DAYS + " days.");
    }
    Optional<Double> accuracy =
        shadowStart.flatMap(
            start -> repos.migrations().comparisonsSince(community.id(), start).accuracy());
    if (accuracy.isEmpty()) {
      blocking.add("No shadow comparisons recorded yet.");
    } else if (accuracy.get() < ACCURACY) {
      blocking.add("Shadow accuracy " + percent(accuracy.get()) + " is below 95%.");
    }
    return new Readiness(mode, incumbent, days, accuracy, List.copyOf(blocking));
  }

  private Answer check(CommunityConfig community, Instant now) {
    Readiness r = readiness(community, now);
    Embed embed =
        Embed.builder()
            .title(READINESS_TITLE)
            .color(r.ready() ? COLOR_READY : COLOR_NOT_READY)
            .field(
                "Shadow days",
                r.shadowDays().map(d -> d + " / " + SHADOW_DAYS).orElse("— / " + SHADOW_DAYS),
                true)
            .field("Accuracy", r.accuracy().map(Migration::percent).orElse("—") + " / 95%", true)
            .field("Incumbent configured", r.incumbent() ? "Yes" : "No", true)
            .field("Current mode", Takeover.mode(r.mode()), true)
            .field("Status", r.ready() ? "Ready" : bullets(r.blocking()), false)
            .build();
    return Answer.reply(MessagePayload.builder().ephemeral().embed(embed).build());
  }

  private Answer plan(CommunityConfig community, Plan plan, Instant now) {
    Embed.Builder embed =
        Embed.builder()
            .title(PLAN_TITLE)
            .color(COLOR_INFO)
            .field("Strategy", "`" + plan.strategy() + "`", true)
            .field("Source mode", Takeover.mode(community.coexistenceMode()), true)
            .field("Target mode", Takeover.mode(plan.target()), true);
    gradualFields(embed, community, plan, now);
    embed.footer(DRY_RUN);
    return Answer.reply(MessagePayload.builder().ephemeral().embed(embed.build()).build());
  }

  private void gradualFields(
      Embed.Builder embed, CommunityConfig community, Plan plan, Instant now) {
    if (!plan.gradual()) {
      return;
    }
    long members = members(community.id());
    long batches = batches(members, plan.batchSize());
    embed
        .field("Total members", Long.toString(members), true)
        .field("Batch size", Integer.toString(plan.batchSize()), true)
        .field("Duration", plan.durationDays() + " days", true)
        .field("Batches", Long.toString(batches), true)
        .field(
            "Estimated completion",
            "<t:" + now.plus(Duration.ofDays(plan.durationDays())).getEpochSecond() + ":D>",
            true)
        .field("Then", "The mode becomes " + Takeover.mode(CoexistenceMode.PRIMARY), true);
  }

  private long members(CommunityId community) {
    return repos.profiles().all(community).stream().filter(Profile::active).count();
  }

  private static long batches(long members, int batchSize) {
    return Math.max(1, (members + batchSize - 1) / batchSize);
  }

  private Answer execute(CommunityConfig community, Plan plan, Invocation invocation) {
    Readiness r = readiness(community, invocation.now());
    if (!r.ready()) {
      return notReady(r);
    }
    String user = Long.toUnsignedString(invocation.caller().value());
    sessions.put(sessionType(community.id()), user, plan.toJson(), CONFIRM_TTL);
    Embed.Builder embed =
        Embed.builder()
            .title(CONFIRM_TITLE)
            .color(COLOR_NOT_READY)
            .description("Confirm within 60 seconds.")
            .field("Strategy", "`" + plan.strategy() + "`", true)
            .field("Source mode", Takeover.mode(community.coexistenceMode()), true)
            .field("Target mode", Takeover.mode(plan.target()), true);
    gradualFields(embed, community, plan, invocation.now());
    return Answer.reply(
        MessagePayload.builder()
            .ephemeral()
            .embed(embed.build())
            .row(
                Button.danger(CONFIRM + ":" + user, "Confirm migration"),
                Button.secondary(CANCEL + ":" + user, "Cancel"))
            .build());
  }

  private static Answer notReady(Readiness r) {
    Embed embed =
        Embed.builder()
            .title(NOT_READY_TITLE)
            .color(COLOR_NOT_READY)
            .field("Reasons", bullets(r.blocking()), false)
            .footer("Run /admin-migrate check for the figures.")
            .build();
    return Answer.reply(MessagePayload.builder().ephemeral().embed(embed).build());
  }

  private Answer control(ComponentInvocation invocation) {
    String user = Long.toUnsignedString(invocation.caller().value());
    if (!invocation.arg(0).equals(user)) {
      return Answer.reply(Replies.notYours());
    }
    CommunityId cid = invocation.communityId();
    if (invocation.customId().prefix().equals(CANCEL)) {
      sessions.delete(sessionType(cid), user);
      return update(MessagePayload.builder().ephemeral().content(CANCELLED).build());
    }
    Optional<Plan> pending = sessions.get(sessionType(cid), user).map(Plan::fromJson);
    if (pending.isEmpty()) {
      return Answer.error(EXPIRED);
    }
    sessions.delete(sessionType(cid), user);
    CommunityConfig community = repos.communities().find(cid).orElse(invocation.community());
    Instant now = invocation.now();
    Readiness r = readiness(community, now);
    if (!r.ready()) {
      return new Answer(
          new InteractionResponse.UpdateMessage(
              ((InteractionResponse.Reply) notReady(r).response()).message()),
          List.of());
    }
    Plan plan = pending.get();
    CoexistenceMode from = community.coexistenceMode();
    CoexistenceMode to = plan.target();
    repos.communities().save(community.withCoexistence(to, community.incumbentBotId()));
    long members = members(cid);
    int batches = plan.gradual() ? (int) batches(members, plan.batchSize()) : 0;
    MigrationState previous =
        repos.migrations().state(cid).orElse(MigrationState.entered(from, now));
    repos
        .migrations()
        .save(
            cid,
            new MigrationState(
                to,
                Optional.of(plan.strategy()),
                now,
                previous.shadowStartedAt(),
                plan.gradual() ? plan.batchSize() : 0,
                plan.gradual() ? plan.durationDays() : 0,
                batches,
                0,
                plan.gradual() ? Optional.of(now) : Optional.empty()));
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("admin", user);
    payload.put("strategy", plan.strategy());
    payload.put("from_mode", from.name().toLowerCase(Locale.ROOT));
    payload.put("to_mode", to.name().toLowerCase(Locale.ROOT));
    if (plan.gradual()) {
      payload.put("batch_size", Integer.toString(plan.batchSize()));
      payload.put("batches_total", Integer.toString(batches));
    }
    repos.auditLog().append(cid, new AuditEvent(AuditType.MIGRATION_EXECUTED, user, payload), now);
    Embed.Builder embed =
        Embed.builder()
            .title(EXECUTED_TITLE)
            .color(COLOR_READY)
            .field("Strategy", "`" + plan.strategy() + "`", true)
            .field("Previous mode", Takeover.mode(from), true)
            .field("New mode", Takeover.mode(to), true)
            .field("Time", "<t:" + now.getEpochSecond() + ":f>", true);
    if (plan.gradual()) {
      embed
          .field(
              "First batch",
              "1 of "
                  + batches
                  + " ("
                  + Math.min(members, plan.batchSize())
                  + " members) at the next sync",
              true)
          .field("Remaining batches", Integer.toString(batches - 1), true);
    }
    List<SetupCreations.Wanted> missing = missingNamespacedRoles(community, to);
    if (!missing.isEmpty()) {
      creations.expect(cid, missing);
      embed.field(
          "Namespaced roles being created",
          String.join(", ", missing.stream().map(w -> "`" + w.name() + "`").toList())
              + " — mapped automatically as Discord reports them; the bot writes namespaced"
              + " roles once mapped.",
          false);
    }
    return update(MessagePayload.builder().ephemeral().embed(embed.build()).build())
        .withActions(
            SetupCreations.actions(
                invocation.interaction().context().interactionId(),
                community.guildId().value(),
                missing));
  }

  /** Seat and chain roles with a base role but no namespaced copy yet. */
  private static List<SetupCreations.Wanted> missingNamespacedRoles(
      CommunityConfig c, CoexistenceMode to) {
    List<SetupCreations.Wanted> missing = new ArrayList<>();
    if (!to.usesNamespacedRoles()) {
      return missing;
    }
    c.roles()
        .bindings()
        .forEach(
            (key, binding) -> {
              if (key.namespacedInParallel()
                  && binding.discordRoleId().isPresent()
                  && binding.parallelRoleId().isEmpty()) {
                missing.add(SetupCreations.parallelRole(key, c.parallelRolePrefix()));
              }
            });
    return missing;
  }

  private static Answer update(MessagePayload message) {
    return Answer.of(new InteractionResponse.UpdateMessage(message));
  }

  static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
  }

  private static String bullets(List<String> lines) {
    StringBuilder b = new StringBuilder();
    for (String l : lines) {
      if (b.length() > 0) {
        b.append('\n');
      }
      b.append("• ").append(l);
    }
    return b.toString();
  }
}
