package io.arrakis.bot.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.discord.Attachment;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.tiers.Tier;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class GeneratedPictureTest {
  private static final MemberId MEMBER =
      new MemberId(UUID.fromString("3f2c1e6a-8b7d-4c5e-9a1b-2c3d4e5f6a7b"));

  private static BufferedImage decode(Attachment a) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(a.data()));
    assertThat(img).as("a PNG ImageIO can read").isNotNull();
    return img;
  }

  @Test
  void givenASeed_attachment_isA200PxPngNamedForItsEmbedReference() throws IOException {
    Attachment png = GeneratedPicture.attachment(MEMBER, "00112233", Optional.of(Tier.FEDAYKIN));

    assertThat(png.filename()).isEqualTo("avatar.png");
    assertThat(png.contentType()).isEqualTo("image/png");
    assertThat(png.reference()).isEqualTo("attachment://avatar.png");
    assertThat(png.description()).hasValue("Generated profile picture");
    assertThat(Arrays.copyOf(png.data(), 8))
        .as("PNG signature")
        .isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    BufferedImage img = decode(png);
    assertThat(img.getWidth()).isEqualTo(200);
    assertThat(img.getHeight()).isEqualTo(200);
    System.out.println("generated picture PNG: " + png.size() + " bytes");
  }

  @Test
  void givenTheSameMemberSeedAndTier_theBytesAreTheSame() {
    Attachment a = GeneratedPicture.attachment(MEMBER, "00112233", Optional.of(Tier.NAIB));
    Attachment b = GeneratedPicture.attachment(MEMBER, "00112233", Optional.of(Tier.NAIB));
    assertThat(a.data()).isEqualTo(b.data());
  }

  @Test
  void givenOtherSeedsOrMembersOrTiers_thePicturesDiffer() throws IOException {
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      distinct.add(
          Arrays.toString(
              GeneratedPicture.attachment(MEMBER, "seed" + i, Optional.empty()).data()));
    }
    assertThat(distinct).as("20 seeds, 20 pictures").hasSize(20);
    MemberId other = new MemberId(UUID.fromString("00000000-0000-4000-8000-000000000001"));
    assertThat(GeneratedPicture.attachment(other, "seed0", Optional.empty()).data())
        .isNotEqualTo(GeneratedPicture.attachment(MEMBER, "seed0", Optional.empty()).data());
    BufferedImage naib = decode(GeneratedPicture.attachment(MEMBER, "s", Optional.of(Tier.NAIB)));
    BufferedImage hajra = decode(GeneratedPicture.attachment(MEMBER, "s", Optional.of(Tier.HAJRA)));
    assertThat(naib.getRGB(0, 0))
        .as("the tier's palette colours the background")
        .isNotEqualTo(hajra.getRGB(0, 0));
  }

  @Test
  void givenAWalk_thePictureShadesExactlyTheVisitedCells() throws IOException {
    int[] end = new int[2];
    int[][] visits = GeneratedPicture.walk(MEMBER, "shade", end);
    AvatarPng.Palette palette = AvatarPng.palette(Optional.of(Tier.USUL));
    BufferedImage img =
        decode(GeneratedPicture.attachment(MEMBER, "shade", Optional.of(Tier.USUL)));
    int offsetX = (AvatarPng.SIZE - GeneratedPicture.WIDTH * AvatarPng.CELL_W) / 2;
    int offsetY = (AvatarPng.SIZE - GeneratedPicture.HEIGHT * AvatarPng.CELL_H) / 2;
    for (int y = 0; y < GeneratedPicture.HEIGHT; y++) {
      for (int x = 0; x < GeneratedPicture.WIDTH; x++) {
        // a cell's top-left pixel: never under the start/end marker
        int rgb =
            img.getRGB(offsetX + x * AvatarPng.CELL_W, offsetY + y * AvatarPng.CELL_H) & 0xFFFFFF;
        if (visits[y][x] == 0) {
          assertThat(rgb).as("cell %d,%d unvisited", x, y).isEqualTo(palette.background());
        } else {
          assertThat(rgb).as("cell %d,%d visited", x, y).isNotEqualTo(palette.background());
        }
      }
    }
    int cx = offsetX + end[0] * AvatarPng.CELL_W + AvatarPng.CELL_W / 2;
    int cy = offsetY + end[1] * AvatarPng.CELL_H + AvatarPng.CELL_H / 2;
    assertThat(img.getRGB(cx, cy) & 0xFFFFFF).as("end marker").isEqualTo(palette.marker());
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
