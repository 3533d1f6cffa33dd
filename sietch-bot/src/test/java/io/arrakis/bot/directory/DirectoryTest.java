package io.arrakis.bot.directory;

import static io.arrakis.bot.directory.MembersFixture.button;
import static io.arrakis.bot.directory.MembersFixture.embed;
import static io.arrakis.bot.directory.MembersFixture.ephemeralText;
import static io.arrakis.bot.directory.MembersFixture.reply;
import static io.arrakis.bot.directory.MembersFixture.select;
import static io.arrakis.bot.directory.MembersFixture.selected;
import static io.arrakis.bot.directory.MembersFixture.update;
import static io.arrakis.bot.directory.MembersFixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.ComponentHandler;
import io.arrakis.bot.Replies;
import io.arrakis.discord.Embed;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.StringSelect;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.state.StateUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectoryTest {
  private static final UserId VIEWER = user(1);
  private static final Instant OG = Instant.parse("2025-01-10T00:00:00Z");
  private static final Instant ELDER = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant VETERAN = Instant.parse("2026-08-01T00:00:00Z");
  private static final Instant RECENT = Instant.parse("2026-11-01T00:00:00Z");

  private final MembersFixture f = new MembersFixture();
  private final DirectoryGroup group = new DirectoryGroup(f.ports);
  private final CommandHandler command = group.commands().get(0);
  private final ComponentHandler controls = group.components().get(0);

  /** 13 members: two pages of 10. Sorted by nym: alia … Mapes (case-insensitively). */
  @BeforeEach
  void seed() {
    Profile alia = f.member(VIEWER, "alia", Optional.of(Tier.FEDAYKIN), RECENT);
    f.badges(alia, "first-wave", "og");
    f.member(user(2), "Bijaz", Optional.of(Tier.HAJRA), VETERAN);
    Profile chani = f.member(user(3), "chani", Optional.of(Tier.FEDAYKIN), ELDER);
    f.badges(chani, "og", "engaged", "veteran");
    f.member(user(4), "Duncan", Optional.of(Tier.FEDAYKIN), RECENT.plusSeconds(10));
    f.member(user(5), "Esmar", Optional.of(Tier.QANAT), RECENT.plusSeconds(20));
    f.member(user(6), "Farok", Optional.of(Tier.USUL), RECENT.plusSeconds(30));
    Profile gurney = f.member(user(7), "Gurney", Optional.of(Tier.SIHAYA), OG);
    f.badges(gurney, "og");
    f.member(user(8), "Harah", Optional.of(Tier.HAJRA), RECENT.plusSeconds(40));
    f.member(user(9), "Irulan", Optional.empty(), RECENT.plusSeconds(50));
    f.member(user(10), "Jamis", Optional.of(Tier.ICHWAN), RECENT.plusSeconds(60));
    Profile kynes = f.member(user(11), "Kynes", Optional.of(Tier.MUSHTAMAL), RECENT);
    f.badges(kynes, "og", "engaged", "veteran");
    f.member(user(12), "Leto", Optional.of(Tier.NAIB), RECENT.plusSeconds(70));
    f.member(user(13), "Mapes", Optional.of(Tier.SAYYADINA), RECENT.plusSeconds(80));
    // a member who left is not listed
    Profile left = f.member(user(14), "Otheym", Optional.of(Tier.FEDAYKIN), RECENT);
    f.repos.profiles().save(f.community.id(), left.left(MembersFixture.NOW.minusSeconds(5)));
  }

  private MessagePayload open() throws Exception {
    Answer answer = command.handle(f.slash("directory", VIEWER));
    return reply(answer);
  }

  private MessagePayload click(String customId) throws Exception {
    return update(controls.handle(f.click(customId, VIEWER)));
  }

  private MessagePayload pick(String customId, String value) throws Exception {
    return update(controls.handle(f.pick(customId, value, VIEWER)));
  }

  private Optional<String> session() throws StateUnavailableException {
    return f.sessions.get(
        "directory:" + f.community.id().value(), Long.toUnsignedString(VIEWER.value()));
  }

  private static List<String> lines(MessagePayload message) {
    return Arrays.asList(embed(message).description().orElseThrow().split("\n"));
  }

  private static List<String> nyms(MessagePayload message) {
    return lines(message).stream().map(l -> l.replaceAll("^.*\\*\\*(.+)\\*\\*.*$", "$1")).toList();
  }

  @Test
  void givenAMember_directory_showsTheFirstPageByNymWithFilterSortAndPaging() throws Exception {
    assertThat(command.name()).isEqualTo("directory");
    assertThat(command.answerMode(f.slash("directory", VIEWER).command()))
        .isEqualTo(AnswerMode.IMMEDIATE);

    MessagePayload message = open();

    assertThat(message.ephemeral()).isTrue();
    Embed embed = embed(message);
    assertThat(embed.title()).contains("Member Directory");
    assertThat(lines(message)).hasSize(10);
    assertThat(lines(message).get(0)).isEqualTo("1. ⚔️ **alia** · Member · (2 badges)");
    assertThat(lines(message).get(2)).isEqualTo("3. ⚔️ **chani** · Elder (180+ days) · (3 badges)");
    assertThat(lines(message).get(6)).isEqualTo("7. 💧 **Gurney** · OG · (1 badge)");
    assertThat(lines(message).get(8)).isEqualTo("9. **Irulan** · Member · (0 badges)");
    assertThat(nyms(message))
        .containsExactly(
            "alia", "Bijaz", "chani", "Duncan", "Esmar", "Farok", "Gurney", "Harah", "Irulan",
            "Jamis");
    assertThat(embed.footer().orElseThrow()).startsWith("Page 1/2 • 13 total members");

    assertThat(message.components()).hasSize(3);
    StringSelect tiers = select(message, 0);
    assertThat(tiers.customId()).isEqualTo("directory_tier");
    assertThat(tiers.options())
        .extracting(StringSelect.Option::value)
        .containsExactly(
            "all",
            "hajra",
            "ichwan",
            "qanat",
            "sihaya",
            "mushtamal",
            "sayyadina",
            "usul",
            "fedaykin",
            "naib");
    assertThat(selected(tiers)).containsExactly("all");
    StringSelect sort = select(message, 1);
    assertThat(sort.customId()).isEqualTo("directory_sort");
    assertThat(sort.options())
        .extracting(StringSelect.Option::value, StringSelect.Option::label)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("nym", "Name A→Z"),
            org.assertj.core.groups.Tuple.tuple("tenure", "Oldest first"),
            org.assertj.core.groups.Tuple.tuple("badgeCount", "Most badges"));
    assertThat(selected(sort)).containsExactly("nym");
    assertThat(button(message, 2, 0).customId()).contains("directory_prev");
    assertThat(button(message, 2, 0).disabled()).as("prev on page 1").isTrue();
    assertThat(button(message, 2, 1).customId()).contains("directory_refresh");
    assertThat(button(message, 2, 2).customId()).contains("directory_next");
    assertThat(button(message, 2, 2).disabled()).isFalse();

    assertThat(session()).contains("page=1;tier=all;sort=nym");
  }

  @Test
  void givenNoProfile_directory_answersNotMemberAndStoresNothing() throws Exception {
    Answer answer = command.handle(f.slash("directory", user(99)));

    assertThat(ephemeralText(answer)).isEqualTo(Replies.notMember().content());
    assertThat(
            f.sessions.get(
                "directory:" + f.community.id().value(), Long.toUnsignedString(user(99).value())))
        .isEmpty();
  }

  @Test
  void givenALeftMember_directory_answersNotMember() throws Exception {
    assertThat(ephemeralText(command.handle(f.slash("directory", user(14)))))
        .isEqualTo(Replies.notMember().content());
  }

  @Test
  void next_updatesTheMessageInPlaceWithPageTwo_andTheLastPageDisablesNext() throws Exception {
    open();

    MessagePayload page2 = click("directory_next");

    assertThat(lines(page2)).hasSize(3);
    assertThat(lines(page2).get(0)).isEqualTo("11. 💧 **Kynes** · Member · (3 badges)");
    assertThat(nyms(page2)).containsExactly("Kynes", "Leto", "Mapes");
    assertThat(embed(page2).footer().orElseThrow()).startsWith("Page 2/2 • 13 total members");
    assertThat(button(page2, 2, 0).disabled()).isFalse();
    assertThat(button(page2, 2, 2).disabled()).as("next on the last page").isTrue();
    assertThat(session()).contains("page=2;tier=all;sort=nym");

    MessagePayload still = click("directory_next");
    assertThat(embed(still).footer().orElseThrow()).startsWith("Page 2/2 • 13 total members");

    MessagePayload back = click("directory_prev");
    assertThat(embed(back).footer().orElseThrow()).startsWith("Page 1/2 • 13 total members");
    MessagePayload noLower = click("directory_prev");
    assertThat(embed(noLower).footer().orElseThrow()).startsWith("Page 1/2");
  }

  @Test
  void tierFilter_resetsToPageOneAndListsOnlyThatTier() throws Exception {
    open();
    click("directory_next");

    MessagePayload fedaykin = pick("directory_tier", "fedaykin");

    assertThat(nyms(fedaykin)).containsExactly("alia", "chani", "Duncan");
    assertThat(embed(fedaykin).footer().orElseThrow()).startsWith("Page 1/1 • 3 total members");
    assertThat(selected(select(fedaykin, 0))).containsExactly("fedaykin");
    assertThat(button(fedaykin, 2, 2).disabled()).isTrue();
    assertThat(session()).contains("page=1;tier=fedaykin;sort=nym");

    MessagePayload none = pick("directory_tier", "usul");
    assertThat(nyms(none)).containsExactly("Farok");

    MessagePayload all = pick("directory_tier", "all");
    assertThat(embed(all).footer().orElseThrow()).startsWith("Page 1/2 • 13 total members");
  }

  @Test
  void anEmptyTier_showsTheEmptyLineOnPageOneOfOne() throws Exception {
    f.repos.profiles().all(f.community.id()).stream()
        .filter(p -> p.tier().equals(Optional.of(Tier.NAIB)))
        .forEach(p -> f.repos.profiles().save(f.community.id(), p.left(MembersFixture.NOW)));
    open();

    MessagePayload naib = pick("directory_tier", "naib");

    assertThat(embed(naib).description()).contains("No members match this filter.");
    assertThat(embed(naib).footer().orElseThrow()).startsWith("Page 1/1 • 0 total members");
  }

  @Test
  void sortByBadgesAndByTenure_keepTheFilterAndBreakTiesByNym() throws Exception {
    open();
    click("directory_next");

    MessagePayload badges = pick("directory_sort", "badgeCount");

    assertThat(nyms(badges).subList(0, 4)).containsExactly("chani", "Kynes", "alia", "Gurney");
    assertThat(embed(badges).footer().orElseThrow()).startsWith("Page 1/2");
    assertThat(selected(select(badges, 1))).containsExactly("badgeCount");

    MessagePayload tenure = pick("directory_sort", "tenure");
    assertThat(nyms(tenure).subList(0, 5))
        .containsExactly("Gurney", "chani", "Bijaz", "alia", "Kynes");
    assertThat(session()).contains("page=1;tier=all;sort=tenure");

    MessagePayload fedaykinByTenure = pick("directory_tier", "fedaykin");
    assertThat(nyms(fedaykinByTenure)).containsExactly("chani", "alia", "Duncan");
  }

  @Test
  void theSessionLivesFiveMinutes_refreshedByEveryClick_thenStartsOverWithDefaults()
      throws Exception {
    open();
    click("directory_next");
    f.clock.advance(Duration.ofMinutes(4));
    assertThat(embed(click("directory_refresh")).footer().orElseThrow()).startsWith("Page 2/2");
    f.clock.advance(Duration.ofMinutes(4)); // 8 minutes after /directory, 4 after the refresh
    assertThat(session()).contains("page=2;tier=all;sort=nym");

    f.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(session()).as("expired 5 minutes after the last click").isEmpty();
    MessagePayload recreated = click("directory_refresh");
    assertThat(embed(recreated).footer().orElseThrow()).startsWith("Page 1/2 • 13 total members");
    assertThat(session()).contains("page=1;tier=all;sort=nym");
  }

  @Test
  void aPageBeyondTheLast_isClampedToTheLastPage() throws Exception {
    f.sessions.put(
        "directory:" + f.community.id().value(),
        Long.toUnsignedString(VIEWER.value()),
        "page=7;tier=all;sort=nym",
        Duration.ofMinutes(5));

    MessagePayload clamped = click("directory_refresh");

    assertThat(embed(clamped).footer().orElseThrow()).startsWith("Page 2/2");
    assertThat(session()).contains("page=2;tier=all;sort=nym");
  }

  @Test
  void anotherWorker_continuesTheSameViewFromRedis() throws Exception {
    open();
    click("directory_next");

    DirectoryGroup otherWorker = new DirectoryGroup(f.ports);
    MessagePayload page =
        update(otherWorker.components().get(0).handle(f.click("directory_refresh", VIEWER)));

    assertThat(embed(page).footer().orElseThrow()).startsWith("Page 2/2");
  }

  @Test
  void aForgedPick_orRedisDown_answersCouldNotUpdate() throws Exception {
    open();

    assertThat(ephemeralText(controls.handle(f.pick("directory_tier", "emperor", VIEWER))))
        .isEqualTo("Couldn't update the directory — run /directory again.");
    assertThat(ephemeralText(controls.handle(f.pick("directory_sort", "wealth", VIEWER))))
        .isEqualTo("Couldn't update the directory — run /directory again.");

    f.sessions.setDown(true);
    assertThat(ephemeralText(controls.handle(f.click("directory_next", VIEWER))))
        .isEqualTo("Couldn't update the directory — run /directory again.");
    assertThatThrownBy(() -> command.handle(f.slash("directory", VIEWER)))
        .as("the command needs its session: the dispatcher answers INTERNAL")
        .isInstanceOf(StateUnavailableException.class);
  }

  @Test
  void aNonMembersClick_isRefusedWithNotMember() throws Exception {
    assertThat(ephemeralText(controls.handle(f.click("directory_next", user(99)))))
        .isEqualTo(Replies.notMember().content());
  }

  @Test
  void theControlsOwnTheFivePrefixes() {
    assertThat(controls.prefixes())
        .containsExactlyInAnyOrder(
            "directory_tier",
            "directory_sort",
            "directory_prev",
            "directory_refresh",
            "directory_next");
  }
}
