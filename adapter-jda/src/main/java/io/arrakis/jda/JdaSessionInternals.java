package io.arrakis.jda;

import io.arrakis.state.GatewayCheckpoint;
import java.lang.reflect.Field;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.internal.JDAImpl;
import net.dv8tion.jda.internal.handle.SocketHandler;
import net.dv8tion.jda.internal.requests.WebSocketClient;

/**
 * The one place that reaches into JDA internals. JDA has no public API to resume a gateway session
 * that another process started, so before a shard's first connect we set the three things JDA's own
 * reconnect would have kept: {@code WebSocketClient.sessionId}, {@code .resumeUrl} and the sequence
 * ({@code JDAImpl.setResponseTotal}), and mark the READY as processed so RESUMED makes the shard
 * CONNECTED. JDA's guild cache stays empty after such a resume (no GUILD_CREATE comes): JDA cannot
 * build entities for later events and logs that; the tap has published them regardless. JDA then
 * sends RESUME instead of IDENTIFY and Discord replays what the previous process did not confirm.
 * Checked against JDA 6.5; the emulator tests in {@code CrossProcessResumeIT} fail loudly if an
 * upgrade renames or removes any of it.
 */
final class JdaSessionInternals {
  private static final Field SESSION_ID = field("sessionId");
  private static final Field RESUME_URL = field("resumeUrl");

  /**
   * True until JDA processed a READY; a RESUMED while it is true never marks the shard CONNECTED.
   */
  private static final Field PROCESSING_READY = field("processingReady");

  private JdaSessionInternals() {}

  /** Primes a not-yet-connected shard to resume {@code checkpoint}. */
  static void primeResume(JDA jda, GatewayCheckpoint checkpoint) throws InterruptedException {
    JDAImpl impl = (JDAImpl) jda;
    WebSocketClient client = awaitClient(impl);
    try {
      SESSION_ID.set(client, checkpoint.sessionId());
      RESUME_URL.set(client, checkpoint.resumeUrl().isEmpty() ? null : checkpoint.resumeUrl());
      PROCESSING_READY.setBoolean(client, false);
    } catch (IllegalAccessException ex) {
      throw new IllegalStateException("JDA internals changed: " + ex.getMessage(), ex);
    }
    impl.setResponseTotal(Math.toIntExact(checkpoint.sequence()));
  }

  /**
   * Makes JDA skip its own processing of these events (it builds entities and fires events that no
   * listener in the ingestor wants). The tap still publishes them; this only saves the CPU JDA
   * would spend on them, the largest cost per event in the ingestor. Guild, channel, role and
   * member events stay with JDA: its cache answers permission checks.
   */
  static void ignoreEvents(JDA jda, java.util.Set<String> eventTypes) throws InterruptedException {
    JDAImpl impl = (JDAImpl) jda;
    java.util.Map<String, SocketHandler> handlers = awaitClient(impl).getHandlers();
    for (String type : eventTypes) {
      handlers.put(type, new SocketHandler.NOPHandler(impl));
    }
  }

  /** JDA queues the first connect inside the client's constructor: wait for it to be stored. */
  private static WebSocketClient awaitClient(JDAImpl impl) throws InterruptedException {
    WebSocketClient client = impl.getClient();
    for (int i = 0; client == null && i < 200; i++) {
      Thread.sleep(10);
      client = impl.getClient();
    }
    if (client == null) {
      throw new IllegalStateException("JDA has no gateway client after 2 s");
    }
    return client;
  }

  /** Closes with a code that keeps the session resumable, and keeps JDA from reconnecting. */
  static void closeResumable(JDA jda) {
    JDAImpl impl = (JDAImpl) jda;
    impl.setAutoReconnect(false);
    WebSocketClient client = impl.getClient();
    if (client != null) {
      // Not 1000/1001: those end the session at Discord. 4900 is JDA's own "reconnect" code.
      client.close(4900, "ingestor handing over");
    }
  }

  private static Field field(String name) {
    try {
      Field f = WebSocketClient.class.getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (NoSuchFieldException ex) {
      throw new ExceptionInInitializerError(
          "JDA's WebSocketClient has no field '" + name + "': cross-process resume needs updating");
    }
  }
}
