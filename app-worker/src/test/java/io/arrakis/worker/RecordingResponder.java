package io.arrakis.worker;

import io.arrakis.discord.InteractionResponder;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.InteractionToken;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.ResponseOutcome;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Records every call and answers with a configurable outcome ({@code Sent} by default). */
final class RecordingResponder implements InteractionResponder {

  /** One call: the method, the interaction it answered and what it sent (null for a delete). */
  record Call(String method, InteractionToken token, Object payload) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile Supplier<ResponseOutcome> outcome = RecordingResponder::sent;

  static ResponseOutcome sent() {
    return new ResponseOutcome.Sent(OptionalLong.empty(), 1, true);
  }

  static ResponseOutcome unavailable() {
    return new ResponseOutcome.Unavailable("503 from Discord", 3, false);
  }

  static ResponseOutcome rejected() {
    return new ResponseOutcome.Rejected(
        ResponseOutcome.Reason.INVALID_FORM, 400, 50035, "Invalid Form Body", 1);
  }

  RecordingResponder answering(Supplier<ResponseOutcome> next) {
    this.outcome = next;
    return this;
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The initial responses (callbacks) sent. */
  List<InteractionResponse> responses() {
    return calls.stream()
        .filter(c -> c.method().equals("respond"))
        .map(c -> (InteractionResponse) c.payload())
        .toList();
  }

  @Override
  public ResponseOutcome respond(InteractionToken interaction, InteractionResponse response) {
    calls.add(new Call("respond", interaction, response));
    return outcome.get();
  }

  @Override
  public ResponseOutcome followup(InteractionToken interaction, MessagePayload message) {
    calls.add(new Call("followup", interaction, message));
    return outcome.get();
  }

  @Override
  public ResponseOutcome editOriginal(InteractionToken interaction, MessagePayload message) {
    calls.add(new Call("editOriginal", interaction, message));
    return outcome.get();
  }

  @Override
  public ResponseOutcome deleteOriginal(InteractionToken interaction) {
    calls.add(new Call("deleteOriginal", interaction, null));
    return outcome.get();
  }
}
