package io.arrakis.discord.command;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One slash (CHAT_INPUT) command as registered with Discord. Validated against Discord's rules when
 * built: name {@code ^[-_\p{L}\p{N}]{1,32}$} in lower case, description 1–100 characters, at most
 * 25 options with required ones first, at most 25 choices per option, at most 4,000 characters in
 * names, descriptions and choices together.
 *
 * @param defaultMemberPermissions Discord's {@code default_member_permissions}: the permission bits
 *     a member needs to see and use the command by default; empty = everyone (the server can still
 *     override it). Spec §1.1: admin commands carry {@link #MANAGE_GUILD}.
 * @param contexts where a global command may be used; the Sietch commands are guild-only ({@code
 *     [GUILD]}, which is also {@code dm_permission: false})
 * @param nsfw age-restricted command
 */
public record CommandDefinition(
    String name,
    String description,
    List<CommandOption> options,
    Optional<Long> defaultMemberPermissions,
    Set<InteractionContextType> contexts,
    boolean nsfw) {

  /** The ADMINISTRATOR permission bit. */
  public static final long ADMINISTRATOR = 1L << 3;

  /** The MANAGE_GUILD ("Manage Server") permission bit. */
  public static final long MANAGE_GUILD = 1L << 5;

  public CommandDefinition {
    CommandRules.name("command", name);
    CommandRules.description("command '" + name + "'", description);
    options = List.copyOf(options);
    CommandRules.options("command '" + name + "'", options);
    Objects.requireNonNull(defaultMemberPermissions, "defaultMemberPermissions");
    defaultMemberPermissions.ifPresent(
        p -> {
          if (p < 0) {
            throw new IllegalArgumentException(
                "command '" + name + "': default_member_permissions must not be negative");
          }
        });
    Objects.requireNonNull(contexts, "contexts");
    if (contexts.isEmpty()) {
      throw new IllegalArgumentException("command '" + name + "': contexts must not be empty");
    }
    contexts = Set.copyOf(EnumSet.copyOf(contexts));
    int characters = name.length() + description.length();
    for (CommandOption o : options) {
      characters += o.characters();
    }
    if (characters > CommandRules.MAX_TOTAL_CHARACTERS) {
      throw new IllegalArgumentException(
          "command '"
              + name
              + "' has "
              + characters
              + " characters in names, descriptions and choices, at most "
              + CommandRules.MAX_TOTAL_CHARACTERS);
    }
  }

  /** A guild-only command usable by everyone, not NSFW. */
  public static Builder slash(String name, String description) {
    return new Builder(name, description);
  }

  /** True when the command cannot be used outside guilds ({@code dm_permission: false}). */
  public boolean guildOnly() {
    return contexts.equals(Set.of(InteractionContextType.GUILD));
  }

  /** True when a member needs some permission by default (the admin commands of spec §1.1). */
  public boolean restricted() {
    return defaultMemberPermissions.isPresent();
  }

  /** The option called {@code name} at the top level, if any. */
  public Optional<CommandOption> option(String name) {
    return options.stream().filter(o -> o.name().equals(name)).findFirst();
  }

  /** Builds one definition; {@link #build()} validates. */
  public static final class Builder {
    private final String name;
    private final String description;
    private final List<CommandOption> options = new ArrayList<>();
    private Optional<Long> defaultMemberPermissions = Optional.empty();
    private Set<InteractionContextType> contexts = EnumSet.of(InteractionContextType.GUILD);
    private boolean nsfw;

    private Builder(String name, String description) {
      this.name = name;
      this.description = description;
    }

    public Builder option(CommandOption option) {
      options.add(option);
      return this;
    }

    public Builder option(CommandOption.Builder option) {
      return option(option.build());
    }

    public Builder options(CommandOption... more) {
      options.addAll(List.of(more));
      return this;
    }

    /** {@code default_member_permissions}: hidden from members without all of {@code bits}. */
    public Builder requires(long bits) {
      this.defaultMemberPermissions = Optional.of(bits);
      return this;
    }

    /** Spec §1.1's admin registration: {@code default_member_permissions = MANAGE_GUILD}. */
    public Builder admin() {
      return requires(MANAGE_GUILD);
    }

    public Builder contexts(Set<InteractionContextType> contexts) {
      this.contexts = contexts.isEmpty() ? Set.of() : EnumSet.copyOf(contexts);
      return this;
    }

    public Builder nsfw(boolean nsfw) {
      this.nsfw = nsfw;
      return this;
    }

    public CommandDefinition build() {
      return new CommandDefinition(
          name, description, options, defaultMemberPermissions, contexts, nsfw);
    }
  }
}
