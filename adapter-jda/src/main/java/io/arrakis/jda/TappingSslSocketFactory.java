package io.arrakis.jda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The tap for {@code wss://} (Discord itself): TLS sockets from the platform's factory, wrapped so
 * their plaintext streams are copied into a {@link ConnectionTap}. The WebSocket library casts the
 * socket to {@link SSLSocket} (hostname check, SNI), so the wrapper is a full delegating SSLSocket.
 */
final class TappingSslSocketFactory extends SSLSocketFactory {
  private final SSLSocketFactory tls;
  private final Supplier<ConnectionTap> taps;

  TappingSslSocketFactory(SSLSocketFactory tls, Supplier<ConnectionTap> taps) {
    this.tls = tls;
    this.taps = taps;
  }

  private Socket wrap(Socket socket) {
    return new TappingSslSocket((SSLSocket) socket, taps.get());
  }

  @Override
  public Socket createSocket() throws IOException {
    return wrap(tls.createSocket());
  }

  @Override
  public Socket createSocket(Socket s, String host, int port, boolean autoClose)
      throws IOException {
    return wrap(tls.createSocket(s, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return wrap(tls.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return wrap(tls.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return wrap(tls.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return wrap(tls.createSocket(address, port, localAddress, localPort));
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return tls.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return tls.getSupportedCipherSuites();
  }

  /** An SSLSocket that is another SSLSocket, except that its streams pass through the tap. */
  static final class TappingSslSocket extends SSLSocket {
    private final SSLSocket socket;
    private final ConnectionTap tap;
    private InputStream in;
    private OutputStream out;

    TappingSslSocket(SSLSocket socket, ConnectionTap tap) {
      this.socket = socket;
      this.tap = tap;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (in == null) {
        in = new TappingSocketFactory.TapInputStream(socket.getInputStream(), tap);
      }
      return in;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
      if (out == null) {
        out = new TappingSocketFactory.TapOutputStream(socket.getOutputStream(), tap);
      }
      return out;
    }

    @Override
    public synchronized void close() throws IOException {
      try {
        socket.close();
      } finally {
        tap.close();
      }
    }

    // --- everything else is the wrapped socket's ---------------------------------------------

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
      socket.connect(endpoint);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      socket.connect(endpoint, timeout);
    }

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
      socket.bind(bindpoint);
    }

    @Override
    public InetAddress getInetAddress() {
      return socket.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
      return socket.getLocalAddress();
    }

    @Override
    public int getPort() {
      return socket.getPort();
    }

    @Override
    public int getLocalPort() {
      return socket.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
      return socket.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
      return socket.getLocalSocketAddress();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
      socket.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
      return socket.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
      socket.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
      return socket.getSoLinger();
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
      socket.setSoTimeout(timeout);
    }

    @Override
    public synchronized int getSoTimeout() throws SocketException {
      return socket.getSoTimeout();
    }

    @Override
    public synchronized void setSendBufferSize(int size) throws SocketException {
      socket.setSendBufferSize(size);
    }

    @Override
    public synchronized int getSendBufferSize() throws SocketException {
      return socket.getSendBufferSize();
    }

    @Override
    public synchronized void setReceiveBufferSize(int size) throws SocketException {
      socket.setReceiveBufferSize(size);
    }

    @Override
    public synchronized int getReceiveBufferSize() throws SocketException {
      return socket.getReceiveBufferSize();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
      socket.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
      return socket.getKeepAlive();
    }

    @Override
    public void shutdownInput() throws IOException {
      socket.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
      socket.shutdownOutput();
    }

    @Override
    public boolean isConnected() {
      return socket.isConnected();
    }

    @Override
    public boolean isBound() {
      return socket.isBound();
    }

    @Override
    public boolean isClosed() {
      return socket.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
      return socket.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
      return socket.isOutputShutdown();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return socket.getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
      return socket.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
      socket.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
      return socket.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
      return socket.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
      socket.setEnabledProtocols(protocols);
    }

    @Override
    public SSLSession getSession() {
      return socket.getSession();
    }

    @Override
    public SSLSession getHandshakeSession() {
      return socket.getHandshakeSession();
    }

    @Override
    public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
      socket.addHandshakeCompletedListener(listener);
    }

    @Override
    public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
      socket.removeHandshakeCompletedListener(listener);
    }

    @Override
    public void startHandshake() throws IOException {
      socket.startHandshake();
    }

    @Override
    public void setUseClientMode(boolean mode) {
      socket.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
      return socket.getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
      socket.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
      return socket.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
      socket.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
      return socket.getWantClientAuth();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
      socket.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
      return socket.getEnableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
      return socket.getSSLParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
      socket.setSSLParameters(params);
    }

    @Override
    public String getApplicationProtocol() {
      return socket.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
      return socket.getHandshakeApplicationProtocol();
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(
        BiFunction<SSLSocket, java.util.List<String>, String> selector) {
      socket.setHandshakeApplicationProtocolSelector(selector);
    }

    @Override
    public BiFunction<SSLSocket, java.util.List<String>, String>
        getHandshakeApplicationProtocolSelector() {
      return socket.getHandshakeApplicationProtocolSelector();
    }

    @Override
    public String toString() {
      return "Tapping" + socket;
    }
  }
}
