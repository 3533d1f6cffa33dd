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
import io.arrakis.domain.badges.BadgeCategory;
import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /badges [nym]} (spec §15.9): the caller's own badges grouped by category (ephemeral), or
 * another member's as a public list in two columns.
 */
public final class BadgesCommand implements CommandHandler {
  static final String OPTION = "nym";
  static final String OWN_TITLE = "Your Badges";
  static final String NONE = "No badges yet. Badges come with tenure, activity and contributions.";

  /** Embed colour: spice orange. */
  static final int COLOR_SPICE = 0xE67E22;

  private final Repositories repos;

  public BadgesCommand(Repositories repos) {
    this.repos = Objects.requireNonNull(repos, "repos");
  }

  @Override
  public String name() {
    return SietchCommands.BADGES;
  }

  @Override
  public AnswerMode answerMode(SlashCommand command) {
    return AnswerMode.IMMEDIATE;
  }

  @Override
  public Answer handle(Invocation invocation) {
    CommunityId community = invocation.communityId();
    Optional<Profile> caller = MemberViews.activeProfile(repos, community, invocation.caller());
    if (caller.isEmpty()) {
      return Answer.reply(Replies.notMember());
    }
    Optional<String> nym = invocation.options().string(OPTION).map(String::strip);
    if (nym.isEmpty() || nym.get().isEmpty()) {
      return own(invocation, caller.get());
    }
    Optional<Profile> other = repos.profiles().byNym(community, nym.get()).filter(Profile::active);
    if (other.isEmpty()) {
      return Answer.error("No member named " + nym.get() + ".");
    }
    return other(invocation, other.get());
  }

  private Answer own(Invocation invocation, Profile profile) {
    CommunityId community = invocation.communityId();
    List<MemberBadge> held = MemberViews.activeBadges(repos, community, profile);
    Embed.Builder embed = Embed.builder().title(OWN_TITLE).color(COLOR_SPICE);
    MemberViews.thumbnail(profile).ifPresent(embed::thumbnailUrl);
    if (held.isEmpty()) {
      embed.description(NONE);
    } else {
      Map<String, BadgeDefinition> catalogue = MemberViews.catalogue(repos, community);
      for (BadgeCategory category : BadgeCategory.values()) {
        List<String> lines =
            held.stream()
                .map(b -> new Held(b, MemberViews.definition(catalogue, b.badgeId())))
                .filter(h -> h.definition().category() == category)
                .sorted(Comparator.comparingInt(h -> h.definition().displayOrder()))
                .map(
                    h ->
                        h.definition().emoji()
                            + " **"
                            + h.definition().name()
                            + "**"
                            + (h.definition().description().isEmpty()
                                ? ""
                                : " — " + h.definition().description())
                            + " · Earned "
                            + MemberViews.date(h.badge().awardedAt()))
                .toList();
        NaibCommand.chunk(lines, 1024, 3)
            .forEach(
                (i, text) ->
                    embed.field(i == 0 ? MemberViews.categoryTitle(category) : "\u200b", text));
      }
    }
    embed.footer(MemberViews.badges(held.size()));
    return Answer.reply(MessagePayload.builder().embed(embed.build()).ephemeral().build());
  }

  private record Held(MemberBadge badge, BadgeDefinition definition) {}

  private Answer other(Invocation invocation, Profile profile) {
    CommunityId community = invocation.communityId();
    List<MemberBadge> held = MemberViews.activeBadges(repos, community, profile);
    Embed.Builder embed =
        Embed.builder()
            .title(
                MemberViews.tierEmojiPrefix(
                        MemberViews.tier(
                            profile, MemberViews.rankingEntry(repos, community, profile)))
                    + profile.nym()
                    + "'s Badges")
            .color(COLOR_SPICE);
    MemberViews.thumbnail(profile).ifPresent(embed::thumbnailUrl);
    if (held.isEmpty()) {
      embed.description(profile.nym() + " has no badges yet.");
    } else {
      Map<String, BadgeDefinition> catalogue = MemberViews.catalogue(repos, community);
      List<String> labels =
          held.stream()
              .map(b -> MemberViews.definition(catalogue, b.badgeId()))
              .sorted(
                  Comparator.comparing(BadgeDefinition::category)
                      .thenComparingInt(BadgeDefinition::displayOrder))
              .map(MemberViews::badgeLabel)
              .toList();
      int half = (labels.size() + 1) / 2;
      List<List<String>> columns = new ArrayList<>();
      columns.add(labels.subList(0, half));
      if (half < labels.size()) {
        columns.add(labels.subList(half, labels.size()));
      }
      for (int i = 0; i < columns.size(); i++) {
        String text = String.join("\n", columns.get(i));
        embed.field(
            i == 0 ? "Badges" : "\u200b",
            text.length() > 1024 ? text.substring(0, 1024) : text,
            true);
      }
    }
    embed.footer(MemberViews.badges(held.size()));
    return Answer.reply(MessagePayload.builder().embed(embed.build()).build());
  }
}
