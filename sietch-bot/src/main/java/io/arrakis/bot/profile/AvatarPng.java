package io.arrakis.bot.profile;

import io.arrakis.domain.tiers.Tier;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Draws the drunken-bishop walk of {@link GeneratedPicture} as the 200×200 PNG of spec §8.1: one
 * cell per grid square (11×22 px, so the 17×9 grid fills a square as OpenSSH's art fills a
 * terminal), shaded from the tier palette's low to high colour by visit count, the start and end
 * squares marked. Pixels are set in a plain raster (no drawing calls, no anti-aliasing, no fonts)
 * and written by the JDK's PNG writer, so the same walk always gives the same bytes.
 */
final class AvatarPng {
  static final int SIZE = 200;
  static final int CELL_W = 11;
  static final int CELL_H = 22;

  /** Visit counts at or above this are drawn in the palette's high colour. */
  private static final int SATURATION = 6;

  /** Background, colour of one visit, colour of many visits, start/end marker. */
  record Palette(int background, int low, int high, int marker) {}

  private AvatarPng() {}

  /** The tier's colours; the sand palette before a member has a tier. */
  static Palette palette(Optional<Tier> tier) {
    if (tier.isEmpty()) {
      return new Palette(0x2B2118, 0x6B4E2A, 0xE8C07A, 0xFFFFFF);
    }
    return switch (tier.get()) {
      case HAJRA, ICHWAN, QANAT -> new Palette(0x10202E, 0x23506E, 0x7FC8F0, 0xFFFFFF);
      case SIHAYA, MUSHTAMAL, SAYYADINA -> new Palette(0x0E2A2A, 0x1F6B63, 0x8FF0D8, 0xFFFFFF);
      case USUL -> new Palette(0x2A2410, 0x7A6420, 0xFFE07A, 0xFFFFFF);
      case FEDAYKIN -> new Palette(0x2A1010, 0x7A2A20, 0xFF9A6A, 0xFFFFFF);
      case NAIB -> new Palette(0x1E1030, 0x5A2E8A, 0xFFD24A, 0xFFFFFF);
    };
  }

  /** The PNG of a walk: {@code visits[y][x]} and its end square {@code end = {x, y}}. */
  static byte[] render(int[][] visits, int[] end, Palette palette) {
    int rows = visits.length;
    int cols = visits[0].length;
    int offsetX = (SIZE - cols * CELL_W) / 2;
    int offsetY = (SIZE - rows * CELL_H) / 2;
    int[] img = new int[SIZE * SIZE];
    fill(img, 0, 0, SIZE, SIZE, palette.background());
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        if (visits[y][x] > 0) {
          double t = Math.min(visits[y][x] - 1, SATURATION - 1) / (double) (SATURATION - 1);
          int colour = blend(palette.low(), palette.high(), t);
          fill(img, offsetX + x * CELL_W, offsetY + y * CELL_H, CELL_W - 1, CELL_H - 1, colour);
        }
      }
    }
    mark(img, offsetX, offsetY, cols / 2, rows / 2, palette.marker());
    mark(img, offsetX, offsetY, end[0], end[1], palette.marker());
    return png(img);
  }

  private static byte[] png(int[] rgb) {
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, SIZE, SIZE, rgb, 0, SIZE);
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("this JDK has no PNG writer");
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot encode the avatar", ex);
    }
    return out.toByteArray();
  }

  /** A small square in the middle of a cell: the walk's start or end. */
  private static void mark(int[] img, int offsetX, int offsetY, int x, int y, int rgb) {
    int size = 5;
    fill(
        img,
        offsetX + x * CELL_W + (CELL_W - 1 - size) / 2,
        offsetY + y * CELL_H + (CELL_H - 1 - size) / 2,
        size,
        size,
        rgb);
  }

  private static void fill(int[] img, int x0, int y0, int w, int h, int rgb) {
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        img[y * SIZE + x] = rgb;
      }
    }
  }

  private static int blend(int from, int to, double t) {
    int r = channel(from >> 16, to >> 16, t);
    int g = channel(from >> 8, to >> 8, t);
    int b = channel(from, to, t);
    return (r << 16) | (g << 8) | b;
  }

  private static int channel(int from, int to, double t) {
    int a = from & 0xFF;
    int b = to & 0xFF;
    return (int) Math.round(a + (b - a) * t);
  }
}
