package io.arrakis.testkit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.profile.WalletLink;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@code WalletLinkRepository} does. */
public abstract class AbstractWalletLinkRepositoryContractTest
    extends AbstractRepositoryContractTest {

  @Test
  void givenALink_thenItIsFoundByUserAndByWallet() {
    CommunityId c = newCommunity();
    WalletLink link = new WalletLink(randomUser(), randomAddress(), at(0));
    repos.walletLinks().save(c, link);

    assertThat(repos.walletLinks().all(c)).containsExactly(link);
    assertThat(repos.walletLinks().byUser(c, link.userId())).contains(link);
    assertThat(repos.walletLinks().byWallet(c, link.wallet())).contains(link);
    assertThat(repos.walletLinks().byUser(c, randomUser())).isEmpty();
    assertThat(repos.walletLinks().byWallet(c, randomAddress())).isEmpty();
  }

  @Test
  void givenALinkMadeThroughASession_thenTheSessionIsKept() {
    CommunityId c = newCommunity();
    WalletLink link =
        new WalletLink(randomUser(), randomAddress(), at(0), Optional.of(UUID.randomUUID()));
    repos.walletLinks().save(c, link);

    assertThat(repos.walletLinks().byUser(c, link.userId())).contains(link);
  }

  @Test
  void givenAUserRelinks_thenThePreviousWalletIsReplaced() {
    CommunityId c = newCommunity();
    UserId user = randomUser();
    Address old = randomAddress();
    repos.walletLinks().save(c, new WalletLink(user, old, at(0)));
    WalletLink relinked = new WalletLink(user, randomAddress(), at(5));
    repos.walletLinks().save(c, relinked);

    assertThat(repos.walletLinks().all(c)).containsExactly(relinked);
    assertThat(repos.walletLinks().byWallet(c, old)).isEmpty();
  }

  @Test
  void givenAWalletLinkedToAnotherUser_whenLinked_thenItIsRefused() {
    CommunityId c = newCommunity();
    Address wallet = randomAddress();
    repos.walletLinks().save(c, new WalletLink(randomUser(), wallet, at(0)));

    assertThatThrownBy(
            () -> repos.walletLinks().save(c, new WalletLink(randomUser(), wallet, at(1))))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void givenTheSameWalletInTwoCommunities_thenEachCommunitySeesOnlyItsOwnLink() {
    CommunityId a = newCommunity();
    CommunityId b = newCommunity();
    Address wallet = randomAddress();
    WalletLink inA = new WalletLink(randomUser(), wallet, at(0));
    WalletLink inB = new WalletLink(randomUser(), wallet, at(1));
    repos.walletLinks().save(a, inA);
    repos.walletLinks().save(b, inB);

    assertThat(repos.walletLinks().all(a)).containsExactly(inA);
    assertThat(repos.walletLinks().byWallet(b, wallet)).contains(inB);
  }
}
