package io.arrakis.jda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GatewayFrameTest {
  private static GatewayFrame read(String json) throws Exception {
    return GatewayFrame.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void givenADispatch_thenTheDataIsTheExactOriginalBytes() throws Exception {
    String d =
        "{ \"id\" : \"1\",\n \"name\":\"caf\\u00e9 ☕\", \"nested\": {\"a\": [1, 2.50, null]} }";
    GatewayFrame f = read("{\"t\":\"MESSAGE_CREATE\",\"s\":42,\"op\":0,\"d\":" + d + "}");
    assertThat(f.op()).isZero();
    assertThat(f.sequence()).isEqualTo(42);
    assertThat(f.type()).isEqualTo("MESSAGE_CREATE");
    assertThat(new String(f.data(), StandardCharsets.UTF_8)).isEqualTo(d);
  }

  @Test
  void givenDataBeforeTheOtherFields_thenStillExact() throws Exception {
    GatewayFrame f = read("{\"d\":{\"x\":\"}\"},\"op\":0,\"s\":1,\"t\":\"X\"}");
    assertThat(new String(f.data(), StandardCharsets.UTF_8)).isEqualTo("{\"x\":\"}\"}");
    assertThat(f.type()).isEqualTo("X");
  }

  @Test
  void givenAHeartbeatAck_thenNoSequenceNoTypeNoData() throws Exception {
    GatewayFrame f = read("{\"op\":11,\"s\":null,\"t\":null,\"d\":null}");
    assertThat(f.op()).isEqualTo(11);
    assertThat(f.sequence()).isEqualTo(GatewayFrame.NO_SEQUENCE);
    assertThat(f.type()).isNull();
    assertThat(f.hasData()).isFalse();
  }

  @Test
  void givenAnInvalidSession_thenTheScalarIsKept() throws Exception {
    assertThat(read("{\"op\":9,\"d\":false}").scalar()).isEqualTo("false");
  }
}
