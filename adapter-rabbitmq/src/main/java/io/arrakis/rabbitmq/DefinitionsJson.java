package io.arrakis.rabbitmq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.messaging.Topology;
import io.arrakis.messaging.TopologyProfile;
import java.io.IOException;
import java.util.Map;

/**
 * Renders a {@link Topology} in RabbitMQ's definitions format (what the management API imports and
 * {@code setup-topology.sh} applies), so the file in {@code infrastructure/rabbitmq} and the code's
 * declarations cannot drift apart: a test compares them, and {@link GenerateDefinitionsMain}
 * regenerates the files.
 */
public final class DefinitionsJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DefinitionsJson() {}

  /** The definitions document of a topology, without vhost (the script supplies it). */
  public static String render(Topology topology) {
    ObjectNode root = JSON.createObjectNode();
    root.put(
        "_comment",
        "Generated from io.arrakis.messaging.Topology (profile "
            + topology.profile().configName()
            + "). Do not edit: run infrastructure/rabbitmq/generate-definitions.sh to regenerate.");
    ArrayNode exchanges = root.putArray("exchanges");
    for (Topology.ExchangeSpec e : topology.exchanges()) {
      ObjectNode node = exchanges.addObject();
      node.put("name", e.name());
      node.put("type", e.type());
      node.put("durable", true);
      node.put("auto_delete", false);
      node.put("internal", false);
      node.putObject("arguments");
    }
    ArrayNode queues = root.putArray("queues");
    for (Topology.QueueSpec q : topology.queues()) {
      ObjectNode node = queues.addObject();
      node.put("name", q.name());
      node.put("durable", true);
      node.put("auto_delete", false);
      putArguments(node.putObject("arguments"), q.arguments());
    }
    ArrayNode bindings = root.putArray("bindings");
    for (Topology.BindingSpec b : topology.bindings()) {
      ObjectNode node = bindings.addObject();
      node.put("source", b.exchange());
      node.put("destination", b.queue());
      node.put("destination_type", "queue");
      node.put("routing_key", b.routingKey());
      putArguments(node.putObject("arguments"), b.arguments());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static void putArguments(ObjectNode node, Map<String, Object> arguments) {
    arguments.forEach(
        (name, value) -> {
          if (value instanceof Integer i) {
            node.put(name, i);
          } else if (value instanceof Long l) {
            node.put(name, l);
          } else {
            node.put(name, value.toString());
          }
        });
  }

  /** The file name of a profile's definitions in {@code infrastructure/rabbitmq}. */
  public static String fileName(TopologyProfile profile) {
    return profile == TopologyProfile.CLASSIC_PRIORITY
        ? "definitions.json"
        : "definitions-" + profile.configName() + ".json";
  }
}
