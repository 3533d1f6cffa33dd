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
import io.arrakis.discord.Modal;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.community.CoexistenceMode;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.MigrationState;
import io.arrakis.domain.community.RoleBinding;
import io.arrakis.domain.community.RoleMapping;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.roles.RoleKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /admin-takeover} (spec §15.19): three confirmations, each a button opening a modal, then
 * the one-way switch from {@code primary} to {@code exclusive}. The completed steps live in {@code
 * sess:takeover:{communityId}:{userId}} for {@link #TTL}.
 */
final class Takeover {
  static final Duration TTL = Duration.ofMinutes(5);
  static final String STEP = "takeover_step";
  static final String MODAL = "takeover_modal";
  static final String NOT_AVAILABLE_TITLE = "Takeover Not Available";
  static final String START_TITLE = "Admin Takeover";
  static final String COMPLETE_TITLE = "Takeover Complete";
  static final String EXPIRED = "This takeover has expired — run /admin-takeover again.";
  static final String ACKNOWLEDGEMENT = "I understand";
  static final String ROLLBACK = "confirmed";
  static final int COLOR_DANGER = 0xE74C3C;
  static final int COLOR_DONE = 0x2ECC71;

  private final Repositories repos;
  private final Sessions sessions;

  Takeover(Repositories repos, Sessions sessions) {
    this.repos = repos;
    this.sessions = sessions;
  }

  static String sessionType(CommunityId community) {
    return "takeover:" + community.value();
  }

  CommandHandler command() {
    return AdminHandlers.command(
        SietchCommands.ADMIN_TAKEOVER,
        AnswerMode.IMMEDIATE,
        AdminHandlers.Scope.ACTIVE,
        this::start);
  }

  ComponentHandler controls() {
    return AdminHandlers.controls(Set.of(STEP, MODAL), AdminHandlers.Scope.ACTIVE, this::control);
  }

  /** The current configuration, read afresh: the dispatcher's copy may be held for a while. */
  private CommunityConfig current(CommunityConfig community) {
    return repos.communities().find(community.id()).orElse(community);
  }

  private Answer start(Invocation invocation) {
    CommunityConfig community = current(invocation.community());
    if (community.coexistenceMode() != CoexistenceMode.PRIMARY) {
      return notAvailable(community);
    }
    String user = Long.toUnsignedString(invocation.caller().value());
    sessions.put(sessionType(community.id()), user, state(0, invocation.now()), TTL);
    Embed embed =
        Embed.builder()
            .title(START_TITLE)
            .color(COLOR_DANGER)
            .description(
                "This makes Sietch the only bot managing the base roles. It is **one-way**: the"
                    + " mode becomes `exclusive`, the role mapping points at Sietch's own roles and"
                    + " the incumbent bot stops being a fallback.\n\nConfirm three times to go on"
                    + " (within 5 minutes).")
            .field("Current mode", mode(community.coexistenceMode()), true)
            .field("Steps", "1. server name · 2. acknowledge risks · 3. rollback plan", false)
            .build();
    return Answer.reply(
        MessagePayload.builder()
            .ephemeral()
            .embed(embed)
            .row(Button.danger(stepId(1, user), "Step 1: confirm the server"))
            .build());
  }

  private Answer control(ComponentInvocation invocation) {
    int step;
    try {
      step = Integer.parseInt(invocation.arg(0));
    } catch (NumberFormatException ex) {
      return Answer.reply(Replies.staleControl());
    }
    String owner = invocation.arg(1);
    String user = Long.toUnsignedString(invocation.caller().value());
    if (step < 1 || step > 3) {
      return Answer.reply(Replies.staleControl());
    }
    if (!owner.equals(user)) {
      return Answer.reply(Replies.notYours());
    }
    CommunityId cid = invocation.communityId();
    Optional<Map<String, String>> state = sessions.get(sessionType(cid), user).map(FlatJson::read);
    if (state.isEmpty()) {
      return Answer.error(EXPIRED);
    }
    int completed = Integer.parseInt(state.get().getOrDefault("completed", "0"));
    if (completed != step - 1) {
      return Answer.error(
          completed >= step
              ? "Step " + step + " is already done — continue with step " + (completed + 1) + "."
              : "Complete step " + (completed + 1) + " first.");
    }
    if (!invocation.isModal()) {
      if (invocation.customId().prefix().equals(MODAL)) {
        return Answer.reply(Replies.staleControl());
      }
      return Answer.of(new InteractionResponse.ShowModal(modal(step, user)));
    }
    if (!invocation.customId().prefix().equals(MODAL)) {
      return Answer.reply(Replies.staleControl());
    }
    CommunityConfig community = current(invocation.community());
    Optional<String> problem = check(step, invocation.fields(), community);
    if (problem.isPresent()) {
      return Answer.reply(
          MessagePayload.builder()
              .ephemeral()
              .content(problem.get())
              .row(Button.danger(stepId(step, user), "Step " + step + ": try again"))
              .build());
    }
    if (step < 3) {
      sessions.put(sessionType(cid), user, state(step, invocation.now()), TTL);
      return Answer.reply(
          MessagePayload.builder()
              .ephemeral()
              .content("Step " + step + " of 3 confirmed.")
              .row(
                  Button.danger(
                      stepId(step + 1, user), "Step " + (step + 1) + ": " + label(step + 1)))
              .build());
    }
    return execute(invocation, community, user);
  }

  private Answer execute(ComponentInvocation invocation, CommunityConfig community, String user) {
    if (community.coexistenceMode() != CoexistenceMode.PRIMARY) {
      sessions.delete(sessionType(community.id()), user);
      return notAvailable(community);
    }
    Instant now = invocation.now();
    Map<RoleKey, RoleBinding> bindings = new EnumMap<>(RoleKey.class);
    List<String> moved = new ArrayList<>();
    community
        .roles()
        .bindings()
        .forEach(
            (key, binding) -> {
              if (binding.parallelRoleId().isPresent()) {
                bindings.put(key, RoleBinding.of(binding.parallelRoleId().get()));
                moved.add(key.key());
              } else {
                bindings.put(key, binding);
              }
            });
    CommunityConfig updated =
        community
            .withRoles(new RoleMapping(bindings))
            .withCoexistence(CoexistenceMode.EXCLUSIVE, community.incumbentBotId());
    repos.communities().save(updated);
    MigrationState state =
        repos
            .migrations()
            .state(community.id())
            .orElse(MigrationState.entered(CoexistenceMode.PRIMARY, now));
    repos.migrations().save(community.id(), state.movedTo(CoexistenceMode.EXCLUSIVE, now));
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("admin", user);
    payload.put("from_mode", "primary");
    payload.put("to_mode", "exclusive");
    payload.put("roles_renamed", String.join(",", moved));
    repos
        .auditLog()
        .append(community.id(), new AuditEvent(AuditType.TAKEOVER_COMPLETED, user, payload), now);
    sessions.delete(sessionType(community.id()), user);
    Embed embed =
        Embed.builder()
            .title(COMPLETE_TITLE)
            .color(COLOR_DONE)
            .field("Previous mode", mode(CoexistenceMode.PRIMARY), true)
            .field("New mode", mode(CoexistenceMode.EXCLUSIVE), true)
            .field("Completed", "<t:" + now.getEpochSecond() + ":R>", true)
            .field(
                "Roles renamed",
                moved.isEmpty()
                    ? "None — no namespaced roles were mapped."
                    : moved.size()
                        + " ("
                        + String.join(", ", moved)
                        + "): the mapping now points at Sietch's own roles, renamed without the `"
                        + community.parallelRolePrefix()
                        + "` prefix.",
                false)
            .footer("This change is one-way.")
            .build();
    return Answer.reply(MessagePayload.builder().ephemeral().embed(embed).build())
        .withActions(renames(invocation, community, moved));
  }

  /** Each namespaced role the mapping now points at gets its base name (spec §15.19). */
  private static List<DiscordAction> renames(
      ComponentInvocation invocation, CommunityConfig community, List<String> moved) {
    List<DiscordAction> actions = new ArrayList<>();
    String base = Long.toUnsignedString(invocation.interaction().context().interactionId());
    for (String key : moved) {
      RoleKey roleKey = RoleKey.fromKey(key).orElseThrow();
      long roleId =
          community.roles().bindings().get(roleKey).parallelRoleId().orElseThrow().value();
      actions.add(
          new DiscordAction.EditRole(
              base + ":role.edit:" + Long.toUnsignedString(roleId),
              community.guildId().value(),
              roleId,
              SetupCreations.roleName(roleKey),
              0,
              "Sietch takeover"));
    }
    return actions;
  }

  private static Optional<String> check(
      int step, Map<String, String> fields, CommunityConfig community) {
    return switch (step) {
      case 1 -> {
        String name = fields.getOrDefault("community_name", "").trim();
        yield name.equalsIgnoreCase(community.name().trim())
            ? Optional.empty()
            : Optional.of("That isn't this server's name. Type it exactly as shown.");
      }
      case 2 ->
          fields.getOrDefault("acknowledge_risks", "").trim().equals(ACKNOWLEDGEMENT)
              ? Optional.empty()
              : Optional.of("Type `" + ACKNOWLEDGEMENT + "` to acknowledge the risks.");
      default ->
          fields.getOrDefault("rollback_plan", "").trim().equals(ROLLBACK)
              ? Optional.empty()
              : Optional.of("Type `" + ROLLBACK + "` once you have a rollback plan.");
    };
  }

  private static Modal modal(int step, String user) {
    String id = MODAL + ":" + step + ":" + user;
    return switch (step) {
      case 1 ->
          Modal.of(
              id,
              "Takeover 1/3: confirm the server",
              Modal.TextInput.shortText("community_name", "Type this server's name")
                  .length(1, 100));
      case 2 ->
          Modal.of(
              id,
              "Takeover 2/3: acknowledge the risks",
              Modal.TextInput.shortText("acknowledge_risks", "Type: I understand")
                  .withPlaceholder(ACKNOWLEDGEMENT)
                  .length(1, 50));
      default ->
          Modal.of(
              id,
              "Takeover 3/3: rollback plan",
              Modal.TextInput.shortText("rollback_plan", "Rollback plan ready? Type: confirmed")
                  .withPlaceholder(ROLLBACK)
                  .length(1, 50));
    };
  }

  private static String label(int step) {
    return switch (step) {
      case 1 -> "confirm the server";
      case 2 -> "acknowledge the risks";
      default -> "confirm the rollback plan";
    };
  }

  static String stepId(int step, String user) {
    return STEP + ":" + step + ":" + user;
  }

  private static String state(int completed, Instant now) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("completed", Integer.toString(completed));
    m.put("updated", now.toString());
    return FlatJson.write(m);
  }

  private static Answer notAvailable(CommunityConfig community) {
    Embed embed =
        Embed.builder()
            .title(NOT_AVAILABLE_TITLE)
            .color(COLOR_DANGER)
            .description("A takeover is only possible from `primary` mode (see /admin-migrate).")
            .field("Current mode", mode(community.coexistenceMode()), true)
            .build();
    return Answer.reply(MessagePayload.builder().ephemeral().embed(embed).build());
  }

  static String mode(CoexistenceMode mode) {
    return "`" + mode.name().toLowerCase(Locale.ROOT) + "`";
  }
}
