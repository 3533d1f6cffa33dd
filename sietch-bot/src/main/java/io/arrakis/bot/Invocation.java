package io.arrakis.bot;

import io.arrakis.discord.CommandOptions;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import java.time.Instant;
import java.util.Objects;

/**
 * A slash command as a handler sees it: the interaction, the community of its guild (active unless
 * the handler said it serves communities being set up) and the time the dispatcher started handling
 * it.
 */
public record Invocation(SlashCommand command, CommunityConfig community, Instant now) {
  public Invocation {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(community, "community");
    Objects.requireNonNull(now, "now");
  }

  public CommunityId communityId() {
    return community.id();
  }

  public UserId caller() {
    return new UserId(command.context().userId());
  }

  public long guildId() {
    return command.context().guildId().orElseThrow();
  }

  public long interactionId() {
    return command.context().interactionId();
  }

  public CommandOptions options() {
    return command.options();
  }

  /** The subcommand, or {@code ""} when the command has none. */
  public String subcommand() {
    return command.subcommand().orElse("");
  }
}
