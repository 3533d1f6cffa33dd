package io.arrakis.jda;

import io.arrakis.discord.GatewayDispatch;
import io.arrakis.discord.GatewaySink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Keeps everything a gateway source reports, and waits for what a test expects. */
final class RecordingSink implements GatewaySink {
  final List<GatewayDispatch> dispatches = new CopyOnWriteArrayList<>();
  final List<String> started = new CopyOnWriteArrayList<>();
  final List<String> resuming = new CopyOnWriteArrayList<>();
  final List<Integer> invalidated = new CopyOnWriteArrayList<>();

  @Override
  public void onDispatch(GatewayDispatch dispatch) {
    dispatches.add(dispatch);
  }

  @Override
  public void onSessionStarted(int shardId, String sessionId, String resumeUrl) {
    started.add(shardId + "/" + sessionId + "/" + resumeUrl);
  }

  @Override
  public void onSessionResuming(int shardId, String sessionId, String resumeUrl, long sequence) {
    resuming.add(shardId + "/" + sessionId + "/" + sequence);
  }

  @Override
  public void onSessionInvalidated(int shardId) {
    invalidated.add(shardId);
  }

  GatewayDispatch await(Predicate<GatewayDispatch> what, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (GatewayDispatch d : dispatches) {
        if (what.test(d)) {
          return d;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no matching dispatch within " + timeout + "; got " + dispatches);
  }

  List<GatewayDispatch> ofType(String type) {
    return dispatches.stream().filter(d -> d.type().equals(type)).toList();
  }
}
