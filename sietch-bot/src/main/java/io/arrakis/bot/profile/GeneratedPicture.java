package io.arrakis.bot.profile;

import io.arrakis.discord.Attachment;
import io.arrakis.discord.Embed;
import io.arrakis.discord.MessagePayload;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.tiers.Tier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The generated picture of spec §8.1: the "drunken bishop" walk over SHA-256 of {@code member_id +
 * ":" + pfp_seed} on a 17×9 grid (start at the centre; per byte, per 2-bit pair low bits first: 00
 * ↖, 01 ↗, 10 ↙, 11 ↘; clamped at the edges; visits counted).
 *
 * <p>Shown as a 200 px PNG ({@link AvatarPng}) uploaded with the message and referenced by the
 * embed as {@code attachment://avatar.png}. Only interaction answers carry files: a message sent as
 * a queued {@code DiscordAction} (the {@code /profile edit} menu DM) names the picture type
 * instead.
 */
final class GeneratedPicture {
  static final int WIDTH = 17;
  static final int HEIGHT = 9;
  static final String FILENAME = "avatar.png";
  static final String DESCRIPTION = "Generated profile picture";
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

  /**
   * The picture as the PNG attachment {@value #FILENAME}, coloured with the tier's palette (the
   * sand palette before the member has a tier).
   */
  static Attachment attachment(MemberId member, String seed, Optional<Tier> tier) {
    int[] end = new int[2];
    int[][] visits = walk(member, seed, end);
    return Attachment.png(
        FILENAME, AvatarPng.render(visits, end, AvatarPng.palette(tier)), DESCRIPTION);
  }

  /** A profile's generated picture, when that is its picture type. */
  static Optional<Attachment> of(Profile p) {
    if (p.pictureType() != PictureType.GENERATED) {
      return Optional.empty();
    }
    return p.pictureSeed().map(seed -> attachment(p.memberId(), seed, p.tier()));
  }

  /** Shows {@code picture} as the embed's thumbnail and uploads it with the message. */
  static void show(Attachment picture, Embed.Builder embed, MessagePayload.Builder message) {
    embed.thumbnailUrl(picture.reference());
    message.attachment(picture);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("every JVM has SHA-256", ex);
    }
  }
}
