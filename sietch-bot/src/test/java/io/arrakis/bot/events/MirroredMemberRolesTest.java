package io.arrakis.bot.events;

import static io.arrakis.bot.events.EventsFixture.FEDAYKIN_ROLE;
import static io.arrakis.bot.events.EventsFixture.NAIB_ROLE;
import static io.arrakis.bot.events.EventsFixture.ONBOARDED_ROLE;
import static io.arrakis.bot.events.EventsFixture.OTHER_ROLE;
import static io.arrakis.bot.events.EventsFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.CoexistenceMode;
import io.arrakis.domain.port.GuildMember;
import io.arrakis.domain.roles.RoleKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MirroredMemberRolesTest {
  private static final long PARALLEL_NAIB = 950_000_000_000_000_001L;
  private final EventsFixture f = new EventsFixture();
  private final MirroredMemberRoles roles =
      new MirroredMemberRoles(f.mirror, f.repos.asRepositories().communities());

  private void mirror(int n, long... roleIds) {
    Set<Snowflake> ids = new java.util.HashSet<>();
    for (long r : roleIds) {
      ids.add(new Snowflake(r));
    }
    f.mirror.upsert(f.community.id(), new GuildMember(user(n), ids, false));
  }

  @Test
  void givenExclusiveMode_thenConfiguredRolesMapToKeysAndOthersAreIgnored() {
    mirror(1, NAIB_ROLE, OTHER_ROLE);
    mirror(2, FEDAYKIN_ROLE, ONBOARDED_ROLE);
    mirror(3, OTHER_ROLE);

    assertThat(roles.holdersOfManagedRoles(f.community.id()))
        .isEqualTo(
            Map.of(
                user(1), Set.of(RoleKey.NAIB),
                user(2), Set.of(RoleKey.FEDAYKIN, RoleKey.ONBOARDED)));
    assertThat(roles.guildMembers(f.community.id(), Set.of(user(3), user(4))))
        .isEqualTo(Map.of(user(3), Set.of()));
  }

  @Test
  void givenParallelMode_thenTheNamespacedCopyIsTheNaibRole() {
    f.repos
        .communities()
        .save(
            f.community
                .withRoles(
                    f.community.roles().withParallel(RoleKey.NAIB, new Snowflake(PARALLEL_NAIB)))
                .withCoexistence(CoexistenceMode.PARALLEL, Optional.empty()));
    mirror(1, NAIB_ROLE);
    mirror(2, PARALLEL_NAIB, ONBOARDED_ROLE);

    assertThat(roles.holdersOfManagedRoles(f.community.id()))
        .isEqualTo(Map.of(user(2), Set.of(RoleKey.NAIB, RoleKey.ONBOARDED)));
  }
}
