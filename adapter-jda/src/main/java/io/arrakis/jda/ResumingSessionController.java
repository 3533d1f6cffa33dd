package io.arrakis.jda;

import io.arrakis.state.GatewayCheckpoint;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JDA's identify queue (honours {@code max_concurrency}) plus two things: the gateway URL can be
 * overridden (the emulator), and a shard's first connect in this process resumes the checkpoint of
 * the previous process. JDA asks for the session before its client is assigned, so the checkpoint
 * is applied when the queued connect runs, by wrapping the node.
 */
final class ResumingSessionController extends ConcurrentSessionController {
  private static final Logger log = LoggerFactory.getLogger(ResumingSessionController.class);
  private final SessionRegistry sessions;
  private final Optional<String> gatewayUrl;
  private final Set<String> jdaIgnoredEvents;
  private final Map<SessionConnectNode, SessionConnectNode> wrapped = new ConcurrentHashMap<>();

  ResumingSessionController(
      SessionRegistry sessions, Optional<String> gatewayUrl, Set<String> jdaIgnoredEvents) {
    this.sessions = sessions;
    this.gatewayUrl = gatewayUrl;
    this.jdaIgnoredEvents = jdaIgnoredEvents;
  }

  @Override
  public void appendSession(SessionConnectNode node) {
    SessionConnectNode resuming = new ResumingNode(node);
    wrapped.put(node, resuming);
    super.appendSession(resuming);
  }

  @Override
  public void removeSession(SessionConnectNode node) {
    SessionConnectNode resuming = wrapped.remove(node);
    super.removeSession(resuming == null ? node : resuming);
  }

  @Override
  public String getGateway() {
    return gatewayUrl.orElseGet(super::getGateway);
  }

  @Override
  public ShardedGateway getShardedGateway(JDA api) {
    ShardedGateway discord = super.getShardedGateway(api);
    return gatewayUrl
        .map(url -> new ShardedGateway(url, discord.getShardTotal(), discord.getConcurrency()))
        .orElse(discord);
  }

  private final class ResumingNode implements SessionConnectNode {
    private final SessionConnectNode node;

    ResumingNode(SessionConnectNode node) {
      this.node = node;
    }

    @Override
    public boolean isReconnect() {
      return node.isReconnect();
    }

    @Override
    public JDA getJDA() {
      return node.getJDA();
    }

    @Override
    public JDA.ShardInfo getShardInfo() {
      return node.getShardInfo();
    }

    @Override
    public void run(boolean isLast) throws InterruptedException {
      wrapped.remove(node);
      if (!node.isReconnect()) {
        try {
          JdaSessionInternals.ignoreEvents(node.getJDA(), jdaIgnoredEvents);
        } catch (RuntimeException ex) {
          // Costs CPU, loses nothing: JDA then processes those events as usual.
          log.warn("cannot switch off JDA's handlers for unused events: {}", ex.getMessage());
        }
        Optional<GatewayCheckpoint> checkpoint =
            sessions.takeStartCheckpoint(node.getShardInfo().getShardId());
        if (checkpoint.isPresent()) {
          try {
            JdaSessionInternals.primeResume(node.getJDA(), checkpoint.get());
          } catch (RuntimeException ex) {
            // Identifying afresh loses what Discord would have replayed, but keeps the shard up.
            log.error(
                "shard {}: cannot resume the previous session ({}); identifying afresh",
                node.getShardInfo().getShardId(),
                ex.getMessage());
          }
        }
      }
      node.run(isLast);
    }
  }
}
