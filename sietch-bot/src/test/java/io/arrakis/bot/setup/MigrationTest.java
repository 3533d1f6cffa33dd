package io.arrakis.bot.setup;

import static io.arrakis.bot.setup.SetupFixture.ADMIN;
import static io.arrakis.bot.setup.SetupFixture.NOW;
import static io.arrakis.bot.setup.SetupFixture.OTHER_ADMIN;
import static io.arrakis.bot.setup.SetupFixture.customIds;
import static io.arrakis.bot.setup.SetupFixture.embed;
import static io.arrakis.bot.setup.SetupFixture.errorText;
import static io.arrakis.bot.setup.SetupFixture.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.Answer;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.CoexistenceMode;
import io.arrakis.domain.community.MigrationState;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.sync.ShadowComparison;
import io.arrakis.testkit.domain.InMemoryAuditLogRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationTest {
  private final SetupFixture f = new SetupFixture();
  private final String admin = Long.toUnsignedString(ADMIN);

  private void shadow(long days, long compared, long matched) {
    f.save(
        f.community
            .withActive(true)
            .withRoles(f.community.roles().with(RoleKey.FEDAYKIN, new Snowflake(31)))
            .withCoexistence(CoexistenceMode.SHADOW, Optional.of(new Snowflake(99))));
    Instant start = NOW.minus(Duration.ofDays(days));
    f.repos
        .migrations()
        .save(f.community.id(), MigrationState.entered(CoexistenceMode.SHADOW, start));
    f.repos
        .migrations()
        .recordComparison(
            f.community.id(), new ShadowComparison((int) compared, (int) matched), start);
  }

  @Test
  void check_listsEveryBlockingReason() throws Exception {
    f.save(f.community.withActive(true));
    Answer a = f.run("admin-migrate", "check", ADMIN, Map.of());
    assertThat(embed(a).title().orElseThrow()).contains(Migration.READINESS_TITLE);
    assertThat(field(embed(a), "Current mode")).isEqualTo("`exclusive`");
    assertThat(field(embed(a), "Incumbent configured")).isEqualTo("No");
    assertThat(field(embed(a), "Status"))
        .contains("starts from shadow or parallel")
        .contains("No incumbent")
        .contains("no recorded start")
        .contains("No shadow comparisons");
  }

  @Test
  void check_readyAfter14DaysAt95Percent() throws Exception {
    shadow(14, 1000, 960);
    Answer a = f.run("admin-migrate", "check", ADMIN, Map.of());
    assertThat(field(embed(a), "Shadow days")).isEqualTo("14 / 14");
    assertThat(field(embed(a), "Accuracy")).isEqualTo("96.0% / 95%");
    assertThat(field(embed(a), "Status")).isEqualTo("Ready");
  }

  @Test
  void check_notReadyBelowAccuracy() throws Exception {
    shadow(20, 1000, 900);
    assertThat(field(embed(f.run("admin-migrate", "check", ADMIN, Map.of())), "Status"))
        .contains("90.0% is below 95%");
  }

  @Test
  void plan_isADryRunWithBatchesForGradual() throws Exception {
    shadow(14, 100, 100);
    Answer a =
        f.run(
            "admin-migrate",
            "plan",
            ADMIN,
            Map.of("strategy", "gradual", "batch_size", 10L, "duration_days", 5L));
    assertThat(embed(a).footer()).contains(Migration.DRY_RUN);
    assertThat(field(embed(a), "Source mode")).isEqualTo("`shadow`");
    assertThat(field(embed(a), "Target mode")).isEqualTo("`parallel`");
    assertThat(field(embed(a), "Batches")).isEqualTo("1");
    assertThat(f.stored().coexistenceMode()).isEqualTo(CoexistenceMode.SHADOW);
  }

  @Test
  void execute_whenNotReady_showsReasonsAndStoresNothing() throws Exception {
    shadow(3, 100, 100);
    Answer a = f.run("admin-migrate", "execute", ADMIN, Map.of("strategy", "instant"));
    assertThat(embed(a).title().orElseThrow()).contains(Migration.NOT_READY_TITLE);
    assertThat(field(embed(a), "Reasons")).contains("3 of 14 days");
    assertThat(f.sessions.get(Migration.sessionType(f.community.id()), admin)).isEmpty();
  }

  @Test
  void execute_thenConfirm_changesTheModeAndAudits() throws Exception {
    shadow(15, 100, 99);
    Answer a = f.run("admin-migrate", "execute", ADMIN, Map.of("strategy", "arrakis_primary"));
    assertThat(embed(a).title().orElseThrow()).contains(Migration.CONFIRM_TITLE);
    assertThat(customIds(a)).containsExactly("migrate_confirm:" + admin, "migrate_cancel:" + admin);

    Answer done = f.click("migrate_confirm:" + admin, ADMIN);
    assertThat(done.response()).isInstanceOf(InteractionResponse.UpdateMessage.class);
    assertThat(embed(done).title().orElseThrow()).contains(Migration.EXECUTED_TITLE);
    assertThat(field(embed(done), "New mode")).isEqualTo("`primary`");
    assertThat(f.stored().coexistenceMode()).isEqualTo(CoexistenceMode.PRIMARY);
    assertThat(f.repos.migrations().state(f.community.id()).orElseThrow().strategy())
        .contains("arrakis_primary");
    // primary writes namespaced copies: the missing one is created and awaited
    assertThat(done.actions())
        .singleElement()
        .isInstanceOfSatisfying(
            DiscordAction.CreateRole.class,
            r -> assertThat(r.name()).isEqualTo(f.community.parallelRolePrefix() + "Fedaykin"));
    assertThat(
            f.sessions.get(
                SetupCreations.type(f.community.id()), "parallel-role." + RoleKey.FEDAYKIN.key()))
        .isPresent();
    assertThat(((InMemoryAuditLogRepository) f.repos.auditLog()).entries(f.community.id()))
        .extracting(e -> e.event().type())
        .containsExactly(AuditType.MIGRATION_EXECUTED);
  }

  @Test
  void confirm_byAnotherUser_isRefused_andCancelLeavesTheModeAlone() throws Exception {
    shadow(15, 100, 99);
    f.run("admin-migrate", "execute", ADMIN, Map.of("strategy", "instant"));
    assertThat(errorText(f.click("migrate_confirm:" + admin, OTHER_ADMIN)))
        .isEqualTo("This control belongs to someone else.");
    Answer cancel = f.click("migrate_cancel:" + admin, ADMIN);
    assertThat(SetupFixture.message(cancel).content()).isEqualTo(Migration.CANCELLED);
    assertThat(errorText(f.click("migrate_confirm:" + admin, ADMIN))).isEqualTo(Migration.EXPIRED);
    assertThat(f.stored().coexistenceMode()).isEqualTo(CoexistenceMode.SHADOW);
  }

  @Test
  void confirm_after60Seconds_hasExpired() throws Exception {
    shadow(15, 100, 99);
    f.run("admin-migrate", "execute", ADMIN, Map.of("strategy", "instant"));
    f.clock.advance(Duration.ofSeconds(61));
    assertThat(errorText(f.click("migrate_confirm:" + admin, ADMIN))).isEqualTo(Migration.EXPIRED);
  }

  @Test
  void gradual_confirm_reportsFirstAndRemainingBatches() throws Exception {
    shadow(15, 100, 99);
    f.run(
        "admin-migrate",
        "execute",
        ADMIN,
        Map.of("strategy", "gradual", "batch_size", 10L, "duration_days", 7L));
    Answer done = f.click("migrate_confirm:" + admin, ADMIN);
    assertThat(field(embed(done), "New mode")).isEqualTo("`parallel`");
    assertThat(field(embed(done), "First batch")).startsWith("1 of 1");
    assertThat(field(embed(done), "Remaining batches")).isEqualTo("0");
  }
}
