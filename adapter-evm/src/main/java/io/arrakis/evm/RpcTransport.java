package io.arrakis.evm;

/** Sends one JSON-RPC body (a request or a batch) to one endpoint and returns the raw answer. */
@FunctionalInterface
interface RpcTransport {
  String post(String body) throws RpcException;
}
