package io.arrakis.ingestor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The routing table of architecture section 3.2, row by row. */
class EventRoutingTest {

  private static EventRoute route(String type, String d) throws Exception {
    return EventRouting.route(type, DispatchFields.read(d.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0} {1} -> {2} @ {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "INTERACTION_CREATE | {\"id\":\"1\",\"type\":2,\"data\":{\"name\":\"stats\"}} | interaction.command.stats | 10",
        "INTERACTION_CREATE | {\"id\":\"1\",\"type\":2,\"data\":{\"name\":\"admin-badge\"}} | interaction.command.admin-badge | 10",
        "INTERACTION_CREATE | {\"type\":3,\"data\":{\"custom_id\":\"directory:next:2\"}} | interaction.component.directory | 8",
        "INTERACTION_CREATE | {\"type\":5,\"data\":{\"custom_id\":\"verify.signature:abc\"}} | interaction.modal.verify_signature | 8",
        "INTERACTION_CREATE | {\"type\":4,\"data\":{\"name\":\"badges\"}} | interaction.autocomplete.badges | 9",
        "INTERACTION_CREATE | {\"type\":1} | interaction.other.1 | 8",
        "GUILD_MEMBER_ADD | {\"guild_id\":\"9\"} | member.join | 5",
        "GUILD_MEMBER_REMOVE | {\"guild_id\":\"9\"} | member.leave | 5",
        "GUILD_MEMBER_UPDATE | {\"guild_id\":\"9\"} | member.update | 5",
        "GUILD_MEMBERS_CHUNK | {\"guild_id\":\"9\"} | member.chunk | 3",
        "GUILD_CREATE | {\"id\":\"9\"} | guild.join | 3",
        "GUILD_DELETE | {\"id\":\"9\"} | guild.leave | 3",
        "MESSAGE_CREATE | {} | message.create | 1",
        "MESSAGE_REACTION_ADD | {} | reaction.add | 1",
        "MESSAGE_REACTION_REMOVE | {} | reaction.remove | 1",
        "TYPING_START | {} | gateway.typing_start | 1",
        "READY | {} | gateway.ready | 1"
      })
  void routesLikeTheTable(String type, String d, String key, int priority) throws Exception {
    assertThat(route(type, d)).isEqualTo(new EventRoute(key, priority));
  }
}
