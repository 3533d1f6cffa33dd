package io.arrakis.jda.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.arrakis.discord.MessageFlag;
import io.arrakis.discord.MessagePayload;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageJsonTest {

  /**
   * The responder's encoder is package-private in {@code responder}; reading it reflectively here
   * keeps the two encodings from drifting apart without widening its visibility.
   */
  @Test
  void encode_writesExactlyWhatTheInteractionResponderWrites() throws Exception {
    Class<?> payloadJson = Class.forName("io.arrakis.jda.responder.PayloadJson");
    Method message = payloadJson.getDeclaredMethod("message", MessagePayload.class);
    message.setAccessible(true);

    for (MessagePayload p :
        List.of(
            Actions.richMessage(),
            MessagePayload.text("plain"),
            MessagePayload.ephemeralText("only you"))) {
      assertThat(MessageJson.encode(p)).isEqualTo((JsonNode) message.invoke(null, p));
    }
  }

  @Test
  void givenEveryPart_decodeOfEncode_isTheSameMessage() {
    MessagePayload p = Actions.richMessage();

    assertThat(MessageJson.decode(MessageJson.encode(p), "message")).isEqualTo(p);
  }

  @Test
  void givenEveryFlag_decodeOfEncode_keepsThem() {
    MessagePayload p =
        MessagePayload.builder()
            .content("x")
            .flag(MessageFlag.EPHEMERAL)
            .flag(MessageFlag.SUPPRESS_EMBEDS)
            .flag(MessageFlag.SUPPRESS_NOTIFICATIONS)
            .build();

    assertThat(MessageJson.decode(MessageJson.encode(p), "message").flags())
        .containsExactlyInAnyOrder(MessageFlag.values());
  }

  @Test
  void givenDiscordsNullsForAbsentParts_decode_readsThemAsAbsent() throws Exception {
    JsonNode json =
        new ObjectMapper()
            .readTree("{\"content\":null,\"embeds\":null,\"components\":null,\"flags\":null}");

    assertThat(MessageJson.decode(json, "message")).isEqualTo(MessagePayload.text(""));
  }

  @Test
  void givenSomethingThatIsNotAnObject_decode_namesThePathItWasGiven() throws Exception {
    JsonNode json = new ObjectMapper().readTree("[]");

    assertThatThrownBy(() -> MessageJson.decode(json, "data.message"))
        .isInstanceOf(MalformedActionException.class)
        .hasMessage("field data.message must be an object");
  }
}
