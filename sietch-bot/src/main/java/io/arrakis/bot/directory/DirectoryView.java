package io.arrakis.bot.directory;

import io.arrakis.bot.directory.DirectoryState.Sort;
import io.arrakis.discord.Button;
import io.arrakis.discord.Embed;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.StringSelect;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.TenureCategory;
import io.arrakis.domain.tiers.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders one page of the directory (spec §15.4) from the active profiles and every active badge
 * row of the community (one query each), clamping the state's page to the pages there are.
 */
final class DirectoryView {
  static final String TITLE = "Member Directory";
  static final int PAGE_SIZE = 10;
  static final int COLOR = 0xC2A36B;
  static final String EMPTY = "No members match this filter.";

  static final String TIER_SELECT = "directory_tier";
  static final String SORT_SELECT = "directory_sort";
  static final String PREV = "directory_prev";
  static final String REFRESH = "directory_refresh";
  static final String NEXT = "directory_next";

  /** The page as shown and the state it was rendered for (page clamped). */
  record Rendered(MessagePayload message, DirectoryState state) {}

  private final Repositories repos;

  DirectoryView(Repositories repos) {
    this.repos = repos;
  }

  Rendered render(CommunityConfig community, DirectoryState requested, Instant now) {
    List<Profile> members =
        repos.profiles().all(community.id()).stream()
            .filter(Profile::active)
            .filter(p -> requested.tier().isEmpty() || p.tier().equals(requested.tier()))
            .toList();
    Map<MemberId, Long> badges =
        repos.badges().all(community.id()).stream()
            .filter(MemberBadge::active)
            .collect(Collectors.groupingBy(MemberBadge::memberId, Collectors.counting()));
    List<Profile> sorted = new ArrayList<>(members);
    sorted.sort(order(requested.sort(), badges));

    int total = sorted.size();
    int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    DirectoryState state = requested.withPage(Math.min(requested.page(), pages));
    int from = (state.page() - 1) * PAGE_SIZE;
    List<String> lines = new ArrayList<>();
    for (int i = from; i < Math.min(total, from + PAGE_SIZE); i++) {
      lines.add(
          line(
              i + 1,
              sorted.get(i),
              badges.getOrDefault(sorted.get(i).memberId(), 0L),
              community,
              now));
    }
    Embed embed =
        Embed.builder()
            .title(TITLE)
            .color(COLOR)
            .description(lines.isEmpty() ? EMPTY : String.join("\n", lines))
            .footer("Page " + state.page() + "/" + pages + " • " + total + " total members")
            .build();
    MessagePayload message =
        MessagePayload.builder()
            .embed(embed)
            .row(tierSelect(state))
            .row(sortSelect(state))
            .row(buttons(state, pages))
            .ephemeral()
            .build();
    return new Rendered(message, state);
  }

  /** {@code n. {tier emoji} **{nym}** · {tenure} · ({k} badges)}. */
  static String line(int n, Profile p, long badgeCount, CommunityConfig community, Instant now) {
    String tenure =
        TenureCategory.of(
                p.createdAt(),
                community.members().launchDate(),
                community.members().ogWindowDays(),
                now)
            .label();
    String emoji = p.tier().map(t -> t.emoji() + " ").orElse("");
    return n
        + ". "
        + emoji
        + "**"
        + p.nym()
        + "** · "
        + tenure
        + " · ("
        + badgeCount
        + (badgeCount == 1 ? " badge)" : " badges)");
  }

  /** The sort order, ties by nym (case-insensitively, then exactly). */
  static Comparator<Profile> order(Sort sort, Map<MemberId, Long> badges) {
    Comparator<Profile> byNym =
        Comparator.comparing(Profile::nym, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Profile::nym);
    Function<Profile, Long> count = p -> badges.getOrDefault(p.memberId(), 0L);
    return switch (sort) {
      case NYM -> byNym;
      case TENURE -> Comparator.comparing(Profile::createdAt).thenComparing(byNym);
      case BADGE_COUNT ->
          Comparator.comparing(count, Comparator.reverseOrder()).thenComparing(byNym);
    };
  }

  private static StringSelect tierSelect(DirectoryState state) {
    List<StringSelect.Option> options = new ArrayList<>();
    options.add(option("All tiers", DirectoryState.ALL_TIERS, state.tier().isEmpty()));
    for (Tier t : Tier.values()) {
      options.add(
          option(t.emoji() + " " + t.displayName(), t.id(), state.tier().equals(Optional.of(t))));
    }
    return StringSelect.of(TIER_SELECT, options).withPlaceholder("Filter by tier");
  }

  private static StringSelect sortSelect(DirectoryState state) {
    List<StringSelect.Option> options = new ArrayList<>();
    for (Sort s : Sort.values()) {
      options.add(option(s.label(), s.value(), state.sort() == s));
    }
    return StringSelect.of(SORT_SELECT, options).withPlaceholder("Sort");
  }

  private static StringSelect.Option option(String label, String value, boolean selected) {
    return new StringSelect.Option(label, value, Optional.empty(), selected);
  }

  private static Button[] buttons(DirectoryState state, int pages) {
    Button prev = Button.secondary(PREV, "◀ Previous");
    Button next = Button.secondary(NEXT, "Next ▶");
    return new Button[] {
      state.page() <= 1 ? prev.asDisabled() : prev,
      Button.primary(REFRESH, "Refresh"),
      state.page() >= pages ? next.asDisabled() : next
    };
  }
}
