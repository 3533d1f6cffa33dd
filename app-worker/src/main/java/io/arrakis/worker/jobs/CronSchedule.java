package io.arrakis.worker.jobs;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A job's schedule, in UTC, parsed by cron-utils: the five-field Unix form of spec §18, or a
 * six-field form with seconds first (Spring's), which only test overrides use so a system test sees
 * several periods in seconds.
 */
public final class CronSchedule {
  private static final CronParser UNIX =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final CronParser WITH_SECONDS =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING));

  private final String expression;
  private final ExecutionTime executions;
  private final ChronoUnit resolution;

  private CronSchedule(String expression, Cron cron, ChronoUnit resolution) {
    this.expression = expression;
    this.executions = ExecutionTime.forCron(cron);
    this.resolution = resolution;
  }

  /**
   * Parses {@code expression}; throws {@link IllegalArgumentException} naming it when it is not a
   * valid five- or six-field cron expression.
   */
  public static CronSchedule parse(String expression) {
    String trimmed = expression.trim();
    boolean seconds = trimmed.split("\\s+").length == 6;
    try {
      Cron cron = (seconds ? WITH_SECONDS : UNIX).parse(trimmed).validate();
      return new CronSchedule(trimmed, cron, seconds ? ChronoUnit.SECONDS : ChronoUnit.MINUTES);
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException(
          "bad cron expression '" + expression + "': " + ex.getMessage(), ex);
    }
  }

  public String expression() {
    return expression;
  }

  /** The start of the latest period due at or before {@code now}. */
  public Instant latestDue(Instant now) {
    ZonedDateTime at = now.atZone(ZoneOffset.UTC).truncatedTo(resolution);
    if (executions.isMatch(at)) {
      return at.toInstant();
    }
    return executions
        .lastExecution(at)
        .orElseThrow(() -> new IllegalStateException(expression + " was never due before " + now))
        .toInstant();
  }

  /** The start of the first period strictly after {@code now}. */
  public Instant nextDue(Instant now) {
    return executions
        .nextExecution(now.atZone(ZoneOffset.UTC))
        .orElseThrow(() -> new IllegalStateException(expression + " is never due after " + now))
        .toInstant();
  }

  @Override
  public String toString() {
    return expression;
  }
}
