package io.arrakis.worker;

import io.arrakis.app.ConfigException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar app-worker.jar [MODE]}, configured by the environment:
 *
 * <ul>
 *   <li>no mode: the serving worker (stopped by SIGTERM; refuses {@code DISCORD_BOT_TOKEN});
 *   <li>{@code register-commands [--guild ID]}: bulk-overwrites the slash commands at deploy time;
 *       the only mode that takes the bot token;
 *   <li>{@code migrate}: applies the database migrations as the migration role;
 *   <li>{@code seed-demo --guild ID --members ID,ID,…}: a demo community for local runs;
 *   <li>{@code run-job --list | NAME [--period ISO-INSTANT]}: lists the scheduled jobs, or runs one
 *       now under the same lease and {@code job_runs} record as the scheduler.
 * </ul>
 *
 * Exit codes: 0 done, 1 failed, 2 bad configuration or usage.
 */
public final class WorkerMain {
  static {
    // Before the first logger exists: LOG_FORMAT=text picks the human-readable layout.
    if ("text".equalsIgnoreCase(System.getenv("LOG_FORMAT"))
        && System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "logback-text.xml");
    }
  }

  private static final Logger log = LoggerFactory.getLogger(WorkerMain.class);

  private WorkerMain() {}

  public static void main(String[] args) throws InterruptedException, java.io.IOException {
    String mode = args.length == 0 ? "serve" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    int exit;
    try {
      exit =
          switch (mode) {
            case "serve" -> serve();
            case "register-commands" -> RegisterCommands.run(rest, System.getenv(), System.out);
            case "migrate" -> Migrate.run(System.getenv(), System.out);
            case "seed-demo" -> DemoCommunity.run(rest, System.getenv(), System.out);
            case "run-job" -> RunJob.run(rest, System.getenv(), System.out);
            case "-h", "--help", "help" -> usage(0);
            default -> usage(2);
          };
    } catch (ConfigException | IllegalArgumentException ex) {
      System.err.println("worker " + mode + ": " + ex.getMessage());
      exit = 2;
    }
    if (exit != Integer.MIN_VALUE) {
      System.exit(exit);
    }
  }

  private static int usage(int exit) {
    (exit == 0 ? System.out : System.err)
        .println(
            "usage: java -jar app-worker.jar [serve | register-commands [--guild ID] | migrate |"
                + " seed-demo --guild ID --members ID,ID,... | run-job --list |"
                + " run-job NAME [--period ISO-INSTANT]]");
    return exit;
  }

  /** Runs until SIGTERM; returns {@link Integer#MIN_VALUE} to leave the exit to the JVM. */
  private static int serve() throws InterruptedException, java.io.IOException {
    WorkerConfig config = WorkerConfig.fromEnvironment(System.getenv());
    Worker worker;
    try {
      worker = DaggerWorkerComponent.factory().create(config).worker();
    } catch (RuntimeException ex) {
      log.error("worker could not start: {}", ex.getMessage(), ex);
      System.err.println("worker: could not start: " + ex.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  worker.close();
                  stopped.countDown();
                },
                "worker-shutdown"));
    worker.start();
    stopped.await();
    return Integer.MIN_VALUE;
  }
}
