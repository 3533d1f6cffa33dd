package io.arrakis.jda;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.function.Supplier;
import javax.net.SocketFactory;

/**
 * Plain-TCP sockets ({@code ws://}, the emulator) whose streams are copied to a fresh {@link
 * ConnectionTap} per connection. JDA copies the WebSocketFactory it is given but keeps its
 * SocketFactory, which is what makes this tap possible with public API (see the README).
 */
final class TappingSocketFactory extends SocketFactory {
  private final Supplier<ConnectionTap> taps;

  TappingSocketFactory(Supplier<ConnectionTap> taps) {
    this.taps = taps;
  }

  @Override
  public Socket createSocket() {
    return new TappingSocket(taps.get());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new java.net.InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    Socket socket = createSocket();
    socket.bind(new java.net.InetSocketAddress(localHost, localPort));
    socket.connect(new java.net.InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new java.net.InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    Socket socket = createSocket();
    socket.bind(new java.net.InetSocketAddress(localAddress, localPort));
    socket.connect(new java.net.InetSocketAddress(address, port));
    return socket;
  }

  private static final class TappingSocket extends Socket {
    private final ConnectionTap tap;
    private InputStream in;
    private OutputStream out;

    TappingSocket(ConnectionTap tap) {
      this.tap = tap;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (in == null) {
        in = new TapInputStream(super.getInputStream(), tap);
      }
      return in;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
      if (out == null) {
        out = new TapOutputStream(super.getOutputStream(), tap);
      }
      return out;
    }

    @Override
    public synchronized void close() throws IOException {
      try {
        super.close();
      } finally {
        tap.close();
      }
    }
  }

  /** Copies what the server sent into the tap, after the read and before the reader sees it. */
  static final class TapInputStream extends FilterInputStream {
    private final ConnectionTap tap;

    TapInputStream(InputStream in, ConnectionTap tap) {
      super(in);
      this.tap = tap;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        tap.fromServer(new byte[] {(byte) b}, 0, 1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        tap.fromServer(b, off, n);
      }
      return n;
    }
  }

  /**
   * Copies what the client writes, to learn the shard and session of the connection. The tap sees
   * the bytes before they are sent: the server's answer to a RESUME can otherwise be read before
   * the tap has learnt which session it resumes.
   */
  static final class TapOutputStream extends FilterOutputStream {
    private final ConnectionTap tap;

    TapOutputStream(OutputStream out, ConnectionTap tap) {
      super(out);
      this.tap = tap;
    }

    @Override
    public void write(int b) throws IOException {
      tap.fromClient(new byte[] {(byte) b}, 0, 1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      tap.fromClient(b, off, len);
      out.write(b, off, len);
    }
  }
}
