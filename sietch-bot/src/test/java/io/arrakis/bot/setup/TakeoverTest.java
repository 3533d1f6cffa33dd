package io.arrakis.bot.setup;

import static io.arrakis.bot.setup.SetupFixture.ADMIN;
import static io.arrakis.bot.setup.SetupFixture.OTHER_ADMIN;
import static io.arrakis.bot.setup.SetupFixture.customIds;
import static io.arrakis.bot.setup.SetupFixture.embed;
import static io.arrakis.bot.setup.SetupFixture.errorText;
import static io.arrakis.bot.setup.SetupFixture.field;
import static io.arrakis.bot.setup.SetupFixture.modal;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.Answer;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.CoexistenceMode;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.testkit.domain.InMemoryAuditLogRepository;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TakeoverTest {
  private final SetupFixture f = new SetupFixture();
  private final String admin = Long.toUnsignedString(ADMIN);

  private void primary() {
    f.save(
        f.community
            .withActive(true)
            .withRoles(
                f.community
                    .roles()
                    .with(RoleKey.NAIB, new Snowflake(11))
                    .withParallel(RoleKey.NAIB, new Snowflake(21))
                    .with(RoleKey.TAQWA, new Snowflake(12)))
            .withCoexistence(CoexistenceMode.PRIMARY, Optional.of(new Snowflake(99))));
  }

  @Test
  void givenExclusiveMode_takeover_isNotAvailableShowingTheMode() throws Exception {
    f.save(f.community.withActive(true));
    Answer a = f.run("admin-takeover", null, ADMIN, Map.of());
    assertThat(embed(a).title().orElseThrow()).contains(Takeover.NOT_AVAILABLE_TITLE);
    assertThat(field(embed(a), "Current mode")).isEqualTo("`exclusive`");
    assertThat(SetupFixture.message(a).ephemeral()).isTrue();
  }

  @Test
  void givenPrimary_threeConfirmedSteps_switchToExclusiveAndPointRolesAtNamespacedCopies()
      throws Exception {
    primary();
    Answer start = f.run("admin-takeover", null, ADMIN, Map.of());
    assertThat(customIds(start)).containsExactly("takeover_step:1:" + admin);

    assertThat(modal(f.click("takeover_step:1:" + admin, ADMIN)).customId())
        .isEqualTo("takeover_modal:1:" + admin);
    Answer one = f.submit("takeover_modal:1:" + admin, ADMIN, Map.of("community_name", "arrakis"));
    assertThat(customIds(one)).containsExactly("takeover_step:2:" + admin);

    assertThat(modal(f.click("takeover_step:2:" + admin, ADMIN)).inputs().get(0).customId())
        .isEqualTo("acknowledge_risks");
    Answer two =
        f.submit("takeover_modal:2:" + admin, ADMIN, Map.of("acknowledge_risks", "I understand"));
    assertThat(customIds(two)).containsExactly("takeover_step:3:" + admin);

    Answer done =
        f.submit("takeover_modal:3:" + admin, ADMIN, Map.of("rollback_plan", "confirmed"));
    assertThat(embed(done).title().orElseThrow()).contains(Takeover.COMPLETE_TITLE);
    assertThat(field(embed(done), "Previous mode")).isEqualTo("`primary`");
    assertThat(field(embed(done), "New mode")).isEqualTo("`exclusive`");
    assertThat(field(embed(done), "Roles renamed")).startsWith("1 (naib)");
    assertThat(done.actions())
        .singleElement()
        .isInstanceOfSatisfying(
            DiscordAction.EditRole.class,
            e -> {
              assertThat(e.roleId()).isEqualTo(21L);
              assertThat(e.name()).isEqualTo("Naib");
              assertThat(e.guild()).isEqualTo(SetupFixture.GUILD);
            });
    assertThat(f.repos.migrations().state(f.community.id()).orElseThrow().mode())
        .isEqualTo(CoexistenceMode.EXCLUSIVE);

    assertThat(f.stored().coexistenceMode()).isEqualTo(CoexistenceMode.EXCLUSIVE);
    assertThat(f.stored().roles().bindings().get(RoleKey.NAIB).discordRoleId())
        .contains(new Snowflake(21));
    assertThat(f.stored().roles().bindings().get(RoleKey.TAQWA).discordRoleId())
        .contains(new Snowflake(12));
    assertThat(((InMemoryAuditLogRepository) f.repos.auditLog()).entries(f.community.id()))
        .extracting(e -> e.event().type())
        .containsExactly(AuditType.TAKEOVER_COMPLETED);
    assertThat(f.sessions.get(Takeover.sessionType(f.community.id()), admin)).isEmpty();
  }

  @Test
  void givenAWrongValue_theSameStepIsOfferedAgain() throws Exception {
    primary();
    f.run("admin-takeover", null, ADMIN, Map.of());
    Answer wrong = f.submit("takeover_modal:1:" + admin, ADMIN, Map.of("community_name", "Dune"));
    assertThat(SetupFixture.message(wrong).content()).contains("isn't this server's name");
    assertThat(customIds(wrong)).containsExactly("takeover_step:1:" + admin);
    assertThat(f.stored().coexistenceMode()).isEqualTo(CoexistenceMode.PRIMARY);
  }

  @Test
  void aStepWhosePredecessorIsNotCompleteIsRefused() throws Exception {
    primary();
    f.run("admin-takeover", null, ADMIN, Map.of());
    assertThat(errorText(f.click("takeover_step:3:" + admin, ADMIN))).contains("Complete step 1");
    assertThat(
            errorText(
                f.submit("takeover_modal:3:" + admin, ADMIN, Map.of("rollback_plan", "confirmed"))))
        .contains("Complete step 1");
    assertThat(f.stored().coexistenceMode()).isEqualTo(CoexistenceMode.PRIMARY);
  }

  @Test
  void anotherClickerIsRefused() throws Exception {
    primary();
    f.run("admin-takeover", null, ADMIN, Map.of());
    assertThat(errorText(f.click("takeover_step:1:" + admin, OTHER_ADMIN)))
        .isEqualTo("This control belongs to someone else.");
  }

  @Test
  void anExpiredStateIsRefused() throws Exception {
    primary();
    f.run("admin-takeover", null, ADMIN, Map.of());
    f.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(errorText(f.click("takeover_step:1:" + admin, ADMIN))).isEqualTo(Takeover.EXPIRED);
  }

  @Test
  void theControlsAreAdminOnly() {
    assertThat(f.control("takeover_step:1:1").adminOnly()).isTrue();
    assertThat(f.command("admin-takeover").adminOnly()).isTrue();
  }
}
