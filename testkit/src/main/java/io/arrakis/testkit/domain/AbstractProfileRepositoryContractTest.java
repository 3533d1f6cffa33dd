package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.tiers.Tier;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@code ProfileRepository} does. */
public abstract class AbstractProfileRepositoryContractTest extends AbstractRepositoryContractTest {

  protected static Profile profile(String nym, Instant createdAt) {
    return new Profile(
        MemberId.random(),
        randomUser(),
        nym,
        Optional.empty(),
        PictureType.NONE,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        createdAt,
        Optional.empty(),
        false,
        true,
        Optional.empty());
  }

  @Test
  void givenAFullProfile_thenItIsFoundByMemberUserAndNym() {
    CommunityId c = newCommunity();
    Profile p =
        new Profile(
            MemberId.random(),
            randomUser(),
            "Stilgar",
            Optional.of("Naib of Sietch Tabr"),
            PictureType.CUSTOM,
            Optional.of("https://cdn.discordapp.com/x.png"),
            Optional.of("seed-1"),
            Optional.of(Tier.NAIB),
            Optional.of(at(3)),
            at(0),
            Optional.of(at(2)),
            true,
            false,
            Optional.of(at(4)));
    repos.profiles().save(c, p);

    assertThat(repos.profiles().all(c)).containsExactly(p);
    assertThat(repos.profiles().byMember(c, p.memberId())).contains(p);
    assertThat(repos.profiles().byUser(c, p.userId())).contains(p);
    assertThat(repos.profiles().byNym(c, "sTiLgAr")).contains(p);
    assertThat(repos.profiles().byMember(c, MemberId.random())).isEmpty();
    assertThat(repos.profiles().byUser(c, new UserId(1))).isEmpty();
    assertThat(repos.profiles().byNym(c, "Chani")).isEmpty();
  }

  @Test
  void givenAChangedProfile_whenSaved_thenTheChangesLoad() {
    CommunityId c = newCommunity();
    Profile p = profile("Chani", at(0));
    repos.profiles().save(c, p);
    Profile changed =
        p.withNym("Sihaya", at(10)).withTier(Optional.of(Tier.QANAT), at(11)).left(at(12));
    repos.profiles().save(c, changed);

    assertThat(repos.profiles().byMember(c, p.memberId())).contains(changed);
    assertThat(repos.profiles().byNym(c, "chani")).isEmpty();
    assertThat(repos.profiles().byNym(c, "SIHAYA")).contains(changed);
  }

  @Test
  void givenANymTakenInAnotherCase_whenSaved_thenItIsRefused() {
    CommunityId c = newCommunity();
    repos.profiles().save(c, profile("Jamis", at(0)));

    assertThatThrownBy(() -> repos.profiles().save(c, profile("JAMIS", at(1))))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void givenProfilesCreatedOverTime_thenCountCreatedBeforeIsStrict() {
    CommunityId c = newCommunity();
    repos.profiles().save(c, profile("first", at(0)));
    repos.profiles().save(c, profile("second", at(10)));
    repos.profiles().save(c, profile("third", at(20)));

    assertThat(repos.profiles().countCreatedBefore(c, at(10))).isEqualTo(1);
    assertThat(repos.profiles().countCreatedBefore(c, at(21))).isEqualTo(3);
    assertThat(repos.profiles().countCreatedBefore(c, at(0))).isZero();
  }

  @Test
  void givenTheSameNymInAnotherCommunity_thenBothExistAndEachSeesItsOwn() {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    Profile inA = profile("Liet", at(0));
    Profile inB = profile("Liet", at(0));
    repos.profiles().save(a, inA);
    repos.profiles().save(b, inB);

    assertThat(repos.profiles().byNym(a, "liet")).contains(inA);
    assertThat(repos.profiles().byNym(b, "liet")).contains(inB);
    assertThat(repos.profiles().byMember(b, inA.memberId())).isEmpty();
  }
}
