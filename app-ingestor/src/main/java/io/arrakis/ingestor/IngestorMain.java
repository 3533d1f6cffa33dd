package io.arrakis.ingestor;

import io.arrakis.app.ConfigException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar app-ingestor.jar}: configured by the environment, stopped by SIGTERM. */
public final class IngestorMain {
  static {
    // Before the first logger exists: LOG_FORMAT=text picks the human-readable layout.
    if ("text".equalsIgnoreCase(System.getenv("LOG_FORMAT"))
        && System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "logback-text.xml");
    }
  }

  private static final Logger log = LoggerFactory.getLogger(IngestorMain.class);

  private IngestorMain() {}

  public static void main(String[] args) throws InterruptedException, java.io.IOException {
    IngestorConfig config;
    try {
      config = IngestorConfig.fromEnvironment(System.getenv());
    } catch (ConfigException ex) {
      System.err.println("ingestor: " + ex.getMessage());
      System.exit(2);
      return;
    }
    Ingestor ingestor;
    try {
      ingestor = DaggerIngestorComponent.factory().create(config).ingestor();
    } catch (RuntimeException ex) {
      log.error("ingestor could not start: {}", ex.getMessage(), ex);
      System.err.println("ingestor: could not start: " + ex.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  ingestor.close();
                  stopped.countDown();
                },
                "ingestor-shutdown"));
    ingestor.start();
    stopped.await();
  }
}
