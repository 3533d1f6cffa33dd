package io.arrakis.bot.sync;

import io.arrakis.bot.commands.Formats;
import io.arrakis.discord.Embed;
import io.arrakis.discord.MessagePayload;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.effect.ChannelPost;
import io.arrakis.domain.tiers.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntUnaryOperator;

/**
 * The channel posts of spec §14 as embeds: the-door's diff announcements (§14.1), the census
 * (§14.2) and story fragments (§14.3). Posts show truncated wallets only, never a nym.
 *
 * <p>Story fragments: core-domain has no port for {@code story_fragments} yet, so the fragment is
 * picked uniformly from the spec's seeded texts (the "least used first" rule needs the usage
 * counts).
 */
public final class ChannelPosts {
  static final int SAND = 0xC2B280;
  static final int GOLD = 0xD4AF37;
  static final int GREY = 0x95A5A6;

  /** Discord's limit for one embed field value. */
  static final int FIELD_LIMIT = 1024;

  static final Map<String, List<String>> DEFAULT_FRAGMENTS =
      Map.of(
          "fedaykin_join",
          List.of(
              "Footsteps without rhythm cross the open sand; the sietch opens its door to one more"
                  + " Fedaykin.",
              "A stillsuit is sealed, a water-ring counted. Another Fedaykin takes a place in the"
                  + " ranks.",
              "Word moves through the rock: a new blade stands with the Fedaykin.",
              "The desert tested them and found them steady. Welcome, Fedaykin.",
              "Spice on the wind, a new name on the water-roll. The Fedaykin grow stronger."),
          "naib_join",
          List.of(
              "The council chamber falls silent as a new Naib takes a seat of judgement.",
              "By the weight of their water, a new Naib rises to speak for the sietch.",
              "The drum sands carry the news: the council has a new voice."));

  private final IntUnaryOperator pick;

  /**
   * @param pick given a count n, an index in [0, n): uniform random in production
   */
  public ChannelPosts(IntUnaryOperator pick) {
    this.pick = pick;
  }

  public MessagePayload render(CommunityConfig community, ChannelPost post) {
    return MessagePayload.builder().embed(embed(community, post)).build();
  }

  private Embed embed(CommunityConfig community, ChannelPost post) {
    if (post instanceof ChannelPost.Arrival a) {
      return Embed.builder()
          .title("A new " + a.tier().displayName() + " approaches the sietch")
          .color(a.tier() == Tier.NAIB ? GOLD : SAND)
          .field("Wallet", a.wallet(), true)
          .field("Rank", a.byDecree() || a.rank().isEmpty() ? "by decree" : rank(a.rank()), true)
          .field("Balance", Formats.amount(a.balance(), community), true)
          .build();
    }
    if (post instanceof ChannelPost.Departure d) {
      return Embed.builder()
          .title("Departure")
          .color(GREY)
          .field("Wallet", d.wallet(), true)
          .field("Reason", d.reasonWords(), true)
          .field("Previous rank", rank(d.previousRank()), true)
          .field("Previous tier", d.previousTier().map(Tier::displayName).orElse("—"), true)
          .build();
    }
    if (post instanceof ChannelPost.CouncilGrows g) {
      return Embed.builder()
          .title("The council grows")
          .color(GOLD)
          .field("Wallet", g.wallet(), true)
          .field("Rank", Formats.rank(g.rank()), true)
          .field("Balance", Formats.amount(g.balance(), community), true)
          .build();
    }
    if (post instanceof ChannelPost.CouncilChange c) {
      return Embed.builder()
          .title("Council change")
          .color(GREY)
          .field("Wallet", c.wallet(), true)
          .field("New rank", rank(c.newRank()), true)
          .build();
    }
    if (post instanceof ChannelPost.StoryFragment f) {
      List<String> texts = DEFAULT_FRAGMENTS.getOrDefault(f.category(), List.of());
      if (texts.isEmpty()) {
        throw new IllegalArgumentException("no story fragments of category " + f.category());
      }
      return Embed.builder()
          .color(SAND)
          .description(texts.get(pick.applyAsInt(texts.size())))
          .build();
    }
    if (post instanceof ChannelPost.Census c) {
      return census(community, c);
    }
    throw new IllegalArgumentException("no rendering for " + post.getClass().getSimpleName());
  }

  private static Embed census(CommunityConfig community, ChannelPost.Census c) {
    EligibilityRules rules = community.eligibility();
    Embed.Builder e =
        Embed.builder()
            .title(community.token().symbol() + " Census")
            .color(SAND)
            .description("Updated " + Formats.relative(c.updatedAt()))
            .footer("Total Eligible: " + c.eligibleCount() + "/" + c.eligibleTarget());
    List<String[]> fields = new ArrayList<>();
    chunks(fields, "Naib Council (1–" + rules.naibSeats() + ")", lines(community, c.naib()), true);
    chunks(
        fields,
        "Fedaykin (" + (rules.naibSeats() + 1) + "–" + rules.eligibleCount() + ")",
        lines(community, c.fedaykin()),
        true);
    chunks(fields, "Admitted by decree", lines(community, c.byDecree()), false);
    // An embed holds at most 25 fields; the census is bounded by N, the decree list is not.
    for (String[] f : fields.subList(0, Math.min(fields.size(), Embed.MAX_FIELDS))) {
      e.field(f[0], f[1], false);
    }
    return e.build();
  }

  private static List<String> lines(CommunityConfig community, List<ChannelPost.CensusLine> in) {
    List<String> out = new ArrayList<>();
    for (ChannelPost.CensusLine l : in) {
      out.add(
          (l.rank().isPresent() ? Formats.rank(l.rank().getAsInt()) : "decree")
              + " "
              + l.wallet()
              + " — "
              + Formats.amount(l.balance(), community));
    }
    return out;
  }

  /** Lines joined into fields of at most 1,024 characters; "—" for an empty required field. */
  static void chunks(List<String[]> fields, String name, List<String> lines, boolean required) {
    if (lines.isEmpty()) {
      if (required) {
        fields.add(new String[] {name, "—"});
      }
      return;
    }
    StringBuilder chunk = new StringBuilder();
    for (String line : lines) {
      if (chunk.length() > 0 && chunk.length() + 1 + line.length() > FIELD_LIMIT) {
        fields.add(new String[] {name, chunk.toString()});
        chunk.setLength(0);
      }
      if (chunk.length() > 0) {
        chunk.append('\n');
      }
      chunk.append(line);
    }
    fields.add(new String[] {name, chunk.toString()});
  }

  private static String rank(OptionalInt rank) {
    return rank.isPresent() ? Formats.rank(rank.getAsInt()) : "unranked";
  }
}
