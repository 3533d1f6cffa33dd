package io.arrakis.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
  private static Envelope.Builder interaction() {
    return Envelope.builder(
            "99",
            "INTERACTION_CREATE",
            "interaction.command.stats",
            "{}".getBytes(StandardCharsets.UTF_8))
        .priority(10);
  }

  @Test
  void givenAnExpiration_thenItCountsFromTheMomentTheFrameWasRead() {
    Envelope e =
        interaction()
            .receivedAtMicros(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() * 1000)
            .expiration(Duration.ofMillis(2500))
            .build();
    assertThat(e.expiresAt()).contains(Instant.parse("2026-01-01T00:00:02.500Z"));
    assertThat(e.isExpired(Instant.parse("2026-01-01T00:00:02.400Z"))).isFalse();
    assertThat(e.isExpired(Instant.parse("2026-01-01T00:00:02.600Z"))).isTrue();
  }

  @Test
  void withoutExpiration_neverExpires() {
    assertThat(interaction().build().isExpired(Instant.MAX)).isFalse();
  }

  @Test
  void theBodyCannotBeChangedFromOutside() {
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    Envelope e = Envelope.builder("1", "T", "k", body).build();
    body[0] = 'X';
    e.body()[1] = 'Y';
    assertThat(new String(e.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
  }

  @Test
  void invalidValuesAreRejectedWithTheirName() {
    assertThatThrownBy(() -> interaction().priority(11).build()).hasMessageContaining("priority");
    assertThatThrownBy(() -> Envelope.builder(" ", "T", "k", new byte[0]).build())
        .hasMessageContaining("messageId");
    assertThatThrownBy(() -> interaction().attempt(-1).build()).hasMessageContaining("attempt");
  }

  @Test
  void toStringNeverShowsTheBody() {
    Envelope e =
        Envelope.builder("1", "T", "k", "secret-token".getBytes(StandardCharsets.UTF_8)).build();
    assertThat(e.toString()).doesNotContain("secret-token").contains("12 bytes");
  }

  @Test
  void onlyInteractionsAreInteractions() {
    assertThat(interaction().build().isInteraction()).isTrue();
    assertThat(
            Envelope.builder("2", "GUILD_MEMBER_ADD", "member.join", new byte[0])
                .build()
                .isInteraction())
        .isFalse();
  }

  @Test
  void equalEnvelopesAreEqual() {
    Envelope a = interaction().receivedAtMicros(5).build();
    Envelope b = a.toBuilder().build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(a.toBuilder().attempt(1).build());
  }
}
