package io.arrakis.postgres;

import io.arrakis.domain.common.CommunityId;
import java.util.function.Supplier;

/**
 * One database transaction per use case. The app wraps each use case in {@link #inCommunity}: the
 * repositories called inside it (on the same thread) share one connection and one transaction whose
 * row-level-security context is that community; the transaction commits when {@code work} returns
 * and rolls back when it throws. Outside a unit of work every repository call runs in its own short
 * transaction.
 */
public interface UnitOfWork {

  /**
   * Runs {@code work} in one transaction with {@code app.community_id} set to {@code community}.
   * Nested calls for the same community join the outer transaction; a nested call for another
   * community, or a tenant repository call for another community, throws {@link
   * IllegalStateException}.
   */
  <T> T inCommunity(CommunityId community, Supplier<T> work);

  default void inCommunity(CommunityId community, Runnable work) {
    inCommunity(
        community,
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Runs {@code work} in one transaction without a community context: only the global tables
   * ({@code communities}) can be used; tenant repositories throw.
   */
  <T> T withoutCommunity(Supplier<T> work);
}
