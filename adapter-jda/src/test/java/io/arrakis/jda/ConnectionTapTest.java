package io.arrakis.jda;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.discord.GatewayDispatch;
import io.arrakis.discord.GatewaySink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionTapTest {
  private final List<GatewayDispatch> dispatches = new ArrayList<>();
  private final List<String> sessions = new ArrayList<>();
  private final List<Integer> invalidated = new ArrayList<>();
  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final SessionRegistry registry = new SessionRegistry();
  private final GatewaySink sink =
      new GatewaySink() {
        @Override
        public void onDispatch(GatewayDispatch dispatch) {
          dispatches.add(dispatch);
        }

        @Override
        public void onSessionStarted(int shardId, String sessionId, String resumeUrl) {
          sessions.add(shardId + "/" + sessionId + "/" + resumeUrl);
        }

        @Override
        public void onSessionResuming(int shardId, String sessionId, String resumeUrl, long seq) {}

        @Override
        public void onSessionInvalidated(int shardId) {
          invalidated.add(shardId);
        }
      };
  private final ConnectionTap tap = new ConnectionTap(sink, registry, metrics.counter("errors"));
  private final FrameBytes server = new FrameBytes();

  private void fromServer(byte[] bytes) {
    tap.fromServer(bytes, 0, bytes.length);
  }

  private void fromClient(byte[] bytes) {
    tap.fromClient(bytes, 0, bytes.length);
  }

  private void identify(int shard) {
    fromClient(
        FrameBytes.concat(
            "GET /?v=10&compress=zlib-stream HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            FrameBytes.clientText(
                "{\"op\":2,\"d\":{\"token\":\"t\",\"shard\":[" + shard + ",4]}}")));
  }

  @Test
  void givenAnIdentifiedZlibConnection_thenReadyStartsTheSessionAndDispatchesCarryIt() {
    identify(2);
    fromServer(
        FrameBytes.concat(
            FrameBytes.httpUpgrade(),
            server.zlib("{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}"),
            server.zlib(
                "{\"op\":0,\"s\":1,\"t\":\"READY\",\"d\":{\"session_id\":\"abc\",\"resume_gateway_url\":\"ws://r\",\"shard\":[2,4]}}"),
            server.zlib(
                "{\"op\":0,\"s\":2,\"t\":\"GUILD_MEMBER_ADD\",\"d\":{\"guild_id\":\"9\",\"user\":{\"id\":\"5\"}}}")));

    assertThat(sessions).containsExactly("2/abc/ws://r");
    assertThat(dispatches)
        .extracting(GatewayDispatch::type)
        .containsExactly("READY", "GUILD_MEMBER_ADD");
    GatewayDispatch join = dispatches.get(1);
    assertThat(join.shardId()).isEqualTo(2);
    assertThat(join.sessionId()).isEqualTo("abc");
    assertThat(join.sequence()).isEqualTo(2);
    assertThat(new String(join.data(), StandardCharsets.UTF_8))
        .isEqualTo("{\"guild_id\":\"9\",\"user\":{\"id\":\"5\"}}");
    assertThat(join.receivedAtMicros()).isPositive();
    assertThat(metrics.counter("errors").count()).isZero();
  }

  @Test
  void givenAResumeOfAKnownSession_thenDispatchesBelongToThatShard() {
    registry.remember("old-session", 3);
    fromClient(
        FrameBytes.concat(
            "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            FrameBytes.clientText(
                "{\"op\":6,\"d\":{\"token\":\"t\",\"session_id\":\"old-session\",\"seq\":7}}")));
    fromServer(
        FrameBytes.concat(
            FrameBytes.httpUpgrade(),
            FrameBytes.text("{\"op\":0,\"s\":8,\"t\":\"MESSAGE_CREATE\",\"d\":{}}")));

    assertThat(dispatches)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.shardId()).isEqualTo(3);
              assertThat(d.sessionId()).isEqualTo("old-session");
              assertThat(d.sequence()).isEqualTo(8);
            });
  }

  @Test
  void givenANonResumableInvalidSession_thenTheSinkHearsIt() {
    identify(1);
    fromServer(
        FrameBytes.concat(
            FrameBytes.httpUpgrade(),
            FrameBytes.text("{\"op\":9,\"d\":false}"),
            FrameBytes.text("{\"op\":9,\"d\":true}")));
    assertThat(invalidated).containsExactly(1);
  }

  @Test
  void givenGarbageFromTheServer_thenTheTapCountsAnErrorInsteadOfThrowing() {
    identify(0);
    fromServer(FrameBytes.concat(FrameBytes.httpUpgrade(), FrameBytes.text("not json at all")));
    assertThat(dispatches).isEmpty();
    assertThat(metrics.counter("errors").count()).isEqualTo(1);
  }
}
