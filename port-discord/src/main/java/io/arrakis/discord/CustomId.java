package io.arrakis.discord;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A component or modal custom id split the way spec §16 writes them, {@code prefix[:arg…]}: {@code
 * directory:next:2} is prefix {@code directory} with args {@code [next, 2]}; {@code
 * alerts_toggle_position:42} is prefix {@code alerts_toggle_position} with args {@code [42]}. Empty
 * args are kept ({@code a::b} has args {@code ["", b]}).
 */
public record CustomId(String raw, String prefix, List<String> args) {
  public CustomId {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(prefix, "prefix");
    args = List.copyOf(args);
  }

  public static CustomId parse(String raw) {
    String[] parts = raw.split(":", -1);
    return new CustomId(raw, parts[0], Arrays.asList(parts).subList(1, parts.length));
  }

  /** The {@code i}-th argument after the prefix (0-based), if present. */
  public Optional<String> arg(int i) {
    return i >= 0 && i < args.size() ? Optional.of(args.get(i)) : Optional.empty();
  }
}
