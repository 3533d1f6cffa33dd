package io.arrakis.rabbitmq;

import io.arrakis.messaging.Topology;
import io.arrakis.messaging.TopologyProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes each profile's definitions file; run after changing {@link Topology}. */
public final class GenerateDefinitionsMain {
  private GenerateDefinitionsMain() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "infrastructure/rabbitmq");
    Files.createDirectories(dir);
    for (TopologyProfile profile : TopologyProfile.values()) {
      Path file = dir.resolve(DefinitionsJson.fileName(profile));
      Files.writeString(file, DefinitionsJson.render(Topology.standard(profile)));
      System.out.println("wrote " + file);
    }
  }
}
