package io.arrakis.discord;

import java.util.List;

/**
 * A row of a message's components: up to five buttons, or exactly one select menu. A message has at
 * most five rows.
 */
public record ActionRow(List<RowComponent> components) {
  public ActionRow {
    components = List.copyOf(components);
    if (components.isEmpty()) {
      throw new IllegalArgumentException("an action row needs at least one component");
    }
    boolean select = components.stream().anyMatch(c -> !(c instanceof Button));
    if (select && components.size() != 1) {
      throw new IllegalArgumentException("a select menu fills its action row alone");
    }
    if (components.size() > 5) {
      throw new IllegalArgumentException("an action row holds at most 5 buttons");
    }
  }

  public static ActionRow of(RowComponent... components) {
    return new ActionRow(List.of(components));
  }
}
