package io.arrakis.jda.responder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arrakis.discord.AutocompleteChoices;
import io.arrakis.discord.Button;
import io.arrakis.discord.Embed;
import io.arrakis.discord.EntitySelect;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessageFlag;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.Modal;
import io.arrakis.discord.StringSelect;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadJsonTest {

  @Test
  void givenAnEphemeralEmbedReply_callback_isType4WithFlags64AndTheEmbed() {
    MessagePayload p =
        MessagePayload.builder()
            .content("hi")
            .embed(
                Embed.builder()
                    .title("Your Position")
                    .description("d")
                    .color(0xFFD700)
                    .field("Status", "Fedaykin", true)
                    .field("Position", "#12")
                    .footer("Get notified of changes with /alerts")
                    .thumbnailUrl("https://cdn.example/p.png")
                    .build())
            .ephemeral()
            .build();
    JsonNode json = PayloadJson.callback(new InteractionResponse.Reply(p));
    assertThat(json.path("type").asInt()).isEqualTo(4);
    JsonNode data = json.path("data");
    assertThat(data.path("content").asText()).isEqualTo("hi");
    assertThat(data.path("flags").asInt()).isEqualTo(64);
    JsonNode embed = data.path("embeds").get(0);
    assertThat(embed.path("title").asText()).isEqualTo("Your Position");
    assertThat(embed.path("color").asInt()).isEqualTo(0xFFD700);
    assertThat(embed.path("fields").get(0).path("name").asText()).isEqualTo("Status");
    assertThat(embed.path("fields").get(0).path("inline").asBoolean()).isTrue();
    assertThat(embed.path("fields").get(1).path("inline").asBoolean()).isFalse();
    assertThat(embed.path("footer").path("text").asText()).startsWith("Get notified");
    assertThat(embed.path("thumbnail").path("url").asText()).endsWith("p.png");
    assertThat(data.path("components").isArray()).isTrue();
    assertThat(data.path("components")).isEmpty();
  }

  @Test
  void givenComponents_message_hasActionRowsWithButtonsAndSelects() {
    MessagePayload p =
        MessagePayload.builder()
            .content("Directory")
            .row(
                Button.secondary("directory_prev", "Prev"),
                Button.primary("directory_next", "Next").asDisabled(),
                Button.link("https://example.org", "Docs").withEmoji("📜"))
            .row(
                StringSelect.of(
                        "directory_tier",
                        List.of(
                            StringSelect.Option.of("All tiers", "all"),
                            StringSelect.Option.of("Naib", "naib")))
                    .withPlaceholder("Tier"))
            .row(EntitySelect.of(EntitySelect.Kind.ROLE, "wizard:role:s1"))
            .build();
    JsonNode rows = PayloadJson.message(p).path("components");
    assertThat(rows).hasSize(3);
    JsonNode buttons = rows.get(0);
    assertThat(buttons.path("type").asInt()).isEqualTo(1);
    assertThat(buttons.path("components").get(0).path("type").asInt()).isEqualTo(2);
    assertThat(buttons.path("components").get(0).path("style").asInt()).isEqualTo(2);
    assertThat(buttons.path("components").get(0).path("custom_id").asText())
        .isEqualTo("directory_prev");
    assertThat(buttons.path("components").get(1).path("disabled").asBoolean()).isTrue();
    JsonNode link = buttons.path("components").get(2);
    assertThat(link.path("style").asInt()).isEqualTo(5);
    assertThat(link.path("url").asText()).isEqualTo("https://example.org");
    assertThat(link.has("custom_id")).isFalse();
    assertThat(link.path("emoji").path("name").asText()).isEqualTo("📜");
    JsonNode select = rows.get(1).path("components").get(0);
    assertThat(select.path("type").asInt()).isEqualTo(3);
    assertThat(select.path("options").get(1).path("value").asText()).isEqualTo("naib");
    assertThat(select.path("placeholder").asText()).isEqualTo("Tier");
    assertThat(select.path("min_values").asInt()).isEqualTo(1);
    assertThat(rows.get(2).path("components").get(0).path("type").asInt()).isEqualTo(6);
    assertThat(PayloadJson.message(p).has("flags")).isFalse();
  }

  @Test
  void givenAModal_callback_isType9WithOneTextInputPerRow() {
    Modal m =
        Modal.of(
            "verify_modal:abc",
            "Link your wallet",
            Modal.TextInput.shortText("wallet_address", "Wallet address").length(42, 42),
            Modal.TextInput.paragraph("signature", "Signature").optional().withPlaceholder("0x…"));
    JsonNode json = PayloadJson.callback(new InteractionResponse.ShowModal(m));
    assertThat(json.path("type").asInt()).isEqualTo(9);
    JsonNode data = json.path("data");
    assertThat(data.path("custom_id").asText()).isEqualTo("verify_modal:abc");
    assertThat(data.path("title").asText()).isEqualTo("Link your wallet");
    JsonNode first = data.path("components").get(0);
    assertThat(first.path("type").asInt()).isEqualTo(1);
    JsonNode input = first.path("components").get(0);
    assertThat(input.path("type").asInt()).isEqualTo(4);
    assertThat(input.path("custom_id").asText()).isEqualTo("wallet_address");
    assertThat(input.path("style").asInt()).isEqualTo(1);
    assertThat(input.path("min_length").asInt()).isEqualTo(42);
    assertThat(input.path("required").asBoolean()).isTrue();
    JsonNode second = data.path("components").get(1).path("components").get(0);
    assertThat(second.path("style").asInt()).isEqualTo(2);
    assertThat(second.path("required").asBoolean()).isFalse();
    assertThat(second.path("placeholder").asText()).isEqualTo("0x…");
  }

  @Test
  void givenTypedChoices_autocomplete_isType8WithTypedValues() {
    AutocompleteChoices c =
        new AutocompleteChoices(
            List.of(
                AutocompleteChoices.Choice.of("Stilgar", "stilgar"),
                AutocompleteChoices.Choice.of("Grant 7", 7L),
                AutocompleteChoices.Choice.of("Half", 0.5)));
    JsonNode json = PayloadJson.callback(new InteractionResponse.Autocomplete(c));
    assertThat(json.path("type").asInt()).isEqualTo(8);
    JsonNode choices = json.path("data").path("choices");
    assertThat(choices.get(0).path("value").isTextual()).isTrue();
    assertThat(choices.get(1).path("value").isIntegralNumber()).isTrue();
    assertThat(choices.get(1).path("value").asLong()).isEqualTo(7L);
    assertThat(choices.get(2).path("value").asDouble()).isEqualTo(0.5);
    JsonNode empty =
        PayloadJson.callback(new InteractionResponse.Autocomplete(AutocompleteChoices.none()));
    assertThat(empty.path("data").path("choices")).isEmpty();
  }

  @Test
  void givenDefers_callback_carriesTheEphemeralFlagOnlyWhenAsked() {
    assertThat(PayloadJson.callback(new InteractionResponse.Defer(true)).toString())
        .isEqualTo("{\"type\":5,\"data\":{\"flags\":64}}");
    assertThat(PayloadJson.callback(new InteractionResponse.Defer(false)).toString())
        .isEqualTo("{\"type\":5}");
    assertThat(PayloadJson.callback(new InteractionResponse.DeferUpdate()).toString())
        .isEqualTo("{\"type\":6}");
    JsonNode update =
        PayloadJson.callback(new InteractionResponse.UpdateMessage(MessagePayload.text("updated")));
    assertThat(update.path("type").asInt()).isEqualTo(7);
    assertThat(update.path("data").path("content").asText()).isEqualTo("updated");
  }

  @Test
  void givenSeveralFlags_message_ORsTheirBits() {
    MessagePayload p =
        MessagePayload.builder()
            .content("x")
            .flag(MessageFlag.EPHEMERAL)
            .flag(MessageFlag.SUPPRESS_EMBEDS)
            .build();
    assertThat(PayloadJson.message(p).path("flags").asInt()).isEqualTo(64 | 4);
  }

  @Test
  void givenApiBases_versionedBase_appendsV10Once() {
    assertThat(base("http://127.0.0.1:8090/api")).isEqualTo("http://127.0.0.1:8090/api/v10/");
    assertThat(base("http://127.0.0.1:8090/api/")).isEqualTo("http://127.0.0.1:8090/api/v10/");
    assertThat(base("http://127.0.0.1:8090/api/v10/")).isEqualTo("http://127.0.0.1:8090/api/v10/");
    assertThat(base("https://discord.com/api")).isEqualTo("https://discord.com/api/v10/");
  }

  @Test
  void givenATokenWithReservedCharacters_segment_percentEncodesThem() {
    assertThat(HttpInteractionResponder.segment("aW50:ab-_.~/x")).isEqualTo("aW50%3Aab-_.~%2Fx");
  }

  private static String base(String s) {
    return ResponderSettings.defaults(URI.create(s), Duration.ofSeconds(1))
        .versionedBase()
        .toString();
  }
}
