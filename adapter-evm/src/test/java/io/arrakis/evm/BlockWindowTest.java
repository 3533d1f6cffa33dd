package io.arrakis.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlockWindowTest {

  @Test
  void givenARangeLongerThanTheWindow_split_coversItWithoutGapsOrOverlap() {
    assertThat(BlockWindow.split(0, 25_000, 10_000))
        .containsExactly(
            new BlockWindow(0, 9_999),
            new BlockWindow(10_000, 19_999),
            new BlockWindow(20_000, 25_000));
  }

  @Test
  void givenAnExactMultiple_split_endsOnTheHead() {
    assertThat(BlockWindow.split(1, 20_000, 10_000))
        .containsExactly(new BlockWindow(1, 10_000), new BlockWindow(10_001, 20_000));
  }

  @Test
  void givenNothingNewSinceTheCursor_split_isEmpty() {
    assertThat(BlockWindow.split(101, 100, 10_000)).isEmpty();
  }

  @Test
  void givenOneBlock_split_isOneWindowOfOneBlock() {
    assertThat(BlockWindow.split(7, 7, 10_000)).containsExactly(new BlockWindow(7, 7));
    assertThat(new BlockWindow(7, 7).blocks()).isEqualTo(1);
    assertThat(new BlockWindow(7, 9)).hasToString("[7..9]");
  }

  @Test
  void givenWindowSizeOne_split_hasOneWindowPerBlock() {
    assertThat(BlockWindow.split(5, 8, 1)).hasSize(4).allMatch(w -> w.blocks() == 1);
  }

  @Test
  void givenANegativeStart_split_startsAtGenesis() {
    assertThat(BlockWindow.split(-5, 3, 10)).containsExactly(new BlockWindow(0, 3));
  }

  @Test
  void givenHighBlockNumbers_split_doesNotOverflow() {
    long high = 1L << 40;
    assertThat(BlockWindow.split(high, high + 15_000, 10_000))
        .containsExactly(
            new BlockWindow(high, high + 9_999), new BlockWindow(high + 10_000, high + 15_000));
  }

  @Test
  void invalidWindows_areRejected() {
    assertThatThrownBy(() -> BlockWindow.split(0, 10, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BlockWindow(5, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BlockWindow(-1, 4)).isInstanceOf(IllegalArgumentException.class);
  }
}
