package io.arrakis.worker;

import io.arrakis.bot.Transactions;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.postgres.UnitOfWork;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.function.Supplier;

/**
 * PostgreSQL's unit of work behind a circuit breaker (resilience4j). While the database is down or
 * the pool exhausted, use cases fail fast ({@code CallNotPermittedException}) instead of each
 * waiting out the pool's connection timeout inside a 3-second interaction window.
 */
final class GuardedTransactions implements Transactions {
  private final UnitOfWork unitOfWork;
  private final CircuitBreaker breaker;

  GuardedTransactions(UnitOfWork unitOfWork, CircuitBreaker breaker) {
    this.unitOfWork = unitOfWork;
    this.breaker = breaker;
  }

  @Override
  public <T> T inCommunity(CommunityId community, Supplier<T> work) {
    return breaker.executeSupplier(() -> unitOfWork.inCommunity(community, work));
  }

  @Override
  public <T> T withoutCommunity(Supplier<T> work) {
    return breaker.executeSupplier(() -> unitOfWork.withoutCommunity(work));
  }

  /**
   * Whether a failure says the database is unreachable or overloaded (what the breaker counts), as
   * opposed to a bug or a constraint violation: connection-class SQL states (08), insufficient
   * resources (53), operator intervention (57) and the driver's transient exceptions (Hikari's pool
   * timeout is one).
   */
  static boolean isDatabaseFault(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57")) {
          return true;
        }
      }
    }
    return false;
  }
}
