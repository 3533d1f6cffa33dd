package io.arrakis.app;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of environment variables that collect every problem instead of stopping at the first,
 * so a bad start names all bad variables at once ({@link #validate()}). Values that may carry
 * secrets (URLs) are never echoed in a problem.
 */
public final class Environment {
  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  public Environment(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Whether the variable is set to something other than blanks. */
  public boolean isSet(String name) {
    return !blank(env.get(name));
  }

  /** The trimmed value, or {@code fallback} when unset. */
  public String string(String name, String fallback) {
    return isSet(name) ? env.get(name).trim() : fallback;
  }

  /** Records a problem found by the caller's own checks. */
  public void problem(String message) {
    problems.add(message);
  }

  /** A URL with one of {@code schemes}, or empty when unset. */
  public Optional<String> optionalUrl(String name, List<String> schemes) {
    if (!isSet(name)) {
      return Optional.empty();
    }
    String value = env.get(name).trim();
    return Optional.ofNullable(parseUrl(name, value, schemes)).map(u -> value);
  }

  /** A URL with one of {@code schemes}, {@code fallback} when unset. */
  public URI url(String name, String fallback, List<String> schemes) {
    URI uri = parseUrl(name, string(name, fallback), schemes);
    return uri == null ? URI.create(fallback) : uri;
  }

  /** A TCP port (0 = any free port), {@code fallback} when unset. */
  public int port(String name, int fallback) {
    if (!isSet(name)) {
      return fallback;
    }
    int value = integer(name, 0, fallback);
    if (value > 65_535) {
      problems.add(name + " must be a port number (0-65535); got " + value);
    }
    return value;
  }

  /** A whole number of at least {@code min}, {@code fallback} when unset. */
  public int integer(String name, int min, int fallback) {
    if (!isSet(name)) {
      return fallback;
    }
    String value = env.get(name).trim();
    try {
      int n = Integer.parseInt(value);
      if (n < min) {
        problems.add(name + " must be at least " + min + "; got " + n);
      }
      return n;
    } catch (NumberFormatException ex) {
      problems.add(name + " must be a whole number; got '" + value + "'");
      return fallback;
    }
  }

  /** Throws a {@link ConfigException} naming every problem recorded so far. */
  public void validate() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private URI parseUrl(String name, String value, List<String> schemes) {
    try {
      URI uri = URI.create(value);
      if (uri.getScheme() == null || !schemes.contains(uri.getScheme()) || uri.getHost() == null) {
        problems.add(name + " must be a " + String.join("/", schemes) + " URL");
        return null;
      }
      return uri;
    } catch (IllegalArgumentException ex) {
      problems.add(name + " is not a valid URL");
      return null;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
