package io.arrakis.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonSyntaxTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"{}", "{\"a\":[1,2,{\"b\":null}]}", "[]", "\"text\"", "  {\"x\": true}  "})
  void acceptsOneWellFormedValue(String body) {
    assertThat(JsonSyntax.problem(body.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "{\"a\":", "{} {}", "{\"a\" 1}"})
  void rejectsAnythingElseWithAReason(String body) {
    assertThat(JsonSyntax.problem(body.getBytes(StandardCharsets.UTF_8))).isPresent();
  }
}
