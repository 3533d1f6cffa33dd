package io.arrakis.domain.port;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.profile.WalletLink;
import java.util.List;
import java.util.Optional;

/** {@code wallet_links}: one wallet per user and one user per wallet, per community. */
public interface WalletLinkRepository {
  List<WalletLink> all(CommunityId community);

  Optional<WalletLink> byUser(CommunityId community, UserId user);

  Optional<WalletLink> byWallet(CommunityId community, Address wallet);

  /** Upserts the user's link, replacing any previous wallet of this user. */
  void save(CommunityId community, WalletLink link);
}
