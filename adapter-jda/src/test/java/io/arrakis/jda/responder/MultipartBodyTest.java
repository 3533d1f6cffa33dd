package io.arrakis.jda.responder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arrakis.discord.Attachment;
import io.arrakis.discord.Embed;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessagePayload;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartBodyTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0, (byte) 0xff};

  @Test
  void givenFiles_theJsonListsThemById_andEmbedImagesAreKept() {
    Attachment avatar = Attachment.png("avatar.png", PNG, "alt text");
    MessagePayload p =
        MessagePayload.builder()
            .embed(Embed.builder().title("x").imageUrl(avatar.reference()).build())
            .attachment(avatar)
            .attachment(Attachment.of("b.bin", "application/octet-stream", PNG))
            .build();

    JsonNode json = PayloadJson.callback(new InteractionResponse.Reply(p));

    JsonNode a = json.path("data").path("attachments");
    assertThat(a).hasSize(2);
    assertThat(a.get(0).path("id").asInt()).isZero();
    assertThat(a.get(0).path("filename").asText()).isEqualTo("avatar.png");
    assertThat(a.get(0).path("description").asText()).isEqualTo("alt text");
    assertThat(a.get(1).path("id").asInt()).isEqualTo(1);
    assertThat(a.get(1).has("description")).isFalse();
    assertThat(json.path("data").path("embeds").get(0).path("image").path("url").asText())
        .isEqualTo("attachment://avatar.png");
    assertThat(PayloadJson.files(new InteractionResponse.Reply(p))).hasSize(2);
    assertThat(PayloadJson.files(new InteractionResponse.Defer(true))).isEmpty();
  }

  @Test
  void givenNoFiles_aReplacementStillSaysSo_soThatAnEditRemovesOldOnes() {
    JsonNode edit = PayloadJson.replacement(MessagePayload.text("hi"));
    assertThat(edit.path("attachments").isArray()).isTrue();
    assertThat(edit.path("attachments")).isEmpty();
    JsonNode update =
        PayloadJson.callback(new InteractionResponse.UpdateMessage(MessagePayload.text("hi")));
    assertThat(update.path("data").path("attachments").isArray()).isTrue();
    assertThat(PayloadJson.message(MessagePayload.text("hi")).has("attachments"))
        .as("a new message without files needs no list")
        .isFalse();
  }

  @Test
  void givenJsonAndFiles_theFormHasPayloadJsonThenOnePartPerFile() {
    byte[] json = "{\"content\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    MultipartBody form =
        MultipartBody.of(
            json,
            List.of(
                Attachment.png("avatar.png", PNG, "alt"),
                Attachment.of("b.bin", "application/octet-stream", new byte[] {1, 2, 3})));

    assertThat(form.contentType()).startsWith("multipart/form-data; boundary=arrakis-");
    String boundary = form.contentType().substring(form.contentType().indexOf('=') + 1);
    String text = new String(form.bytes(), StandardCharsets.ISO_8859_1);
    assertThat(text)
        .startsWith(
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n"
                + "Content-Type: application/json\r\n\r\n{\"content\":\"x\"}\r\n")
        .contains(
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\"avatar.png\""
                + "\r\nContent-Type: image/png\r\n\r\n")
        .contains("name=\"files[1]\"; filename=\"b.bin\"\r\nContent-Type: application/octet-stream")
        .endsWith("\r\n--" + boundary + "--\r\n");
    int start = text.indexOf("image/png\r\n\r\n") + "image/png\r\n\r\n".length();
    assertThat(Arrays.copyOfRange(form.bytes(), start, start + PNG.length)).isEqualTo(PNG);
    assertThat(MultipartBody.of(json, List.of()).contentType())
        .as("a fresh boundary per form")
        .isNotEqualTo(form.contentType());
  }
}
