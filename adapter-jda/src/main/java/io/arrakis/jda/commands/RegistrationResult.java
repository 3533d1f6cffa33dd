package io.arrakis.jda.commands;

import java.util.List;

/**
 * The outcome of {@link CommandRegistrar#apply}.
 *
 * @param plan what differed before the run
 * @param overwritten whether a bulk overwrite (PUT) was sent; false when nothing differed
 * @param registered commands Discord holds in the scope afterwards
 * @param notAsSent commands Discord stored differently from what was sent (a field it normalises
 *     that the definitions do not model); empty when the stored set equals ours. A non-empty list
 *     means the next run would report them as changed again.
 */
public record RegistrationResult(
    CommandPlan plan, boolean overwritten, int registered, List<CommandPlan.Change> notAsSent) {

  public RegistrationResult {
    notAsSent = List.copyOf(notAsSent);
  }

  /** The plan's lines plus what was done. */
  public List<String> describe() {
    List<String> lines = new java.util.ArrayList<>(plan.describe());
    lines.add(
        overwritten
            ? "  bulk overwrite sent: " + registered + " commands registered"
            : "  no request sent: " + registered + " commands already registered");
    for (CommandPlan.Change c : notAsSent) {
      lines.add("  warning: Discord stored " + c + " differently from what was sent");
    }
    return lines;
  }

  @Override
  public String toString() {
    return String.join("\n", describe());
  }
}
