package io.arrakis.evm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.domain.common.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chain in memory behind the {@link RpcTransport} seam, for unit tests of windowing and batching
 * (the integration test uses a real node). It records every request body and can fail the next
 * {@code n} requests.
 */
final class ScriptedChain implements RpcTransport {

  private final long chainId;
  private long head;
  private final List<ObjectNode> logs = new ArrayList<>();
  private final Map<Address, BigInteger> balances = new HashMap<>();
  final List<JsonNode> requests = new ArrayList<>();
  private final AtomicInteger failuresToServe = new AtomicInteger();
  private RpcException failure = new RpcException("HTTP 503", true);

  ScriptedChain(long chainId, long head) {
    this.chainId = chainId;
    this.head = head;
  }

  ScriptedChain head(long block) {
    this.head = block;
    return this;
  }

  ScriptedChain transfer(long block, Address from, Address to) {
    ObjectNode log = JsonRpc.MAPPER.createObjectNode();
    log.put("blockNumber", Abi.quantity(block));
    ArrayNode topics = log.putArray("topics");
    topics.add(Abi.TRANSFER_TOPIC);
    topics.add("0x" + Abi.word(from));
    topics.add("0x" + Abi.word(to));
    log.put("removed", false);
    logs.add(log);
    return this;
  }

  ScriptedChain balance(Address owner, long amount) {
    balances.put(owner, BigInteger.valueOf(amount));
    return this;
  }

  ScriptedChain failNext(int count, RpcException error) {
    failuresToServe.set(count);
    failure = error;
    return this;
  }

  List<String> methods() {
    List<String> methods = new ArrayList<>();
    for (JsonNode request : requests) {
      if (request.isArray()) {
        request.forEach(r -> methods.add(r.get("method").asText()));
      } else {
        methods.add(request.get("method").asText());
      }
    }
    return methods;
  }

  List<JsonNode> calls(String method) {
    List<JsonNode> calls = new ArrayList<>();
    for (JsonNode request : requests) {
      (request.isArray() ? request : JsonRpc.MAPPER.createArrayNode().add(request))
          .forEach(
              r -> {
                if (r.get("method").asText().equals(method)) {
                  calls.add(r);
                }
              });
    }
    return calls;
  }

  @Override
  public String post(String body) throws RpcException {
    JsonNode request;
    try {
      request = JsonRpc.MAPPER.readTree(body);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    requests.add(request);
    if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw failure;
    }
    if (request.isArray()) {
      ArrayNode answers = JsonRpc.MAPPER.createArrayNode();
      // Answer in reverse order: JSON-RPC batches may come back in any order.
      for (int i = request.size() - 1; i >= 0; i--) {
        answers.add(answer(request.get(i)));
      }
      return answers.toString();
    }
    return answer(request).toString();
  }

  private ObjectNode answer(JsonNode request) {
    ObjectNode response = JsonRpc.MAPPER.createObjectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", request.get("id"));
    JsonNode params = request.path("params");
    switch (request.get("method").asText()) {
      case "eth_chainId" -> response.put("result", Abi.quantity(chainId));
      case "eth_blockNumber" -> response.put("result", Abi.quantity(head));
      case "eth_getLogs" -> {
        long from = Abi.parseQuantity(params.get(0).get("fromBlock").asText());
        long to = Abi.parseQuantity(params.get(0).get("toBlock").asText());
        ArrayNode result = response.putArray("result");
        for (ObjectNode log : logs) {
          long block = Abi.parseQuantity(log.get("blockNumber").asText());
          if (block >= from && block <= to) {
            result.add(log);
          }
        }
      }
      case "eth_call" -> {
        String data = params.get(0).get("data").asText();
        Address owner = new Address("0x" + data.substring(data.length() - 40));
        response.put("result", "0x" + Abi.word(balances.getOrDefault(owner, BigInteger.ZERO)));
      }
      default -> {
        ObjectNode error = response.putObject("error");
        error.put("code", -32601);
        error.put("message", "method not found");
      }
    }
    return response;
  }
}
