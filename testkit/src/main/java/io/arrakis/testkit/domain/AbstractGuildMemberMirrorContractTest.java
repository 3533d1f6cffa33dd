package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.GuildMember;
import io.arrakis.domain.port.GuildMemberMirror;
import io.arrakis.domain.port.GuildPresence;
import io.arrakis.domain.port.GuildPresenceRepository;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@code GuildMemberMirror} and {@code GuildPresenceRepository} does. */
public abstract class AbstractGuildMemberMirrorContractTest extends AbstractRepositoryContractTest {

  /** The mirror under test, over the same storage as {@link #repositories()}. */
  protected abstract GuildMemberMirror mirror();

  /** The presence repository under test, over the same storage as {@link #repositories()}. */
  protected abstract GuildPresenceRepository presence();

  private static GuildMember member(UserId user, Snowflake... roles) {
    return new GuildMember(user, Set.of(roles), false);
  }

  @Test
  void givenANewMember_whenUpserted_thenItIsNewOnceAndTheLatestRolesWin() {
    CommunityId c = newCommunity();
    UserId user = randomUser();
    Snowflake a = randomSnowflake();
    Snowflake b = randomSnowflake();

    boolean first = mirror().upsert(c, member(user, a));
    boolean second = mirror().upsert(c, member(user, b));

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(mirror().find(c, user)).contains(member(user, b));
    assertThat(mirror().count(c)).isEqualTo(1);
  }

  @Test
  void givenABotWithoutRoles_whenUpserted_thenItIsReadBackAsABot() {
    CommunityId c = newCommunity();
    GuildMember bot = new GuildMember(randomUser(), Set.of(), true);

    mirror().upsert(c, bot);

    assertThat(mirror().find(c, bot.user())).contains(bot);
  }

  @Test
  void givenAMember_whenRemoved_thenItIsGoneAndASecondRemoveSaysSo() {
    CommunityId c = newCommunity();
    UserId user = randomUser();
    mirror().upsert(c, member(user, randomSnowflake()));

    assertThat(mirror().remove(c, user)).isTrue();
    assertThat(mirror().remove(c, user)).isFalse();
    assertThat(mirror().find(c, user)).isEmpty();
  }

  @Test
  void givenMembers_whenAChunkIsUpserted_thenOthersAreKept_andReplaceAllDropsThem() {
    CommunityId c = newCommunity();
    GuildMember kept = member(randomUser(), randomSnowflake());
    mirror().upsert(c, kept);
    GuildMember x = member(randomUser());
    GuildMember y = member(randomUser(), randomSnowflake(), randomSnowflake());

    mirror().upsertAll(c, List.of(x, y));
    assertThat(mirror().count(c)).isEqualTo(3);

    mirror().replaceAll(c, List.of(y));
    assertThat(mirror().count(c)).isEqualTo(1);
    assertThat(mirror().find(c, Set.of(kept.user(), x.user(), y.user())))
        .containsOnlyKeys(y.user())
        .containsEntry(y.user(), y);
  }

  @Test
  void givenMembers_whenQueriedByRoles_thenOnlyHoldersOfOneOfThemAreReturned() {
    CommunityId c = newCommunity();
    Snowflake naib = randomSnowflake();
    Snowflake fedaykin = randomSnowflake();
    GuildMember holder = member(randomUser(), naib, randomSnowflake());
    GuildMember other = member(randomUser(), fedaykin);
    mirror().upsertAll(c, List.of(holder, other, member(randomUser(), randomSnowflake())));

    assertThat(mirror().withAnyRole(c, Set.of(naib))).containsExactly(holder);
    assertThat(mirror().withAnyRole(c, Set.of(naib, fedaykin)))
        .containsExactlyInAnyOrder(holder, other);
    assertThat(mirror().withAnyRole(c, Set.of())).isEmpty();
  }

  @Test
  void givenMembersOfAnotherCommunity_thenTheyAreNeitherVisibleNorReplaced() {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    GuildMember inA = member(randomUser(), randomSnowflake());
    mirror().upsert(a, inA);

    mirror().replaceAll(b, List.of());
    mirror().remove(b, inA.user());

    assertThat(mirror().find(b, inA.user())).isEmpty();
    assertThat(mirror().find(a, inA.user())).contains(inA);
  }

  @Test
  void givenNoPresence_whenSaved_thenTheLatestIsRead() {
    CommunityId c = newCommunity();
    assertThat(presence().find(c)).isEmpty();

    presence().save(c, GuildPresence.joined(T0));
    presence().save(c, GuildPresence.left(true, at(5)));

    assertThat(presence().find(c)).contains(GuildPresence.left(true, at(5)));
    assertThat(presence().find(newCommunity())).isEmpty();
  }
}
