package io.arrakis.bot;

import io.arrakis.domain.common.CommunityId;
import java.util.function.Supplier;

/**
 * The transaction boundary of one use case: repository calls made by {@code work} share one
 * transaction, under the row-level-security context of {@code community}. Implemented by
 * PostgreSQL's unit of work in the worker, by a pass-through over the in-memory fakes in tests.
 */
public interface Transactions {

  <T> T inCommunity(CommunityId community, Supplier<T> work);

  /** Global tables only (the community directory). */
  <T> T withoutCommunity(Supplier<T> work);

  /** No transaction at all: for the in-memory repositories of unit tests. */
  static Transactions none() {
    return new Transactions() {
      @Override
      public <T> T inCommunity(CommunityId community, Supplier<T> work) {
        return work.get();
      }

      @Override
      public <T> T withoutCommunity(Supplier<T> work) {
        return work.get();
      }
    };
  }
}
