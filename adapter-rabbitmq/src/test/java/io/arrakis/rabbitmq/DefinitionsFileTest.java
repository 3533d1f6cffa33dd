package io.arrakis.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arrakis.messaging.Topology;
import io.arrakis.messaging.TopologyProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shipped definitions files are the code's topology, exactly. Run with {@code
 * -DupdateDefinitions=true} (infrastructure/rabbitmq/generate-definitions.sh) to rewrite them after
 * a deliberate topology change.
 */
class DefinitionsFileTest {
  private static final Path DIR = Path.of("..", "infrastructure", "rabbitmq");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @EnumSource(TopologyProfile.class)
  void shippedDefinitionsEqualTheCodesTopology(TopologyProfile profile) throws IOException {
    Path file = DIR.resolve(DefinitionsJson.fileName(profile));
    String rendered = DefinitionsJson.render(Topology.standard(profile));
    if (Boolean.getBoolean("updateDefinitions")) {
      Files.writeString(file, rendered);
    }
    assertThat(file).as("%s (regenerate with generate-definitions.sh)", file).exists();
    JsonNode shipped = JSON.readTree(file.toFile());
    assertThat(shipped)
        .as("%s differs from Topology.standard(%s); run generate-definitions.sh", file, profile)
        .isEqualTo(JSON.readTree(rendered));
  }

  @ParameterizedTest
  @EnumSource(TopologyProfile.class)
  void everyQueueIsDeclaredAndEveryWorkQueueDeadLetters(TopologyProfile profile)
      throws IOException {
    JsonNode doc = JSON.readTree(DefinitionsJson.render(Topology.standard(profile)));
    for (JsonNode queue : doc.get("queues")) {
      assertThat(queue.get("durable").asBoolean()).isTrue();
      String type = queue.get("arguments").get("x-queue-type").asText();
      assertThat(type).isEqualTo(profile == TopologyProfile.QUORUM ? "quorum" : "classic");
      if (profile == TopologyProfile.QUORUM) {
        assertThat(queue.get("arguments").has("x-max-priority"))
            .as("RabbitMQ < 4 rejects priorities on quorum queues: %s", queue.get("name"))
            .isFalse();
      }
    }
  }
}
