package io.arrakis.bot.events;

import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.badges.BadgeCatalogue;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.roles.RoleFacts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Reads what the role catalogue (spec §4.3) needs to know about one user; inside a transaction. */
final class MemberFacts {
  private final Repositories repos;

  MemberFacts(Repositories repos) {
    this.repos = repos;
  }

  /** The linked wallet's entry in the current ranking; empty without a link or a ranking entry. */
  Optional<RankingEntry> walletEntry(CommunityId community, UserId user) {
    Optional<WalletLink> link = repos.walletLinks().byUser(community, user);
    if (link.isEmpty()) {
      return Optional.empty();
    }
    return repos
        .eligibility()
        .current(community)
        .map(EligibilitySnapshot::ranking)
        .flatMap(r -> r.entry(link.get().wallet()));
  }

  RoleFacts of(CommunityId community, UserId user) {
    Optional<RankingEntry> entry = walletEntry(community, user);
    Optional<Profile> profile = repos.profiles().byUser(community, user);
    Optional<Profile> active = profile.filter(Profile::active);
    boolean seated =
        active.isPresent()
            && repos.seats().open(community).stream()
                .anyMatch(s -> s.memberId().equals(active.get().memberId()));
    boolean eligible = entry.map(RankingEntry::eligible).orElse(false);
    boolean waiting =
        !eligible
            && repos.waitlist().active(community).stream().anyMatch(r -> r.userId().equals(user));
    return new RoleFacts(
        entry,
        seated,
        profile.map(Profile::formerNaib).orElse(false),
        waiting,
        active.map(p -> profileFacts(community, p)));
  }

  private RoleFacts.ProfileFacts profileFacts(CommunityId community, Profile p) {
    List<MemberBadge> badges =
        repos.badges().ofMember(community, p.memberId()).stream()
            .filter(MemberBadge::active)
            .toList();
    BigDecimal balance =
        repos
            .activity()
            .find(community, p.memberId())
            .map(ActivityBalance::balance)
            .orElse(BigDecimal.ZERO);
    return new RoleFacts.ProfileFacts(
        p.createdAt(),
        badges.size(),
        badges.stream().anyMatch(b -> b.badgeId().equals(BadgeCatalogue.HELPER)),
        badges.stream().anyMatch(b -> b.badgeId().equals(BadgeCatalogue.WATER_SHARER)),
        balance);
  }
}
