package io.arrakis.ingestor;

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

  HealthServer create(Supplier<HealthServer.Report> report) throws IOException {
    return new HealthServer(config.healthHost(), config.healthPort(), report, metrics);
  }
}
