package io.arrakis.postgres;

import io.arrakis.domain.common.CommunityId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Binds a Jdbi handle with an open transaction to the current thread, so repositories (whose ports
 * carry no connection) join the use case's transaction. Sets the row-level-security context with
 * {@code set_config('app.community_id', id, true)}, which lasts until the transaction ends, so a
 * pooled connection never carries one community's context into the next transaction.
 */
final class Session implements UnitOfWork {
  private final Jdbi jdbi;
  private final ThreadLocal<@Nullable Scope> current = new ThreadLocal<>();

  /**
   * The thread's transaction: its handle, the community it was opened for, and the value {@code
   * app.community_id} has now (changed only through {@link #switched}, on this thread).
   */
  private static final class Scope {
    final Handle handle;
    final Optional<CommunityId> community;
    String context;

    Scope(Handle handle, Optional<CommunityId> community) {
      this.handle = handle;
      this.community = community;
      this.context = community.map(CommunityId::toString).orElse("");
    }
  }

  Session(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public <T> T inCommunity(CommunityId community, Supplier<T> work) {
    Scope scope = current.get();
    if (scope != null) {
      requireCommunity(scope, community);
      return work.get();
    }
    return open(Optional.of(community), work);
  }

  @Override
  public <T> T withoutCommunity(Supplier<T> work) {
    Scope scope = current.get();
    if (scope != null) {
      if (scope.community.isPresent()) {
        throw new IllegalStateException(
            "a unit of work without community cannot be nested in community "
                + scope.community.get());
      }
      return work.get();
    }
    return open(Optional.empty(), work);
  }

  /** A tenant operation: joins the thread's transaction (same community) or runs in its own. */
  <T> T tenant(CommunityId community, Function<Handle, T> operation) {
    Scope scope = current.get();
    if (scope == null) {
      return inCommunity(community, () -> operation.apply(handle()));
    }
    requireCommunity(scope, community);
    return operation.apply(scope.handle);
  }

  void tenantDo(CommunityId community, java.util.function.Consumer<Handle> operation) {
    tenant(
        community,
        h -> {
          operation.accept(h);
          return null;
        });
  }

  /** An operation on global tables: joins the thread's transaction or runs in its own. */
  <T> T global(Function<Handle, T> operation) {
    Scope scope = current.get();
    if (scope == null) {
      return withoutCommunity(() -> operation.apply(handle()));
    }
    return operation.apply(scope.handle);
  }

  /**
   * Runs {@code operation} on {@code handle} with the context switched to {@code community}, then
   * restores the previous context. Only for the community's own configuration rows ({@code
   * community_roles}, {@code community_tiers}), which {@code CommunityRepository} reads before a
   * tenant context exists (spec §19: the community is resolved first).
   *
   * <p>The previous context is the one this session set on the thread's transaction, so it is not
   * read back from the database; for a handle that is not the thread's transaction it is.
   */
  <T> T switched(Handle handle, CommunityId community, Supplier<T> operation) {
    Scope scope = current.get();
    boolean tracked = scope != null && scope.handle == handle;
    String previous = tracked ? scope.context : currentContext(handle);
    setContext(handle, community.toString());
    if (tracked) {
      scope.context = community.toString();
    }
    try {
      return operation.get();
    } finally {
      setContext(handle, previous);
      if (tracked) {
        scope.context = previous;
      }
    }
  }

  private static String currentContext(Handle handle) {
    return handle
        .createQuery("select coalesce(current_setting('app.community_id', true), '')")
        .mapTo(String.class)
        .one();
  }

  private <T> T open(Optional<CommunityId> community, Supplier<T> work) {
    return jdbi.inTransaction(
        handle -> {
          community.ifPresent(c -> setContext(handle, c.toString()));
          current.set(new Scope(handle, community));
          try {
            return work.get();
          } finally {
            current.remove();
          }
        });
  }

  private Handle handle() {
    return Objects.requireNonNull(current.get()).handle;
  }

  private static void requireCommunity(Scope scope, CommunityId community) {
    if (!scope.community.equals(Optional.of(community))) {
      throw new IllegalStateException(
          "the unit of work is "
              + scope.community.map(c -> "in community " + c).orElse("without community")
              + ", not in community "
              + community);
    }
  }

  private static void setContext(Handle handle, String value) {
    handle
        .createQuery("select set_config('app.community_id', :value, true)")
        .bind("value", value)
        .mapTo(String.class)
        .one();
  }
}
