package io.arrakis.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.eligibility.SyncHealth;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.WalletLink;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class UnitOfWorkIT {
  private final Postgres postgres = TestDatabase.get().postgres;
  private final Repositories repos = postgres.repositories();
  private final UnitOfWork uow = postgres.unitOfWork();

  private CommunityId community() {
    CommunityId id = CommunityId.random();
    repos
        .communities()
        .save(
            SietchPreset.newCommunity(
                id, new Snowflake(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)), "g"));
    return id;
  }

  private static Address wallet() {
    return new Address(
        String.format("0x%040x", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)));
  }

  @Test
  void givenAUseCaseThatFailsHalfway_thenNoneOfItsWritesPersist() {
    CommunityId c = community();
    assertThatThrownBy(
            () ->
                uow.inCommunity(
                    c,
                    () -> {
                      repos
                          .walletLinks()
                          .save(c, new WalletLink(new UserId(7), wallet(), Instant.now()));
                      repos
                          .eligibility()
                          .saveHealth(c, SyncHealth.initial().failed(Instant.now(), "x"));
                      throw new IllegalArgumentException("boom");
                    }))
        .hasMessage("boom");

    assertThat(repos.walletLinks().all(c)).isEmpty();
    assertThat(repos.eligibility().health(c)).isEqualTo(SyncHealth.initial());
  }

  @Test
  void givenAUseCaseThatSucceeds_thenAllItsWritesCommitTogether() {
    CommunityId c = community();
    int links =
        uow.inCommunity(
            c,
            () -> {
              repos.walletLinks().save(c, new WalletLink(new UserId(8), wallet(), Instant.now()));
              repos
                  .auditLog()
                  .append(c, AuditEvent.system(AuditType.WALLET_VERIFICATION), Instant.now());
              // nested units of work for the same community join the outer transaction
              return uow.inCommunity(c, () -> repos.walletLinks().all(c).size());
            });

    assertThat(links).isEqualTo(1);
    assertThat(repos.walletLinks().all(c)).hasSize(1);
  }

  @Test
  void givenAUnitOfWorkForA_whenARepositoryIsCalledForB_thenItIsRefused() {
    CommunityId a = community();
    CommunityId b = community();

    assertThatThrownBy(() -> uow.inCommunity(a, () -> repos.walletLinks().all(b)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(b.toString());
    assertThatThrownBy(() -> uow.inCommunity(a, () -> uow.inCommunity(b, () -> 1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> uow.inCommunity(a, () -> uow.withoutCommunity(() -> 1)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenAUnitOfWorkWithoutCommunity_thenGlobalTablesWorkAndTenantRepositoriesAreRefused() {
    CommunityId c = community();

    assertThat(uow.withoutCommunity(() -> repos.communities().find(c))).isPresent();
    assertThat(
            uow.withoutCommunity(
                () -> uow.withoutCommunity(() -> repos.communities().active().size())))
        .isNotNegative();
    assertThatThrownBy(() -> uow.withoutCommunity(() -> repos.walletLinks().all(c)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void
      givenACommunityConfigReadInsideAnotherCommunitysUnitOfWork_thenItsRolesLoadAndTheContextIsRestored() {
    CommunityId a = community();
    CommunityId b = community();
    repos
        .communities()
        .save(
            repos
                .communities()
                .find(b)
                .orElseThrow()
                .withRoles(
                    io.arrakis.domain.community.RoleMapping.empty()
                        .with(io.arrakis.domain.roles.RoleKey.NAIB, new Snowflake(99))));

    uow.inCommunity(
        a,
        () -> {
          assertThat(repos.communities().find(b).orElseThrow().roles().configuredKeys())
              .containsExactly(io.arrakis.domain.roles.RoleKey.NAIB);
          assertThat(repos.walletLinks().all(a)).isEmpty();
        });
  }

  @Test
  void givenSettingsFromTheEnvironment_whenConnecting_thenTheRepositoriesWork() {
    TestDatabase db = TestDatabase.get();
    PostgresSettings settings =
        PostgresSettings.fromEnvironment(
            java.util.Map.of(
                "DATABASE_URL", db.url,
                "DATABASE_USER", TestDatabase.APP,
                "DATABASE_PASSWORD", TestDatabase.APP_PASSWORD,
                "DATABASE_POOL_SIZE", "1"));
    try (Postgres second = Postgres.connect(settings)) {
      assertThat(second.repositories().communities().findByGuild(new Snowflake(-1))).isEmpty();
    }
    // migrating again applies nothing and re-grants
    assertThat(Postgres.migrate(db.migrationSettings())).isZero();
  }
}
