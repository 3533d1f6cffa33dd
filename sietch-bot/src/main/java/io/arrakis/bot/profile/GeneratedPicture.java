package io.arrakis.bot.profile;

import io.arrakis.domain.common.MemberId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The generated picture of spec §8.1: the "drunken bishop" walk over SHA-256 of {@code member_id +
 * ":" + pfp_seed} on a 17×9 grid (start at the centre; per byte, per 2-bit pair low bits first: 00
 * ↖, 01 ↗, 10 ↙, 11 ↘; clamped at the edges; visits counted).
 *
 * <p>The spec renders it as a 200 px PNG attachment; {@code MessagePayload} carries no attachments
 * yet, so embeds show the same grid as OpenSSH-style random art in a code block — deterministic,
 * dependency-free, and the stored {@code pfp_seed} is all a later PNG renderer needs.
 */
final class GeneratedPicture {
  static final int WIDTH = 17;
  static final int HEIGHT = 9;
  private static final String SYMBOLS = " .o+=*BOX@%&#/^";
  private static final SecureRandom RANDOM = new SecureRandom();

  private GeneratedPicture() {}

  /** A new random seed ("Regenerate" picks one): 16 hex characters. */
  static String newSeed() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Visit counts, {@code [y][x]}, and the walk's end in {@code end}. */
  static int[][] walk(MemberId member, String seed, int[] end) {
    byte[] digest = sha256(member + ":" + seed);
    int[][] visits = new int[HEIGHT][WIDTH];
    int x = WIDTH / 2;
    int y = HEIGHT / 2;
    for (byte b : digest) {
      int bits = b & 0xFF;
      for (int pair = 0; pair < 4; pair++) {
        int step = (bits >> (2 * pair)) & 0b11;
        x = Math.max(0, Math.min(WIDTH - 1, x + ((step & 0b01) == 0 ? -1 : 1)));
        y = Math.max(0, Math.min(HEIGHT - 1, y + ((step & 0b10) == 0 ? -1 : 1)));
        visits[y][x]++;
      }
    }
    end[0] = x;
    end[1] = y;
    return visits;
  }

  /** The random art, framed, 11 lines of 19 characters (start {@code S}, end {@code E}). */
  static String art(MemberId member, String seed) {
    int[] end = new int[2];
    int[][] visits = walk(member, seed, end);
    StringBuilder out = new StringBuilder("+" + "-".repeat(WIDTH) + "+\n");
    for (int y = 0; y < HEIGHT; y++) {
      out.append('|');
      for (int x = 0; x < WIDTH; x++) {
        char c;
        if (x == end[0] && y == end[1]) {
          c = 'E';
        } else if (x == WIDTH / 2 && y == HEIGHT / 2) {
          c = 'S';
        } else {
          c = SYMBOLS.charAt(Math.min(visits[y][x], SYMBOLS.length() - 1));
        }
        out.append(c);
      }
      out.append("|\n");
    }
    return out.append('+').append("-".repeat(WIDTH)).append('+').toString();
  }

  /** The art as an embed field value (a code block). */
  static String codeBlock(MemberId member, String seed) {
    return "```\n" + art(member, seed) + "\n```";
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("every JVM has SHA-256", ex);
    }
  }
}
