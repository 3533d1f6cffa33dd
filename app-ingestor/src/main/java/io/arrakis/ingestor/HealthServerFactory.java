package io.arrakis.ingestor;

import io.arrakis.app.Health;
import io.arrakis.app.OpsServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.function.Supplier;
import javax.inject.Inject;

/** Builds the health server once the report it serves exists. */
final class HealthServerFactory {
  private final IngestorConfig config;
  private final PrometheusMeterRegistry metrics;

  @Inject
  HealthServerFactory(IngestorConfig config, PrometheusMeterRegistry metrics) {
    this.config = config;
    this.metrics = metrics;
  }

  OpsServer create(Supplier<Health> report) throws IOException {
    return new OpsServer(config.healthHost(), config.healthPort(), report, metrics);
  }
}
