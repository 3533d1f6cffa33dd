package io.arrakis.ingestor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DispatchFieldsTest {
  private static DispatchFields read(String json) throws Exception {
    return DispatchFields.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheTopLevelFieldsAndSkipsNestedLookalikes() throws Exception {
    DispatchFields f =
        read(
            "{\"member\":{\"user\":{\"id\":\"7\"}},\"guild_id\":\"9\",\"id\":\"42\",\"type\":3,"
                + "\"data\":{\"options\":[{\"name\":\"x\"}],\"custom_id\":\"alerts:toggle\",\"name\":\"n\"}}");
    assertThat(f.id()).contains("42");
    assertThat(f.guildId()).contains("9");
    assertThat(f.interactionType()).isEqualTo(3);
    assertThat(f.customId()).contains("alerts:toggle");
    assertThat(f.name()).contains("n");
  }

  @Test
  void givenNoSuchFields_thenEmpty() throws Exception {
    DispatchFields f = read("{\"content\":\"hi\"}");
    assertThat(f.id()).isEmpty();
    assertThat(f.guildId()).isEmpty();
    assertThat(f.interactionType()).isZero();
  }

  @Test
  void givenBrokenJson_thenAnError() {
    assertThatThrownBy(() -> read("{\"id\":")).isInstanceOf(java.io.IOException.class);
  }
}
