package io.arrakis.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutgoingValuesTest {

  @Test
  void givenFlags_bits_areDiscordsBitField() {
    assertThat(MessageFlag.bits(Set.of(MessageFlag.EPHEMERAL))).isEqualTo(64);
    assertThat(MessageFlag.bits(Set.of(MessageFlag.EPHEMERAL, MessageFlag.SUPPRESS_EMBEDS)))
        .isEqualTo(68);
    assertThat(MessagePayload.ephemeralText("no").ephemeral()).isTrue();
    assertThat(MessagePayload.text("yes").ephemeral()).isFalse();
  }

  @Test
  void givenMoreThan25Choices_firstOf_truncatesButConstructorRefuses() {
    List<AutocompleteChoices.Choice> many =
        IntStream.range(0, 40).mapToObj(i -> AutocompleteChoices.Choice.of("n" + i, i)).toList();
    assertThat(AutocompleteChoices.firstOf(many).choices()).hasSize(25);
    assertThatThrownBy(() -> new AutocompleteChoices(many))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenButtonRules_linkNeedsUrl_interactiveNeedsCustomId() {
    assertThatThrownBy(
            () ->
                new Button(
                    Button.Style.LINK,
                    "x",
                    Optional.of("id"),
                    Optional.empty(),
                    Optional.empty(),
                    false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Button.primary("x".repeat(101), "too long"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Button.link("https://example.org", "docs").customId()).isEmpty();
  }

  @Test
  void givenASelect_itFillsItsRowAlone() {
    StringSelect select =
        StringSelect.of("directory_tier", List.of(StringSelect.Option.of("All", "all")));
    assertThatThrownBy(() -> ActionRow.of(select, Button.primary("a", "A")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new ActionRow(
                    IntStream.range(0, 6)
                        .<RowComponent>mapToObj(i -> Button.primary("b" + i, "B"))
                        .toList()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenEmbedLimits_tooManyFieldsOrBadColour_areRefused() {
    Embed.Builder b = Embed.builder();
    IntStream.range(0, 26).forEach(i -> b.field("f" + i, "v"));
    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Embed.builder().color(0x1000000).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAModal_itNeedsOneToFiveInputs() {
    assertThatThrownBy(() -> new Modal("m", "Title", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    Modal m = Modal.of("verify_modal:1", "Link wallet", Modal.TextInput.shortText("a", "Address"));
    assertThat(m.inputs()).hasSize(1);
  }

  @Test
  void givenAToken_toString_neverShowsIt() {
    InteractionToken t = new InteractionToken(1L, 2L, "secret-token");
    assertThat(t.toString()).doesNotContain("secret-token").contains("***");
  }

  @Test
  void givenDiscordCodes_reason_mapsTheFinalOnes() {
    assertThat(ResponseOutcome.Reason.of(10062)).isEqualTo(ResponseOutcome.Reason.EXPIRED);
    assertThat(ResponseOutcome.Reason.of(40060))
        .isEqualTo(ResponseOutcome.Reason.ALREADY_ACKNOWLEDGED);
    assertThat(ResponseOutcome.Reason.of(50027)).isEqualTo(ResponseOutcome.Reason.TOKEN_INVALID);
    assertThat(ResponseOutcome.Reason.of(12345)).isEqualTo(ResponseOutcome.Reason.OTHER);
    assertThat(ResponseOutcome.Reason.of(0)).isEqualTo(ResponseOutcome.Reason.OTHER);
  }

  @Test
  void givenResponses_typesAreDiscordsCallbackTypes() {
    assertThat(new InteractionResponse.Reply(MessagePayload.text("x")).type()).isEqualTo(4);
    assertThat(new InteractionResponse.Defer(true).type()).isEqualTo(5);
    assertThat(new InteractionResponse.DeferUpdate().type()).isEqualTo(6);
    assertThat(new InteractionResponse.UpdateMessage(MessagePayload.text("x")).type()).isEqualTo(7);
    assertThat(new InteractionResponse.Autocomplete(AutocompleteChoices.none()).type())
        .isEqualTo(8);
  }
}
