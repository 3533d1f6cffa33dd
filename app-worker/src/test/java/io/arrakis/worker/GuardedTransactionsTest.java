package io.arrakis.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.postgres.UnitOfWork;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The database circuit breaker, with the worker's own breaker settings. */
class GuardedTransactionsTest {
  private final CircuitBreaker breaker = WorkerModule.databaseBreaker();
  private final ScriptedUnitOfWork unitOfWork = new ScriptedUnitOfWork();
  private final GuardedTransactions transactions = new GuardedTransactions(unitOfWork, breaker);

  /** Runs the work, or throws {@link #failure} when set; records the community of each call. */
  private static final class ScriptedUnitOfWork implements UnitOfWork {
    final List<String> calls = new CopyOnWriteArrayList<>();
    RuntimeException failure;

    @Override
    public <T> T inCommunity(CommunityId community, Supplier<T> work) {
      calls.add("in " + community);
      return run(work);
    }

    @Override
    public <T> T withoutCommunity(Supplier<T> work) {
      calls.add("without");
      return run(work);
    }

    private <T> T run(Supplier<T> work) {
      if (failure != null) {
        throw failure;
      }
      return work.get();
    }
  }

  /** How Jdbi surfaces a driver failure: its own runtime exception around the SQLException. */
  private static RuntimeException jdbi(SQLException cause) {
    return new RuntimeException("org.jdbi.v3.core.ConnectionException: " + cause, cause);
  }

  private int minimumCalls() {
    return breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls();
  }

  @ParameterizedTest
  @ValueSource(strings = {"08006", "08001", "53300", "53200", "57P01", "57014"})
  void givenConnectionResourceOrOperatorSqlState_isDatabaseFault_isTrue(String state) {
    SQLException failure = new SQLException("server says no", state);

    assertThat(GuardedTransactions.isDatabaseFault(failure)).isTrue();
    assertThat(GuardedTransactions.isDatabaseFault(jdbi(failure))).isTrue();
  }

  @Test
  void givenPoolTimeout_isDatabaseFault_isTrueAlsoWhenWrapped() {
    SQLTransientConnectionException timeout =
        new SQLTransientConnectionException(
            "sietch - Connection is not available, request timed out after 30000ms.");

    assertThat(GuardedTransactions.isDatabaseFault(timeout)).isTrue();
    assertThat(GuardedTransactions.isDatabaseFault(jdbi(timeout))).isTrue();
    assertThat(
            GuardedTransactions.isDatabaseFault(
                new IllegalStateException("outer", new RuntimeException("middle", timeout))))
        .isTrue();
  }

  @Test
  void givenNonTransientConnectionFailure_isDatabaseFault_isTrue() {
    assertThat(
            GuardedTransactions.isDatabaseFault(
                new SQLNonTransientConnectionException("connection refused")))
        .isTrue();
  }

  @Test
  void givenUniqueViolation_isDatabaseFault_isFalse() {
    SQLException unique =
        new SQLException("duplicate key value violates unique constraint", "23505");

    assertThat(GuardedTransactions.isDatabaseFault(unique)).isFalse();
    assertThat(GuardedTransactions.isDatabaseFault(jdbi(unique))).isFalse();
    assertThat(
            GuardedTransactions.isDatabaseFault(
                new SQLIntegrityConstraintViolationException("dup", "23505")))
        .isFalse();
  }

  @Test
  void givenBugOrSqlExceptionWithoutState_isDatabaseFault_isFalse() {
    assertThat(GuardedTransactions.isDatabaseFault(new IllegalStateException("a bug"))).isFalse();
    assertThat(GuardedTransactions.isDatabaseFault(new SQLException("no state"))).isFalse();
    assertThat(GuardedTransactions.isDatabaseFault(new SQLException("syntax", "42601"))).isFalse();
  }

  @Test
  void givenHealthyDatabase_work_runsInTheCommunityAndReturnsItsValue() {
    CommunityId community = CommunityId.random();

    assertThat(transactions.inCommunity(community, () -> 42)).isEqualTo(42);
    assertThat(transactions.withoutCommunity(() -> "global")).isEqualTo("global");
    assertThat(unitOfWork.calls).containsExactly("in " + community, "without");
  }

  @Test
  void givenDatabaseFaults_breakerOpens_andFurtherWorkFailsFastWithoutTheDatabase() {
    unitOfWork.failure = jdbi(new SQLException("Connection refused", "08001"));
    CommunityId community = CommunityId.random();
    for (int i = 0; i < minimumCalls(); i++) {
      assertThatThrownBy(() -> transactions.inCommunity(community, () -> 1))
          .isInstanceOf(RuntimeException.class)
          .hasRootCauseInstanceOf(SQLException.class);
    }
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    int reached = unitOfWork.calls.size();
    unitOfWork.failure = null; // even a recovered database is not asked while open

    assertThatThrownBy(() -> transactions.inCommunity(community, () -> 1))
        .isInstanceOf(CallNotPermittedException.class);
    assertThatThrownBy(() -> transactions.withoutCommunity(() -> 1))
        .isInstanceOf(CallNotPermittedException.class);
    assertThat(unitOfWork.calls).hasSize(reached);
  }

  @Test
  void givenConstraintViolationsAndBugs_breaker_staysClosed() {
    unitOfWork.failure = jdbi(new SQLException("duplicate key", "23505"));
    CommunityId community = CommunityId.random();
    for (int i = 0; i < minimumCalls() * 2; i++) {
      assertThatThrownBy(() -> transactions.inCommunity(community, () -> 1))
          .hasRootCauseMessage("duplicate key");
    }
    unitOfWork.failure = new IllegalStateException("a bug");
    for (int i = 0; i < minimumCalls(); i++) {
      assertThatThrownBy(() -> transactions.withoutCommunity(() -> 1))
          .isInstanceOf(IllegalStateException.class);
    }

    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
  }
}
