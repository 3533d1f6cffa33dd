package io.arrakis.jda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebSocketFrameParserTest {
  private final List<String> messages = new ArrayList<>();
  private final WebSocketFrameParser parser =
      new WebSocketFrameParser(
          (op, payload) -> messages.add(op + ":" + new String(payload, StandardCharsets.UTF_8)));

  private void feedByteByByte(byte[] bytes) {
    for (byte b : bytes) {
      parser.feed(new byte[] {b}, 0, 1);
    }
  }

  @Test
  void givenTheUpgradeAndTwoFrames_inOneChunk_thenBothMessagesAfterTheHeaders() {
    byte[] bytes =
        FrameBytes.concat(
            FrameBytes.httpUpgrade(), FrameBytes.text("{\"a\":1}"), FrameBytes.text("{\"b\":2}"));
    parser.feed(bytes, 0, bytes.length);
    assertThat(messages).containsExactly("1:{\"a\":1}", "1:{\"b\":2}");
  }

  @Test
  void givenFramesSplitAtEveryByte_thenTheSameMessages() {
    feedByteByByte(
        FrameBytes.concat(
            FrameBytes.httpUpgrade(),
            FrameBytes.text("{\"a\":1}"),
            FrameBytes.text("x".repeat(70_000))));
    assertThat(messages).hasSize(2);
    assertThat(messages.get(1)).hasSize(2 + 70_000);
  }

  @Test
  void givenAFragmentedMessageWithAPingInBetween_thenOneReassembledMessage() {
    byte[] bytes =
        FrameBytes.concat(
            FrameBytes.httpUpgrade(),
            FrameBytes.frame(false, 1, "{\"par".getBytes(StandardCharsets.UTF_8), false),
            FrameBytes.frame(true, 9, new byte[0], false),
            FrameBytes.frame(true, 0, "t\":3}".getBytes(StandardCharsets.UTF_8), false));
    parser.feed(bytes, 0, bytes.length);
    assertThat(messages).containsExactly("1:{\"part\":3}");
  }

  @Test
  void givenMaskedClientFrames_thenTheyAreUnmasked() {
    byte[] request = "GET /?v=10 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = FrameBytes.concat(request, FrameBytes.clientText("{\"op\":2}"));
    parser.feed(bytes, 0, bytes.length);
    assertThat(messages).containsExactly("1:{\"op\":2}");
  }

  @Test
  void givenACloseFrame_thenLaterBytesAreIgnored() {
    byte[] bytes =
        FrameBytes.concat(
            FrameBytes.httpUpgrade(),
            FrameBytes.frame(true, 8, new byte[] {0x03, (byte) 0xe8}, false),
            FrameBytes.text("{}"));
    parser.feed(bytes, 0, bytes.length);
    assertThat(messages).isEmpty();
  }

  @Test
  void givenAnAbsurdLength_thenItSaysTheStreamIsOutOfSync() {
    byte[] bad = {(byte) 0x81, 127, 0x7f, -1, -1, -1, -1, -1, -1, -1};
    byte[] bytes = FrameBytes.concat(FrameBytes.httpUpgrade(), bad);
    assertThatThrownBy(() -> parser.feed(bytes, 0, bytes.length))
        .hasMessageContaining("out of sync");
  }
}
