package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.badges.BadgeCatalogue;
import io.arrakis.domain.badges.BadgeCategory;
import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@code BadgeRepository} does. */
public abstract class AbstractBadgeRepositoryContractTest extends AbstractRepositoryContractTest {

  @Test
  void givenTheSietchCatalogue_whenSaved_thenItLoadsAsSaved() {
    CommunityId c = newCommunity();
    List<BadgeDefinition> catalogue = BadgeCatalogue.sietch(69);
    catalogue.forEach(d -> repos.badges().saveDefinition(c, d));

    assertThat(repos.badges().catalogue(c)).containsExactlyInAnyOrderElementsOf(catalogue);
  }

  @Test
  void givenADefinitionSavedTwice_thenTheLaterWins() {
    CommunityId c = newCommunity();
    repos
        .badges()
        .saveDefinition(
            c,
            new BadgeDefinition(
                "helper",
                "Helper",
                "old",
                BadgeCategory.CONTRIBUTION,
                "🤝",
                Optional.empty(),
                Optional.empty(),
                1));
    BadgeDefinition changed =
        new BadgeDefinition(
            "helper",
            "Helper",
            "new",
            BadgeCategory.SPECIAL,
            "🤝",
            Optional.empty(),
            Optional.empty(),
            2);
    repos.badges().saveDefinition(c, changed);

    assertThat(repos.badges().catalogue(c)).containsExactly(changed);
  }

  @Test
  void givenMemberBadges_thenTheyAreListedPerCommunityAndPerMemberAndRevocationsPersist() {
    CommunityId c = newCommunity();
    MemberId member = randomMember();
    MemberBadge og =
        new MemberBadge(
            UUID.randomUUID(),
            member,
            "og",
            at(0),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    MemberBadge helper =
        new MemberBadge(
            UUID.randomUUID(),
            member,
            "helper",
            at(1),
            Optional.of("1234"),
            Optional.of("answered questions"),
            Optional.empty());
    MemberBadge othersBadge =
        new MemberBadge(
            UUID.randomUUID(),
            randomMember(),
            "og",
            at(2),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    repos.badges().save(c, og);
    repos.badges().save(c, helper);
    repos.badges().save(c, othersBadge);
    MemberBadge revoked = helper.revoked(at(5), "5678");
    repos.badges().save(c, revoked);

    assertThat(repos.badges().all(c)).containsExactlyInAnyOrder(og, revoked, othersBadge);
    assertThat(repos.badges().ofMember(c, member)).containsExactlyInAnyOrder(og, revoked);

    MemberBadge reawarded = revoked.reawarded(at(9), Optional.of("9"), Optional.of("again"));
    repos.badges().save(c, reawarded);
    assertThat(repos.badges().ofMember(c, member)).containsExactlyInAnyOrder(og, reawarded);
  }

  @Test
  void givenBadgesOfAnotherCommunity_thenTheyAreNotVisible() {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    BadgeCatalogue.sietch(69).forEach(d -> repos.badges().saveDefinition(a, d));
    repos
        .badges()
        .save(
            a,
            new MemberBadge(
                UUID.randomUUID(),
                randomMember(),
                "og",
                at(0),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));

    assertThat(repos.badges().catalogue(b)).isEmpty();
    assertThat(repos.badges().all(b)).isEmpty();
  }
}
