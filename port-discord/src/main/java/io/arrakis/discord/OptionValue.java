package io.arrakis.discord;

import java.util.Objects;

/**
 * One slash-command option's value, typed as Discord sends it (application command option types
 * 3–11; subcommands and groups are not values, see {@link Interaction.SlashCommand}). Entity
 * options carry the id; the entity itself, when Discord resolved it, is in {@link Resolved}.
 */
public sealed interface OptionValue {

  /** Discord's option type number. */
  int type();

  /** Type 3. */
  record StringOption(String value) implements OptionValue {
    public StringOption {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public int type() {
      return 3;
    }
  }

  /** Type 4. */
  record IntegerOption(long value) implements OptionValue {
    @Override
    public int type() {
      return 4;
    }
  }

  /** Type 5. */
  record BooleanOption(boolean value) implements OptionValue {
    @Override
    public int type() {
      return 5;
    }
  }

  /** Type 6: a user id (see {@link Resolved#users()} / {@link Resolved#members()}). */
  record UserOption(long id) implements OptionValue {
    @Override
    public int type() {
      return 6;
    }
  }

  /** Type 7: a channel id. */
  record ChannelOption(long id) implements OptionValue {
    @Override
    public int type() {
      return 7;
    }
  }

  /** Type 8: a role id. */
  record RoleOption(long id) implements OptionValue {
    @Override
    public int type() {
      return 8;
    }
  }

  /** Type 9: a user or role id. */
  record MentionableOption(long id) implements OptionValue {
    @Override
    public int type() {
      return 9;
    }
  }

  /** Type 10: a double. */
  record NumberOption(double value) implements OptionValue {
    @Override
    public int type() {
      return 10;
    }
  }

  /** Type 11: an attachment id. */
  record AttachmentOption(long id) implements OptionValue {
    @Override
    public int type() {
      return 11;
    }
  }
}
