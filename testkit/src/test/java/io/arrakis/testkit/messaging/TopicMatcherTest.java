package io.arrakis.testkit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicMatcherTest {

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    "interaction.#, interaction.command.stats, true",
    "interaction.#, interaction, true",
    "interaction.#, member.join, false",
    "member.*, member.join, true",
    "member.*, member.join.extra, false",
    "action.shard.3.#, action.shard.3.role_add, true",
    "action.shard.3.#, action.shard.13.role_add, false",
    "#, anything.at.all, true",
    "a.*.c, a.b.c, true",
    "a.*.c, a.c, false"
  })
  void matchesLikeAnAmqpTopicExchange(String pattern, String key, boolean expected) {
    assertThat(TopicMatcher.matches(pattern, key)).isEqualTo(expected);
  }
}
