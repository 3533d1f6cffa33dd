package io.arrakis.bot;

import io.arrakis.discord.CustomId;
import io.arrakis.discord.Interaction;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A click, a pick or a modal submit as a {@link ComponentHandler} sees it.
 *
 * @param interaction a {@link Interaction.ComponentInteraction} or a {@link
 *     Interaction.ModalSubmit}
 */
public record ComponentInvocation(
    Interaction interaction, CustomId customId, CommunityConfig community, Instant now) {
  public ComponentInvocation {
    Objects.requireNonNull(interaction, "interaction");
    Objects.requireNonNull(customId, "customId");
    Objects.requireNonNull(community, "community");
    Objects.requireNonNull(now, "now");
    if (!(interaction instanceof Interaction.ComponentInteraction)
        && !(interaction instanceof Interaction.ModalSubmit)) {
      throw new IllegalArgumentException("not a component or modal: type " + interaction.type());
    }
  }

  public CommunityId communityId() {
    return community.id();
  }

  public UserId caller() {
    return new UserId(interaction.context().userId());
  }

  public OptionalLong guildId() {
    return interaction.context().guildId();
  }

  public boolean isModal() {
    return interaction instanceof Interaction.ModalSubmit;
  }

  /** The picked values of a select; empty for buttons and modals. */
  public List<String> values() {
    return interaction instanceof Interaction.ComponentInteraction c ? c.values() : List.of();
  }

  /** The text inputs of a modal by their custom id; empty for buttons and selects. */
  public Map<String, String> fields() {
    return interaction instanceof Interaction.ModalSubmit m ? m.fields() : Map.of();
  }

  /** The {@code i}-th custom-id argument, or {@code ""}. */
  public String arg(int i) {
    return customId.arg(i).orElse("");
  }
}
