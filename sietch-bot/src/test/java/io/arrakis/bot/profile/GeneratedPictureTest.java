package io.arrakis.bot.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.common.MemberId;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GeneratedPictureTest {
  private static final MemberId MEMBER =
      new MemberId(UUID.fromString("3f2c1e6a-8b7d-4c5e-9a1b-2c3d4e5f6a7b"));

  @Test
  void givenSameMemberAndSeed_art_isDeterministicAndFramed17By9() {
    String art = GeneratedPicture.art(MEMBER, "00112233");
    assertThat(GeneratedPicture.art(MEMBER, "00112233")).isEqualTo(art);
    String[] lines = art.split("\n");
    assertThat(lines).hasSize(11);
    assertThat(lines).allSatisfy(l -> assertThat(l).hasSize(19));
    assertThat(art).contains("S");
  }

  @Test
  void givenAnotherSeed_art_differs() {
    assertThat(GeneratedPicture.art(MEMBER, "a")).isNotEqualTo(GeneratedPicture.art(MEMBER, "b"));
  }

  @Test
  void walk_countsFourMovesPerDigestByte() {
    int[] end = new int[2];
    int[][] visits = GeneratedPicture.walk(MEMBER, "seed", end);
    assertThat(Arrays.stream(visits).flatMapToInt(Arrays::stream).sum()).isEqualTo(32 * 4);
    assertThat(visits[end[1]][end[0]]).isPositive();
  }

  @Test
  void givenManySeeds_walk_staysInsideTheGrid() {
    for (int i = 0; i < 50; i++) {
      int[] end = new int[2];
      GeneratedPicture.walk(MEMBER, Integer.toString(i), end);
      assertThat(end[0]).isBetween(0, GeneratedPicture.WIDTH - 1);
      assertThat(end[1]).isBetween(0, GeneratedPicture.HEIGHT - 1);
    }
  }

  @Test
  void newSeed_isSixteenHexCharactersAndFresh() {
    assertThat(GeneratedPicture.newSeed())
        .matches("[0-9a-f]{16}")
        .isNotEqualTo(GeneratedPicture.newSeed());
  }
}
