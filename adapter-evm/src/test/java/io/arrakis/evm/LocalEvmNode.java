package io.arrakis.evm;

import com.fasterxml.jackson.databind.JsonNode;
import io.arrakis.domain.common.Address;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real EVM JSON-RPC node for the integration test: installs ganache and solc-js with {@code npm
 * ci} from the committed lock file (once per lock file, into {@code target/evm-node}), compiles the
 * test ERC-20 with solc-js, starts ganache as a child process on a free 127.0.0.1 port and kills it
 * on {@link #close()}. The node's unlocked, pre-funded accounts send the test's transactions.
 */
final class LocalEvmNode implements AutoCloseable {

  static final long CHAIN_ID = 31337;

  private static final Logger log = LoggerFactory.getLogger(LocalEvmNode.class);
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final List<String> COPIED =
      List.of("package.json", "package-lock.json", "compile.js", "contracts/SietchTestToken.sol");

  private final Path dir;
  private final Process process;
  private final URI url;
  private final JsonRpc rpc;
  private final Thread shutdownHook;

  private LocalEvmNode(Path dir, Process process, URI url) {
    this.dir = dir;
    this.process = process;
    this.url = url;
    this.rpc =
        new JsonRpc(new HttpRpcTransport(HttpClient.newHttpClient(), url, Duration.ofSeconds(60)));
    this.shutdownHook = new Thread(this::kill, "stop-ganache");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Installs what is missing, then starts ganache and waits until it answers. */
  static LocalEvmNode start() throws Exception {
    Path sources =
        Path.of(System.getProperty("evm.node.sources", "src/test/node")).toAbsolutePath();
    Path dir = Path.of(System.getProperty("evm.node.dir", "target/evm-node")).toAbsolutePath();
    requireNode();
    install(sources, dir);
    IOException lastFailure = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      // The port is free when chosen; another process may take it before ganache binds: retry.
      int port = freePort();
      Process process = startGanache(dir, port);
      URI url = URI.create("http://127.0.0.1:" + port);
      try {
        LocalEvmNode node = new LocalEvmNode(dir, process, url);
        node.awaitReady();
        return node;
      } catch (IOException e) {
        lastFailure = e;
        destroy(process);
      }
    }
    throw lastFailure;
  }

  URI url() {
    return url;
  }

  JsonRpc rpc() {
    return rpc;
  }

  /** Compiles the test token with solc-js: its creation bytecode and method selectors. */
  Compiled compileToken() throws Exception {
    String out =
        run(dir, Duration.ofSeconds(120), dir.resolve("compile.log"), "node", "compile.js");
    JsonNode json = JsonRpc.MAPPER.readTree(out);
    Map<String, String> methods =
        JsonRpc.MAPPER.convertValue(
            json.get("methods"),
            new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
    return new Compiled(json.get("bytecode").asText(), methods);
  }

  record Compiled(String bytecode, Map<String, String> selectors) {
    String call(String signature, String... words) {
      String selector = selectors.get(signature);
      if (selector == null) {
        throw new IllegalArgumentException("no method " + signature + " in " + selectors.keySet());
      }
      return "0x" + selector + String.join("", words);
    }
  }

  List<Address> accounts() throws RpcException {
    List<Address> accounts = new ArrayList<>();
    rpc.call("eth_accounts").forEach(a -> accounts.add(new Address(a.asText())));
    return accounts;
  }

  /**
   * Sends a transaction from an unlocked account, waits for its receipt and checks it succeeded.
   */
  JsonNode transact(Address from, @Nullable Address to, String data) throws RpcException {
    Map<String, String> tx =
        to == null
            ? Map.of("from", from.value(), "data", data, "gas", "0x4c4b40")
            : Map.of("from", from.value(), "to", to.value(), "data", data, "gas", "0x4c4b40");
    String hash = rpc.call("eth_sendTransaction", tx).asText();
    JsonNode receipt = rpc.call("eth_getTransactionReceipt", hash);
    if (receipt.isNull() || !"0x1".equals(receipt.path("status").asText())) {
      throw new IllegalStateException("transaction " + hash + " failed: " + receipt);
    }
    return receipt;
  }

  void mine(int blocks) throws RpcException {
    rpc.call("evm_mine", Map.of("blocks", blocks));
  }

  long blockNumber() throws RpcException {
    return Abi.parseQuantity(rpc.call("eth_blockNumber").asText());
  }

  String keccak(String text) throws RpcException {
    StringBuilder hex = new StringBuilder("0x");
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hex.append(String.format("%02x", b));
    }
    return rpc.call("web3_sha3", hex.toString()).asText();
  }

  static String amount(long tokens) {
    return Abi.word(BigInteger.valueOf(tokens).multiply(BigInteger.TEN.pow(18)));
  }

  @Override
  public void close() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running already
    }
  }

  private void kill() {
    destroy(process);
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    JsonRpc probe =
        new JsonRpc(new HttpRpcTransport(HttpClient.newHttpClient(), url, Duration.ofSeconds(2)));
    RpcException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "ganache exited with " + process.exitValue() + ": " + tail(dir.resolve("ganache.log")));
      }
      try {
        long chainId = Abi.parseQuantity(probe.call("eth_chainId").asText());
        if (chainId != CHAIN_ID) {
          throw new IllegalStateException("unexpected chain id " + chainId + " at " + url);
        }
        log.info("ganache answers on {}", url);
        return;
      } catch (RpcException e) {
        last = e;
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException(
        "ganache did not answer on "
            + url
            + " within "
            + START_TIMEOUT.toSeconds()
            + " s ("
            + (last == null ? "" : last.getMessage())
            + "): "
            + tail(dir.resolve("ganache.log")));
  }

  private static Process startGanache(Path dir, int port) throws IOException {
    Path cli = dir.resolve("node_modules/ganache/dist/node/cli.js");
    ProcessBuilder builder =
        new ProcessBuilder(
                "node",
                cli.toString(),
                "--server.host",
                "127.0.0.1",
                "--server.port",
                String.valueOf(port),
                "--chain.chainId",
                String.valueOf(CHAIN_ID),
                "--chain.hardfork",
                "shanghai",
                "--wallet.deterministic",
                "--wallet.totalAccounts",
                "10",
                "--logging.quiet")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("ganache.log").toFile());
    log.info("starting ganache on 127.0.0.1:{}", port);
    return builder.start();
  }

  private static void install(Path sources, Path dir) throws Exception {
    Files.createDirectories(dir.resolve("contracts"));
    for (String file : COPIED) {
      Files.copy(sources.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    // npm ci wipes and reinstalls node_modules; skip it while the installed lock file is unchanged.
    Path marker = dir.resolve("node_modules/.sietch-installed-lock.json");
    Path lock = dir.resolve("package-lock.json");
    if (Files.exists(marker) && Files.mismatch(marker, lock) == -1) {
      log.info("ganache and solc-js already installed in {}", dir);
      return;
    }
    long started = System.nanoTime();
    run(
        dir,
        INSTALL_TIMEOUT,
        dir.resolve("npm-ci.log"),
        "npm",
        "ci",
        "--no-audit",
        "--no-fund",
        "--prefer-offline");
    Files.copy(lock, marker, StandardCopyOption.REPLACE_EXISTING);
    log.info("npm ci took {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  private static void requireNode() throws Exception {
    try {
      String version = run(Path.of("."), Duration.ofSeconds(30), null, "node", "--version").strip();
      int major = Integer.parseInt(version.replaceFirst("^v(\\d+).*$", "$1"));
      if (major < 16) {
        throw new IllegalStateException(
            "the EVM integration test needs Node.js >= 16, found " + version);
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "the EVM integration test needs Node.js and npm on the PATH (it installs ganache with npm ci)",
          e);
    }
  }

  /** Runs a command to completion; returns stdout, or fails with the log's tail. */
  private static String run(Path dir, Duration timeout, Path logFile, String... command)
      throws Exception {
    Path out = Files.createTempFile("evm-it", ".out");
    Path err = logFile == null ? Files.createTempFile("evm-it", ".err") : logFile;
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        destroy(process);
        throw new IllegalStateException(
            String.join(" ", command)
                + " timed out after "
                + timeout.toSeconds()
                + " s: "
                + tail(err));
      }
      String stdout = Files.readString(out);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command)
                + " exited with "
                + process.exitValue()
                + ": "
                + tail(err)
                + tailOf(stdout));
      }
      return stdout;
    } finally {
      Files.deleteIfExists(out);
      if (logFile == null) {
        Files.deleteIfExists(err);
      }
    }
  }

  private static void destroy(Process process) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path file) {
    try {
      return tailOf(Files.readString(file));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static String tailOf(String text) {
    return text.length() <= 2000 ? text : "…" + text.substring(text.length() - 2000);
  }
}
