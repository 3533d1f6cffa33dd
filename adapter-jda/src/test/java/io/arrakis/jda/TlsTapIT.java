package io.arrakis.jda;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wss:// tap over a real TLS connection on loopback (a throwaway certificate made by the JDK's
 * keytool): the tap sees the plaintext gateway frames on both sides, and the socket still behaves
 * as the SSLSocket the WebSocket library expects.
 */
class TlsTapIT {
  private static SSLContext context;

  @BeforeAll
  static void makeCertificate() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "tls-tap"));
    Path store = dir.resolve("localhost.p12");
    Files.deleteIfExists(store);
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "localhost",
                "-keyalg",
                "EC",
                "-dname",
                "CN=localhost",
                "-ext",
                "san=ip:127.0.0.1,dns:localhost",
                "-validity",
                "1",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(out).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(store.toFile())) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(keys);
    context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
  }

  @Test
  void givenATlsGatewayConnection_thenTheTapSeesThePlaintextFrames() throws Exception {
    FrameBytes server = new FrameBytes();
    try (SSLServerSocket listener =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Thread gateway =
          new Thread(
              () -> {
                try (Socket s = listener.accept()) {
                  InputStream in = s.getInputStream();
                  // The client writes the upgrade request and IDENTIFY at once: one TLS record.
                  assertThat(in.read(new byte[4096])).isPositive();
                  OutputStream out = s.getOutputStream();
                  out.write(
                      FrameBytes.concat(
                          FrameBytes.httpUpgrade(),
                          server.zlib(
                              "{\"op\":0,\"s\":1,\"t\":\"READY\",\"d\":{\"session_id\":\"tls\",\"resume_gateway_url\":\"wss://r\",\"shard\":[0,1]}}"),
                          server.zlib(
                              "{\"op\":0,\"s\":2,\"t\":\"MESSAGE_CREATE\",\"d\":{\"id\":\"1\"}}")));
                  out.flush();
                  Thread.sleep(500);
                } catch (Exception ex) {
                  throw new IllegalStateException(ex);
                }
              });
      gateway.start();

      RecordingSink sink = new RecordingSink();
      SimpleMeterRegistry metrics = new SimpleMeterRegistry();
      TappingSslSocketFactory factory =
          new TappingSslSocketFactory(
              context.getSocketFactory(),
              () -> new ConnectionTap(sink, new SessionRegistry(), metrics.counter("errors")));
      try (Socket socket = factory.createSocket()) {
        assertThat(socket).isInstanceOf(SSLSocket.class);
        socket.connect(new InetSocketAddress("127.0.0.1", listener.getLocalPort()), 5_000);
        ((SSLSocket) socket).startHandshake();
        assertThat(((SSLSocket) socket).getSession().getProtocol()).startsWith("TLS");
        socket
            .getOutputStream()
            .write(
                FrameBytes.concat(
                    "GET /?v=10&encoding=json&compress=zlib-stream HTTP/1.1\r\nHost: localhost\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII),
                    FrameBytes.clientText("{\"op\":2,\"d\":{\"token\":\"t\",\"shard\":[0,1]}}")));
        socket.setSoTimeout(5_000);
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[4096];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sink.dispatches.size() < 2 && System.nanoTime() < deadline && in.read(buf) > 0) {
          // reading is what feeds the tap
        }
      }
      gateway.join(5_000);

      assertThat(sink.dispatches)
          .extracting(d -> d.type())
          .containsExactly("READY", "MESSAGE_CREATE");
      assertThat(new String(sink.dispatches.get(1).data(), StandardCharsets.UTF_8))
          .isEqualTo("{\"id\":\"1\"}");
      assertThat(sink.dispatches.get(1).sessionId()).isEqualTo("tls");
      assertThat(metrics.counter("errors").count()).isZero();
    }
  }
}
