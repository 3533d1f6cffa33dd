package io.arrakis.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Files uploaded with interaction messages as Discord's {@code multipart/form-data}: stored with
 * the message (id, filename, size, content type, CDN url, image size), readable back by url, and
 * refused like Discord (unknown or unreferenced ids, too many files, too large).
 */
class AttachmentUploadsIT {
  static DiscordEmulator emu;
  static long guild;
  static long user;
  static String app;
  static byte[] png;

  @BeforeAll
  static void start() throws IOException {
    emu =
        DiscordEmulator.start(
            EmulatorConfig.builder().port(0).seedGuilds(1).identifyInterval(Duration.ZERO).build());
    guild = emu.control().guildIds().get(0);
    user = emu.control().memberIds(guild).get(0);
    app = Long.toUnsignedString(emu.control().applicationId());
    BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    img.setRGB(1, 1, 0xC2913A);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    png = out.toByteArray();
  }

  @AfterAll
  static void stop() {
    emu.close();
  }

  /** A multipart body built here, independently of any production encoder. */
  record Form(String contentType, byte[] body) {}

  static Form form(JsonNode payload, Map<String, byte[]> files) {
    String boundary = "test-boundary-7MA4YWxkTrZu0gW";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + payload
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    int n = 0;
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      out.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"files["
                  + n++
                  + "]\"; filename=\""
                  + f.getKey()
                  + "\"\r\nContent-Type: image/png\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.writeBytes(f.getValue());
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Form("multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  static RestClient.Res send(String method, String path, Form form) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(emu.baseUrl() + "/api/v10" + path))
            .header("Content-Type", form.contentType())
            .method(method, HttpRequest.BodyPublishers.ofByteArray(form.body()))
            .build();
    HttpResponse<String> r = RestClient.HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    return new RestClient.Res(r.statusCode(), r.body().isEmpty() ? null : Json.parse(r.body()), r);
  }

  static ObjectNode message(String content, String... attachmentIds) {
    ObjectNode m = Json.obj().put("content", content);
    m.putArray("embeds")
        .addObject()
        .put("title", "t")
        .putObject("thumbnail")
        .put("url", "attachment://avatar.png");
    ArrayNode a = m.putArray("attachments");
    for (String id : attachmentIds) {
      a.addObject().put("id", id).put("filename", "avatar.png").put("description", "alt");
    }
    return m;
  }

  static String callbackPath(InteractionRef ref) {
    return "/interactions/" + ref.idString() + "/" + ref.token() + "/callback?with_response=true";
  }

  static InteractionRef slash() {
    return emu.control().slashCommand(guild, user, "check", Map.of());
  }

  @Test
  void aReplyWithAFile_storesItWithTheMessage_andTheBytesAreReadBackByUrl() throws Exception {
    InteractionRef ref = slash();
    ObjectNode cb = Json.obj().put("type", 4);
    cb.set("data", message("here", "0"));

    RestClient.Res r = send("POST", callbackPath(ref), form(cb, Map.of("avatar.png", png)));

    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    JsonNode original = emu.control().conversation(ref.id()).orElseThrow().path("original");
    JsonNode a = original.path("attachments").get(0);
    assertThat(a.path("filename").asText()).isEqualTo("avatar.png");
    assertThat(a.path("description").asText()).isEqualTo("alt");
    assertThat(a.path("content_type").asText()).isEqualTo("image/png");
    assertThat(a.path("size").asInt()).isEqualTo(png.length);
    assertThat(a.path("width").asInt()).isEqualTo(3);
    assertThat(a.path("height").asInt()).isEqualTo(2);
    String url = a.path("url").asText();
    assertThat(url).startsWith("https://cdn.emulator.local/attachments/").endsWith("/avatar.png");
    assertThat(original.path("embeds").get(0).path("thumbnail").path("url").asText())
        .as("attachment:// resolved like Discord")
        .isEqualTo(url);
    assertThat(emu.control().attachment(url)).hasValueSatisfying(b -> assertThat(b).isEqualTo(png));

    HttpResponse<byte[]> raw =
        RestClient.HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(emu.baseUrl() + "/_emulator/attachments/" + a.path("id").asText()))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(raw.body()).isEqualTo(png);
  }

  @Test
  void followupAndEdits_addKeepAndRemoveFilesByTheAttachmentsList() throws Exception {
    InteractionRef ref = slash();
    assertThat(
            new RestClient(emu)
                .apiNoAuth("POST", callbackPath(ref), Json.obj().put("type", 5))
                .status())
        .isEqualTo(200);
    String webhook = "/webhooks/" + app + "/" + ref.token();

    RestClient.Res followup =
        send("POST", webhook + "?wait=true", form(message("more", "0"), Map.of("avatar.png", png)));
    assertThat(followup.status()).isEqualTo(200);
    assertThat(followup.body().path("attachments")).hasSize(1);

    RestClient.Res edited =
        send(
            "PATCH",
            webhook + "/messages/@original",
            form(message("done", "0"), Map.of("avatar.png", png)));
    assertThat(edited.status()).isEqualTo(200);
    String kept = edited.body().path("attachments").get(0).path("id").asText();

    RestClient.Res keep =
        send("PATCH", webhook + "/messages/@original", form(message("kept", kept), Map.of()));
    assertThat(keep.body().path("attachments").get(0).path("id").asText()).isEqualTo(kept);

    ObjectNode cleared = message("cleared");
    cleared.remove("embeds");
    RestClient.Res clear =
        new RestClient(emu).apiNoAuth("PATCH", webhook + "/messages/@original", cleared);
    assertThat(clear.status()).isEqualTo(200);
    assertThat(clear.body().path("attachments")).isEmpty();
    assertThat(emu.control().attachment(Long.parseUnsignedLong(kept)))
        .as("the bytes stay fetchable")
        .isPresent();
  }

  @Test
  void badUploadsAreRefusedLikeDiscord_andDoNotUseUpTheCallback() throws Exception {
    InteractionRef ref = slash();
    ObjectNode unknownId = Json.obj().put("type", 4);
    unknownId.set("data", message("x", "3"));
    RestClient.Res unknown =
        send("POST", callbackPath(ref), form(unknownId, Map.of("avatar.png", png)));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().path("code").asInt()).isEqualTo(50035);
    assertThat(unknown.body().path("errors").has("attachments.0.id")).isTrue();

    ObjectNode unreferenced = Json.obj().put("type", 4);
    unreferenced.set("data", message("x", "0"));
    Map<String, byte[]> two = new LinkedHashMap<>();
    two.put("avatar.png", png);
    two.put("other.png", png);
    RestClient.Res extra = send("POST", callbackPath(ref), form(unreferenced, two));
    assertThat(extra.status()).isEqualTo(400);
    assertThat(extra.body().path("errors").has("files[1]")).isTrue();

    Map<String, byte[]> eleven = new LinkedHashMap<>();
    ObjectNode many = Json.obj().put("type", 4);
    ObjectNode data = many.putObject("data").put("content", "many");
    for (int i = 0; i < 11; i++) {
      eleven.put("f" + i + ".png", png);
    }
    RestClient.Res tooMany = send("POST", callbackPath(ref), form(many, eleven));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body().path("errors").has("files")).isTrue();

    ObjectNode big = Json.obj().put("type", 4);
    big.putObject("data").put("content", "big");
    RestClient.Res tooLarge =
        send(
            "POST",
            callbackPath(ref),
            form(big, Map.of("big.png", new byte[Attachments.MAX_FILE_BYTES + 1])));
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.body().path("code").asInt()).isEqualTo(40005);

    ObjectNode ok = Json.obj().put("type", 4);
    ok.set("data", message("fine", "0"));
    assertThat(send("POST", callbackPath(ref), form(ok, Map.of("avatar.png", png))).status())
        .as("rejected uploads did not acknowledge the interaction")
        .isEqualTo(200);
    JsonNode conv = emu.control().conversation(ref.id()).orElseThrow();
    assertThat(conv.path("events").findValuesAsText("kind"))
        .containsExactly(
            "callback_rejected",
            "callback_rejected",
            "callback_rejected",
            "callback_rejected",
            "callback");
    assertThat(data.path("content").asText()).isEqualTo("many");
  }
}
