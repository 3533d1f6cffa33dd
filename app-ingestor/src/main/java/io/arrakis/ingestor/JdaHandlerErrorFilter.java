package io.arrakis.ingestor;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Marker;

/**
 * JDA logs a stack trace whenever its own handler cannot process a dispatch (after a resume in a
 * new process its guild cache is empty, so that is every guild event). The tap has already
 * published those dispatches, so for the ingestor they are noise: this filter drops them and counts
 * them instead ({@code arrakis.gateway.jda.handler.errors}). JDA's connection messages pass.
 */
public final class JdaHandlerErrorFilter extends TurboFilter {
  static final AtomicLong SUPPRESSED = new AtomicLong();
  private static final String JDA_SOCKET = "net.dv8tion.jda.internal.requests.WebSocketClient";

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (format != null
        && format.startsWith("Got an unexpected")
        && JDA_SOCKET.equals(logger.getName())) {
      SUPPRESSED.incrementAndGet();
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
