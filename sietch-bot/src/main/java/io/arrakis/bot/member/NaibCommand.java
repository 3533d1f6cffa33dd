package io.arrakis.bot.member;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.Invocation;
import io.arrakis.bot.Replies;
import io.arrakis.discord.Embed;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.naib.FormerNaib;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /naib overview|current|former} (spec §15.11), public: the council by seat, the open seats
 * and the Former Naib with their tenure. Never ranks, balances, wallets or Discord mentions: a rank
 * next to a nym would link the nym to the census.
 */
public final class NaibCommand implements CommandHandler {
  static final String OVERVIEW_TITLE = "Naib Council";
  static final String FORMER_TITLE = "Former Naib";
  static final String FOUNDING = "★";
  static final String CURRENT_FOOTER = "★ = founding council";
  static final String OVERVIEW_FOOTER = "See /naib current and /naib former";
  static final String NO_FORMER = "No member has left the council yet.";
  static final int OVERVIEW_FORMER = 5;

  /** Keycap digits 1–10; higher seat numbers show as {@code #11}. */
  static final List<String> SEAT_EMOJI =
      List.of("1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟");

  /** Embed colour: gold. */
  static final int COLOR_GOLD = 0xD4AF37;

  private final Repositories repos;

  public NaibCommand(Repositories repos) {
    this.repos = Objects.requireNonNull(repos, "repos");
  }

  @Override
  public String name() {
    return SietchCommands.NAIB;
  }

  @Override
  public AnswerMode answerMode(SlashCommand command) {
    return AnswerMode.IMMEDIATE;
  }

  @Override
  public Answer handle(Invocation invocation) {
    CommunityId community = invocation.communityId();
    if (MemberViews.activeProfile(repos, community, invocation.caller()).isEmpty()) {
      return Answer.reply(Replies.notMember());
    }
    Map<MemberId, Profile> profiles =
        repos.profiles().all(community).stream()
            .collect(Collectors.toMap(Profile::memberId, Function.identity()));
    Embed embed =
        switch (invocation.subcommand()) {
          case "overview" -> overview(invocation, profiles);
          case "current" -> current(invocation, profiles);
          case "former" -> former(invocation, profiles);
          default -> throw new IllegalArgumentException("/naib " + invocation.subcommand());
        };
    return Answer.reply(MessagePayload.builder().embed(embed).build());
  }

  private List<SeatRecord> openSeats(CommunityId community) {
    return repos.seats().open(community).stream()
        .sorted(Comparator.comparingInt(SeatRecord::seatNumber))
        .toList();
  }

  private Optional<Instant> firstEverSeating(CommunityId community) {
    return repos.seats().firstEverSeating(community);
  }

  private static String nym(Map<MemberId, Profile> profiles, MemberId member) {
    Profile p = profiles.get(member);
    return p == null ? "Unknown member" : p.nym();
  }

  private static String founding(SeatRecord seat, Optional<Instant> firstEver) {
    return firstEver.map(seat::isFounding).orElse(false) ? " " + FOUNDING : "";
  }

  static String seatEmoji(int seat) {
    return seat <= SEAT_EMOJI.size() ? SEAT_EMOJI.get(seat - 1) : "#" + seat;
  }

  private Embed overview(Invocation invocation, Map<MemberId, Profile> profiles) {
    CommunityId community = invocation.communityId();
    int seatCount = invocation.community().eligibility().naibSeats();
    List<SeatRecord> seats = openSeats(community);
    Optional<Instant> firstEver = firstEverSeating(community);
    String council =
        seats.isEmpty()
            ? "No seat is held yet."
            : seats.stream()
                .map(
                    s ->
                        seatEmoji(s.seatNumber())
                            + " "
                            + nym(profiles, s.memberId())
                            + founding(s, firstEver))
                .collect(Collectors.joining("\n"));
    List<FormerNaib> former = FormerNaib.roster(repos.seats().all(community));
    Embed.Builder embed =
        Embed.builder()
            .title(OVERVIEW_TITLE)
            .color(COLOR_GOLD)
            .field("Council", council, false)
            .field("Open seats", Integer.toString(Math.max(0, seatCount - seats.size())), true);
    if (!former.isEmpty()) {
      embed.field(
          "Former Naib",
          former.stream()
              .limit(OVERVIEW_FORMER)
              .map(f -> nym(profiles, f.memberId()))
              .collect(Collectors.joining("\n")),
          true);
    }
    return embed.footer(OVERVIEW_FOOTER).build();
  }

  private Embed current(Invocation invocation, Map<MemberId, Profile> profiles) {
    CommunityId community = invocation.communityId();
    int seatCount = invocation.community().eligibility().naibSeats();
    List<SeatRecord> seats = openSeats(community);
    Embed.Builder embed =
        Embed.builder()
            .title("Naib Council — Active Seats (" + seats.size() + "/" + seatCount + ")")
            .color(COLOR_GOLD)
            .footer(CURRENT_FOOTER);
    if (seats.isEmpty()) {
      return embed
          .description(
              "All "
                  + seatCount
                  + " seats are open. Onboarded Fedaykin with the largest holdings take them at"
                  + " the next sync.")
          .build();
    }
    Optional<Instant> firstEver = firstEverSeating(community);
    List<String> lines = new ArrayList<>();
    for (SeatRecord s : seats) {
      lines.add(
          "Seat "
              + s.seatNumber()
              + " · "
              + nym(profiles, s.memberId())
              + founding(s, firstEver)
              + " · "
              + MemberViews.days(MemberViews.wholeDays(s.tenure(invocation.now())))
              + " on the council");
    }
    int open = Math.max(0, seatCount - seats.size());
    if (open > 0) {
      lines.add("");
      lines.add(open == 1 ? "1 seat open" : open + " seats open");
    }
    return embed.description(String.join("\n", lines)).build();
  }

  private Embed former(Invocation invocation, Map<MemberId, Profile> profiles) {
    List<FormerNaib> former = FormerNaib.roster(repos.seats().all(invocation.communityId()));
    Embed.Builder embed = Embed.builder().title(FORMER_TITLE).color(COLOR_GOLD);
    if (former.isEmpty()) {
      return embed.description(NO_FORMER).build();
    }
    List<String> lines =
        former.stream()
            .map(
                f ->
                    nym(profiles, f.memberId())
                        + " — "
                        + MemberViews.days(MemberViews.wholeDays(f.totalTenure()))
                        + " across "
                        + f.seatCount()
                        + (f.seatCount() == 1 ? " seat" : " seats"))
            .toList();
    chunk(lines, 1024, Embed.MAX_FIELDS)
        .forEach((i, text) -> embed.field(i == 0 ? "By total tenure" : "\u200b", text, false));
    return embed.build();
  }

  /**
   * Lines joined into field values of at most {@code max} characters, at most {@code fields} of
   * them (the longest tenures come first, so what does not fit is the shortest).
   */
  static Map<Integer, String> chunk(List<String> lines, int max, int fields) {
    Map<Integer, String> chunks = new java.util.LinkedHashMap<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      if (current.length() > 0 && current.length() + 1 + line.length() > max) {
        chunks.put(chunks.size(), current.toString());
        current.setLength(0);
        if (chunks.size() == fields) {
          return chunks;
        }
      }
      if (current.length() > 0) {
        current.append('\n');
      }
      current.append(line.length() > max ? line.substring(0, max) : line);
    }
    if (current.length() > 0) {
      chunks.put(chunks.size(), current.toString());
    }
    return chunks;
  }
}
