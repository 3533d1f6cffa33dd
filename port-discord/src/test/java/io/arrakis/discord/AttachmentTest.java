package io.arrakis.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttachmentTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

  @Test
  void givenBytes_theAttachmentCopiesThemInAndOut() {
    byte[] source = PNG.clone();
    Attachment a = Attachment.png("avatar.png", source, "a picture");
    source[0] = 0;
    byte[] out = a.data();
    out[1] = 0;

    assertThat(a.data()).isEqualTo(PNG);
    assertThat(a.size()).isEqualTo(PNG.length);
    assertThat(a.reference()).isEqualTo("attachment://avatar.png");
    assertThat(a).isEqualTo(Attachment.png("avatar.png", PNG, "a picture"));
    assertThat(a.toString()).contains("7 bytes").doesNotContain("[B@");
  }

  @Test
  void givenDiscordsLimits_badFilesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> Attachment.of("my avatar.png", "image/png", PNG))
        .hasMessageContaining("attachment://");
    assertThatThrownBy(() -> Attachment.of(".png", "image/png", PNG))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Attachment.of("a.png", "png", PNG)).hasMessageContaining("MIME type");
    assertThatThrownBy(() -> Attachment.of("a.png", "image/png", new byte[0]))
        .hasMessageContaining("empty");
    assertThatThrownBy(
            () ->
                Attachment.of(
                    "big.bin", "application/octet-stream", new byte[Attachment.MAX_BYTES + 1]))
        .hasMessageContaining("at most 10485760");
    assertThatThrownBy(() -> Attachment.png("a.png", PNG, "x".repeat(1025)))
        .hasMessageContaining("1024");
    assertThat(
            Attachment.of("big.bin", "application/octet-stream", new byte[Attachment.MAX_BYTES])
                .size())
        .isEqualTo(Attachment.MAX_BYTES);
  }

  @Test
  void givenAPayload_embedsMayShowOnlyItsOwnFiles() {
    Attachment avatar = Attachment.png("avatar.png", PNG, "avatar");
    MessagePayload ok =
        MessagePayload.builder()
            .embed(Embed.builder().thumbnailUrl(avatar.reference()).build())
            .embed(Embed.builder().imageUrl(avatar.reference()).build())
            .attachment(avatar)
            .build();
    assertThat(ok.attachments()).containsExactly(avatar);
    assertThat(ok.hasAttachments()).isTrue();
    assertThat(ok.embeds().get(1).imageUrl()).hasValue("attachment://avatar.png");

    assertThatThrownBy(
            () ->
                MessagePayload.builder()
                    .embed(Embed.builder().imageUrl("attachment://other.png").build())
                    .attachment(avatar)
                    .build())
        .hasMessageContaining("attachment://other.png");
    assertThatThrownBy(() -> MessagePayload.builder().attachment(avatar).attachment(avatar).build())
        .hasMessageContaining("two attachments");
    MessagePayload.Builder eleven = MessagePayload.builder();
    for (int i = 0; i < 11; i++) {
      eleven.attachment(Attachment.of("f" + i + ".png", "image/png", PNG));
    }
    assertThatThrownBy(eleven::build).hasMessageContaining("at most 10 attachments");
  }

  @Test
  void givenTheOldShapes_constructorsStillBuildWithoutFilesOrImages() {
    MessagePayload p = new MessagePayload("hi", List.of(), List.of(), Set.of());
    Embed e =
        new Embed(
            Optional.of("t"),
            Optional.empty(),
            Optional.empty(),
            java.util.OptionalInt.empty(),
            List.of(),
            Optional.empty(),
            Optional.of("https://cdn.discordapp.com/x.png"));
    assertThat(p.attachments()).isEmpty();
    assertThat(p.hasAttachments()).isFalse();
    assertThat(e.imageUrl()).isEmpty();
  }
}
