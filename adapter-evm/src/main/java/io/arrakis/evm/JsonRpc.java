package io.arrakis.evm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** JSON-RPC 2.0 requests and batches over one {@link RpcTransport}. */
final class JsonRpc {

  /** One method call of a batch. */
  record Call(String method, List<Object> params) {
    Call {
      params = List.copyOf(params);
    }
  }

  static final ObjectMapper MAPPER = new ObjectMapper();

  private final RpcTransport transport;
  private final AtomicLong ids = new AtomicLong();

  JsonRpc(RpcTransport transport) {
    this.transport = transport;
  }

  JsonNode call(String method, Object... params) throws RpcException {
    return batch(List.of(new Call(method, List.of(params)))).get(0);
  }

  /**
   * Sends the calls as one JSON-RPC batch (a single call goes as a plain request) and returns their
   * results in the order of {@code calls}. Any error in any answer fails the whole batch: a partial
   * read would silently drop balances.
   */
  List<JsonNode> batch(List<Call> calls) throws RpcException {
    if (calls.isEmpty()) {
      return List.of();
    }
    Map<Long, Integer> positions = new HashMap<>();
    List<ObjectNode> requests = new ArrayList<>();
    for (Call call : calls) {
      long id = ids.incrementAndGet();
      positions.put(id, requests.size());
      ObjectNode request = MAPPER.createObjectNode();
      request.put("jsonrpc", "2.0");
      request.put("id", id);
      request.put("method", call.method());
      request.set("params", MAPPER.valueToTree(call.params()));
      requests.add(request);
    }
    JsonNode body =
        requests.size() == 1 ? requests.get(0) : MAPPER.createArrayNode().addAll(requests);
    JsonNode answer = parse(transport.post(body.toString()));
    List<JsonNode> responses = new ArrayList<>();
    if (answer.isArray()) {
      answer.forEach(responses::add);
    } else {
      responses.add(answer);
    }
    JsonNode[] results = new JsonNode[calls.size()];
    for (JsonNode response : responses) {
      Integer position = positions.get(response.path("id").asLong(-1));
      if (response.hasNonNull("error")) {
        // A server answering a batch with one error object (no id) rejects the batch as a whole.
        String method = position == null ? "batch" : calls.get(position).method();
        throw errorOf(method, response.get("error"));
      }
      if (position == null || !response.has("result")) {
        throw new RpcException("malformed JSON-RPC response: " + abbreviate(response), false);
      }
      results[position] = response.get("result");
    }
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) {
        throw new RpcException("no answer for " + calls.get(i).method() + " in the batch", true);
      }
    }
    return List.of(results);
  }

  private static RpcException errorOf(String method, JsonNode error) {
    int code = error.path("code").asInt(0);
    String message = error.path("message").asText("no message");
    // -32000..-32099 are server errors (overloaded, limits, header not found yet): retry them.
    // Invalid requests, unknown methods and reverts (3) would fail the same way again.
    boolean retryable = code <= -32000 && code >= -32099 || code == -32603 || code == 0;
    return new RpcException(
        method + " returned JSON-RPC error " + code + ": " + message, retryable);
  }

  private static JsonNode parse(String body) throws RpcException {
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new RpcException("answer is not JSON: " + abbreviate(body), true, e);
    }
  }

  private static String abbreviate(Object value) {
    String text = String.valueOf(value);
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }
}
