package io.arrakis.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRpcTest {

  private final List<String> sent = new ArrayList<>();

  private JsonRpc answering(String answer) {
    return new JsonRpc(
        body -> {
          sent.add(body);
          return answer;
        });
  }

  @Test
  void aSingleCall_isAPlainJsonRpc2Request() throws Exception {
    JsonNode result =
        answering("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10\"}")
            .call("eth_getLogs", Map.of("fromBlock", "0x1"));

    assertThat(result.asText()).isEqualTo("0x10");
    JsonNode request = JsonRpc.MAPPER.readTree(sent.get(0));
    assertThat(request.get("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(request.get("id").asLong()).isEqualTo(1);
    assertThat(request.get("method").asText()).isEqualTo("eth_getLogs");
    assertThat(request.get("params").get(0).get("fromBlock").asText()).isEqualTo("0x1");
  }

  @Test
  void aBatch_isOneArray_andResultsComeBackInCallOrderWhateverTheAnswerOrder() throws Exception {
    JsonRpc rpc =
        answering(
            "[{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":\"b\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"a\"}]");

    List<JsonNode> results =
        rpc.batch(
            List.of(
                new JsonRpc.Call("eth_call", List.of("x")),
                new JsonRpc.Call("eth_call", List.of("y"))));

    assertThat(results).extracting(JsonNode::asText).containsExactly("a", "b");
    assertThat(JsonRpc.MAPPER.readTree(sent.get(0)).isArray()).isTrue();
    assertThat(rpc.batch(List.of())).isEmpty();
    assertThat(sent).hasSize(1);
  }

  @Test
  void aJsonRpcServerError_isRetryable_andNamesTheMethodAndMessage() {
    JsonRpc rpc =
        answering(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32005,\"message\":\"limit exceeded\"}}");

    assertThatThrownBy(() -> rpc.call("eth_getLogs"))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessage("eth_getLogs returned JSON-RPC error -32005: limit exceeded");
  }

  @Test
  void aRevertOrUnknownMethod_isNotRetryable() {
    JsonRpc revert =
        answering(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":3,\"message\":\"execution reverted\"}}");
    JsonRpc unknown =
        answering(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"not found\"}}");

    assertThatThrownBy(() -> revert.call("eth_call"))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.retryable()).isFalse());
    assertThatThrownBy(() -> unknown.call("eth_foo"))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.retryable()).isFalse());
  }

  @Test
  void anErrorForOneCallOfABatch_failsTheWholeBatch() {
    JsonRpc rpc =
        answering(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-32000,\"message\":\"header not found\"}}]");

    assertThatThrownBy(
            () ->
                rpc.batch(
                    List.of(
                        new JsonRpc.Call("eth_call", List.of()),
                        new JsonRpc.Call("eth_call", List.of()))))
        .isInstanceOf(RpcException.class)
        .hasMessageContaining("header not found");
  }

  @Test
  void aBatchRejectedAsAWhole_isReportedAsABatchError() {
    JsonRpc rpc =
        answering(
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"batch too large\"}}");

    assertThatThrownBy(
            () ->
                rpc.batch(
                    List.of(
                        new JsonRpc.Call("eth_call", List.of()),
                        new JsonRpc.Call("eth_call", List.of()))))
        .hasMessage("batch returned JSON-RPC error -32600: batch too large");
  }

  @Test
  void aBatchWithAMissingAnswer_fails() {
    JsonRpc rpc = answering("[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}]");

    assertThatThrownBy(
            () ->
                rpc.batch(
                    List.of(
                        new JsonRpc.Call("eth_call", List.of()),
                        new JsonRpc.Call("eth_call", List.of()))))
        .hasMessage("no answer for eth_call in the batch");
  }

  @Test
  void malformedAnswers_fail() {
    assertThatThrownBy(() -> answering("<html>bad gateway</html>").call("eth_chainId"))
        .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageStartingWith("answer is not JSON");
    assertThatThrownBy(() -> answering("{\"jsonrpc\":\"2.0\",\"id\":1}").call("eth_chainId"))
        .hasMessageStartingWith("malformed JSON-RPC response");
    assertThatThrownBy(() -> answering("{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":1}").call("x"))
        .hasMessageStartingWith("malformed JSON-RPC response");
  }
}
