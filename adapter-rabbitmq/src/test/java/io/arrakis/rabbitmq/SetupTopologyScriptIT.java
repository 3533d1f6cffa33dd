package io.arrakis.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.messaging.Topology;
import io.arrakis.messaging.TopologyProfile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** infrastructure/rabbitmq/setup-topology.sh against fresh virtual hosts of the real broker. */
class SetupTopologyScriptIT {
  private static final Path SCRIPT =
      Path.of("..", "infrastructure", "rabbitmq", "setup-topology.sh");
  private final List<String> vhosts = new ArrayList<>();

  record Run(int exitCode, String output) {}

  private String freshVhost() {
    String vhost = "it-setup-" + UUID.randomUUID().toString().substring(0, 8);
    vhosts.add(vhost);
    return vhost;
  }

  @AfterEach
  void deleteVhosts() throws Exception {
    for (String vhost : vhosts) {
      TestBroker.management("DELETE", "/api/vhosts/" + TestBroker.encode(vhost));
    }
  }

  private static Run run(String vhost, String topology, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("RABBITMQ_MANAGEMENT_URL", TestBroker.MANAGEMENT);
    pb.environment().put("RABBITMQ_VHOST", vhost);
    pb.environment().put("RABBITMQ_TOPOLOGY", topology);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  @Test
  void givenAFreshBroker_whenRunTwice_thenTheSecondRunChangesNothingAndSaysSo() throws Exception {
    String vhost = freshVhost();

    Run first = run(vhost, "classic-priority");
    Run second = run(vhost, "classic-priority");

    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.output())
        .contains("created queue arrakis.interactions")
        .contains("conflicts 0");
    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.output())
        .contains("created 0")
        .contains("nothing to change: the broker already has this topology")
        .doesNotContain("created queue");
  }

  @Test
  void givenTheCodesDeclarations_whenTheScriptRuns_thenItFindsNothingToChange() throws Exception {
    for (TopologyProfile profile : TopologyProfile.values()) {
      String vhost = freshVhost();
      assertThat(TestBroker.management("PUT", "/api/vhosts/" + TestBroker.encode(vhost)))
          .isBetween(200, 204);
      assertThat(
              TestBroker.management(
                  "PUT",
                  "/api/permissions/" + TestBroker.encode(vhost) + "/guest",
                  "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"))
          .isBetween(200, 204);
      URI uri =
          URI.create("amqp://guest:guest@" + TestBroker.HOST + ":5672/" + TestBroker.encode(vhost));
      try (RabbitMq rabbit =
          RabbitMq.start(
              RabbitMqSettings.defaults(uri, "setup-it"),
              Topology.standard(profile),
              new SimpleMeterRegistry())) {
        assertThat(rabbit.topology().profile()).isEqualTo(profile);
      }

      Run check = run(vhost, profile.configName());

      assertThat(check.exitCode()).as(check.output()).isZero();
      assertThat(check.output()).as(profile.configName()).contains("nothing to change");
    }
  }

  @Test
  void givenAnotherProfileAlreadyApplied_thenConflictsAreReportedAndNothingIsChanged()
      throws Exception {
    String vhost = freshVhost();
    assertThat(run(vhost, "classic-priority").exitCode()).isZero();

    Run conflicting = run(vhost, "quorum");

    assertThat(conflicting.exitCode()).isEqualTo(3);
    assertThat(conflicting.output()).contains("CONFLICT queue arrakis.interactions");
    assertThat(run(vhost, "classic-priority").output()).contains("nothing to change");
  }

  @Test
  void givenDryRun_thenNothingIsCreated() throws Exception {
    String vhost = freshVhost();

    Run dry = run(vhost, "classic-priority", "--dry-run");

    assertThat(dry.exitCode()).as(dry.output()).isZero();
    assertThat(dry.output()).contains("would create queue arrakis.interactions");
    assertThat(TestBroker.management("GET", "/api/vhosts/" + TestBroker.encode(vhost)))
        .isEqualTo(404);
  }
}
