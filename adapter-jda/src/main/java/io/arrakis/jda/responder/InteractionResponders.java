package io.arrakis.jda.responder;

import io.arrakis.discord.InteractionResponder;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;

/** The adapter's public entry point for answering interactions without the bot token. */
public final class InteractionResponders {
  private InteractionResponders() {}

  /** An HTTP responder with {@link ResponderSettings#defaults default} retries. */
  public static InteractionResponder http(URI apiBase, Duration timeout, MeterRegistry registry) {
    return http(ResponderSettings.defaults(apiBase, timeout), registry);
  }

  public static InteractionResponder http(ResponderSettings settings, MeterRegistry registry) {
    return new HttpInteractionResponder(settings, registry);
  }
}
