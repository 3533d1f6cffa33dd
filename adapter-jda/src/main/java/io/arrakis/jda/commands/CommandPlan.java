package io.arrakis.jda.commands;

import java.util.ArrayList;
import java.util.List;

/**
 * What a bulk overwrite of {@code scope} would change, by command name.
 *
 * @param added ours, not registered yet
 * @param changed registered, but differing in a field Discord keeps
 * @param removed registered, not ours: the overwrite deletes them
 * @param unchanged registered exactly as ours
 */
public record CommandPlan(
    CommandScope scope,
    List<String> added,
    List<Change> changed,
    List<String> removed,
    List<String> unchanged) {

  public CommandPlan {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
    unchanged = List.copyOf(unchanged);
  }

  /** One command whose registered definition differs from ours, and where. */
  public record Change(String name, List<String> fields) {
    public Change {
      fields = List.copyOf(fields);
    }

    @Override
    public String toString() {
      return name + " (" + String.join(", ", fields) + ")";
    }
  }

  public boolean hasChanges() {
    return !added.isEmpty() || !changed.isEmpty() || !removed.isEmpty();
  }

  /** Number of commands added, changed or removed. */
  public int changeCount() {
    return added.size() + changed.size() + removed.size();
  }

  /** The names of the changed commands. */
  public List<String> changedNames() {
    return changed.stream().map(Change::name).toList();
  }

  /** Human-readable, one line per kind of change; what {@code register-commands} prints. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "commands ("
            + scope
            + "): "
            + added.size()
            + " added, "
            + changed.size()
            + " changed, "
            + removed.size()
            + " removed, "
            + unchanged.size()
            + " unchanged");
    if (!added.isEmpty()) {
      lines.add("  added: " + String.join(", ", added));
    }
    for (Change c : changed) {
      lines.add("  changed: " + c);
    }
    if (!removed.isEmpty()) {
      lines.add("  removed: " + String.join(", ", removed));
    }
    if (!hasChanges()) {
      lines.add("  nothing to change");
    }
    return lines;
  }

  @Override
  public String toString() {
    return String.join("\n", describe());
  }
}
