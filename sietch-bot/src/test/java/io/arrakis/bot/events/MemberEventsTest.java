package io.arrakis.bot.events;

import static io.arrakis.bot.events.EventsFixture.FEDAYKIN_ROLE;
import static io.arrakis.bot.events.EventsFixture.GUILD;
import static io.arrakis.bot.events.EventsFixture.NAIB_ROLE;
import static io.arrakis.bot.events.EventsFixture.NOW;
import static io.arrakis.bot.events.EventsFixture.ONBOARDED_ROLE;
import static io.arrakis.bot.events.EventsFixture.OTHER_ROLE;
import static io.arrakis.bot.events.EventsFixture.member;
import static io.arrakis.bot.events.EventsFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.gateway.GatewayEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.naib.UnseatReason;
import io.arrakis.domain.port.GuildMember;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.roles.PendingRevocation;
import io.arrakis.domain.roles.RoleKey;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MemberEventsTest {
  private final EventsFixture f = new EventsFixture();

  @Test
  void givenASeatedNaib_whenTheyLeave_thenUnseatedLeftServerProfileInactiveAndAuditedOnce()
      throws Exception {
    f.sync();
    UserId naib = user(1);
    f.link(naib, 3);
    Profile p = f.profile(naib, "Stilgar");
    SeatRecord seat =
        SeatRecord.open(UUID.randomUUID(), 2, p.memberId(), NOW.minusSeconds(7200), BigInteger.TEN);
    f.repos.seats().save(f.community.id(), seat);
    f.mirror.upsert(
        f.community.id(), new GuildMember(naib, Set.of(new Snowflake(NAIB_ROLE)), false));
    f.repos
        .roleRevocations()
        .save(f.community.id(), new PendingRevocation(naib, RoleKey.USUL, NOW));
    f.sessions.put(
        "onboarding:" + f.community.id(), naib.toString(), "x", java.time.Duration.ofMinutes(5));

    String key = f.deliver(new GatewayEvent.MemberRemove(GUILD, naib.value()));
    int audited = f.auditCount();
    f.deliver(key, new GatewayEvent.MemberRemove(GUILD, naib.value())); // redelivered
    f.deliver(new GatewayEvent.MemberRemove(GUILD, naib.value())); // replayed under a new key

    SeatRecord closed = f.repos.seats().all(f.community.id()).get(0);
    assertThat(closed.closure().orElseThrow().reason()).isEqualTo(UnseatReason.LEFT_SERVER);
    assertThat(closed.closure().orElseThrow().unseatedAt()).isEqualTo(NOW);
    assertThat(f.repos.seats().open(f.community.id())).isEmpty();
    Profile left = f.profileOf(naib);
    assertThat(left.active()).isFalse();
    assertThat(left.leftAt()).contains(NOW);
    assertThat(left.formerNaib()).isTrue();
    assertThat(f.audit(AuditType.NAIB_UNSEATED))
        .singleElement()
        .satisfies(e -> assertThat(e.event().payload()).containsEntry("reason", "left_server"));
    assertThat(f.audit(AuditType.MEMBER_LEFT))
        .singleElement()
        .satisfies(
            e -> assertThat(e.event().payload()).containsEntry("member", p.memberId().toString()));
    assertThat(f.auditCount()).isEqualTo(audited);
    assertThat(f.repos.walletLinks().byUser(f.community.id(), naib)).isPresent();
    assertThat(f.repos.roleRevocations().all(f.community.id())).isEmpty();
    assertThat(f.sessions.get("onboarding:" + f.community.id(), naib.toString())).isEmpty();
    assertThat(f.mirror.find(f.community.id(), naib)).isEmpty();
  }

  @Test
  void givenAReturningMember_whenTheyJoin_thenReactivatedReconciledAndAReplayChangesNothing()
      throws Exception {
    f.sync();
    UserId u = user(2);
    f.link(u, 20); // eligible: Fedaykin
    f.repos.profiles().save(f.community.id(), f.profile(u, "Chani").left(NOW.minusSeconds(600)));
    GatewayEvent.MemberAdd join = new GatewayEvent.MemberAdd(GUILD, member(u, OTHER_ROLE));

    String key = f.deliver(join);
    Profile afterFirst = f.profileOf(u);
    int audited = f.auditCount();
    List<DiscordAction> firstActions = List.copyOf(f.queued);
    f.deliver(key, join);

    assertThat(afterFirst.active()).isTrue();
    assertThat(afterFirst.leftAt()).isEmpty();
    assertThat(f.audit(AuditType.MEMBER_JOINED)).hasSize(1);
    assertThat(firstActions)
        .filteredOn(a -> a instanceof DiscordAction.AddRole)
        .extracting(a -> ((DiscordAction.AddRole) a).roleId())
        .containsExactlyInAnyOrder(FEDAYKIN_ROLE, ONBOARDED_ROLE);
    assertThat(f.audit(AuditType.ROLE_ASSIGNED)).hasSize(2);
    assertThat(firstActions).noneMatch(a -> a instanceof DiscordAction.SendDirectMessage);
    // the replay: same state, same audit count, the same action ids again (run once downstream)
    assertThat(f.profileOf(u)).isEqualTo(afterFirst);
    assertThat(f.auditCount()).isEqualTo(audited);
    assertThat(f.queued.subList(firstActions.size(), f.queued.size()))
        .extracting(DiscordAction::actionId)
        .containsExactlyInAnyOrderElementsOf(
            firstActions.stream().map(DiscordAction::actionId).toList());
  }

  @Test
  void givenAnEligibleLinkedUserWithoutProfile_whenTheyJoin_thenTheOnboardingDmIsQueued()
      throws Exception {
    f.sync();
    UserId u = user(3);
    f.link(u, 10);

    String key = f.deliver(new GatewayEvent.MemberAdd(GUILD, member(u)));

    assertThat(f.queued)
        .filteredOn(a -> a instanceof DiscordAction.SendDirectMessage)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.actionId()).isEqualTo(key + ":dm.send:onboarding");
              assertThat(((DiscordAction.SendDirectMessage) a).userId()).isEqualTo(u.value());
            });
    assertThat(f.queued)
        .filteredOn(a -> a instanceof DiscordAction.AddRole)
        .extracting(a -> ((DiscordAction.AddRole) a).roleId())
        .containsExactly(FEDAYKIN_ROLE);
  }

  @Test
  void givenAnUnlinkedNewcomer_whenTheyJoin_thenOnlyMirroredAndAudited() throws Exception {
    UserId u = user(4);
    f.deliver(new GatewayEvent.MemberAdd(GUILD, member(u, OTHER_ROLE)));

    assertThat(f.mirror.find(f.community.id(), u).orElseThrow().roleIds())
        .containsExactly(new Snowflake(OTHER_ROLE));
    assertThat(f.audit(AuditType.MEMBER_JOINED)).hasSize(1);
    assertThat(f.queued).isEmpty();
  }

  @Test
  void givenAMemberWithoutProfile_whenAHumanGivesThemFedaykin_thenOnboardingStarts()
      throws Exception {
    f.sync();
    UserId eligible = user(5);
    f.link(eligible, 30);
    UserId unlinked = user(6);
    f.mirror.upsert(f.community.id(), new GuildMember(eligible, Set.of(), false));
    f.mirror.upsert(f.community.id(), new GuildMember(unlinked, Set.of(), false));

    f.deliver(new GatewayEvent.MemberUpdate(GUILD, member(eligible, FEDAYKIN_ROLE)));
    f.deliver(new GatewayEvent.MemberUpdate(GUILD, member(unlinked, FEDAYKIN_ROLE)));
    f.deliver(new GatewayEvent.MemberUpdate(GUILD, member(unlinked, FEDAYKIN_ROLE))); // no change

    List<DiscordAction.SendDirectMessage> dms =
        f.queued.stream()
            .filter(a -> a instanceof DiscordAction.SendDirectMessage)
            .map(a -> (DiscordAction.SendDirectMessage) a)
            .toList();
    assertThat(dms)
        .extracting(DiscordAction.SendDirectMessage::userId)
        .containsExactly(eligible.value(), unlinked.value());
    assertThat(dms.get(0).message().embeds().get(0).title()).contains("Welcome to Arrakis");
    assertThat(dms.get(1).message().content())
        .contains("link an eligible wallet with /verify start");
    assertThat(f.mirror.find(f.community.id(), unlinked).orElseThrow().roleIds())
        .containsExactly(new Snowflake(FEDAYKIN_ROLE));
  }

  @Test
  void givenAMemberLosingRoles_thenOnlyDesiredOnesAreAuditedAsManualRemovals() throws Exception {
    f.sync();
    UserId u = user(7);
    f.link(u, 100); // ranked, not eligible: Fedaykin is not desired
    f.profile(u, "Jamis");
    f.mirror.upsert(
        f.community.id(),
        new GuildMember(
            u, Set.of(new Snowflake(ONBOARDED_ROLE), new Snowflake(FEDAYKIN_ROLE)), false));

    f.deliver(new GatewayEvent.MemberUpdate(GUILD, member(u)));

    assertThat(f.audit(AuditType.ROLE_REMOVED_MANUAL))
        .singleElement()
        .satisfies(e -> assertThat(e.event().payload()).containsEntry("role", "onboarded"));
    assertThat(f.queued).isEmpty();
  }

  @Test
  void givenChunks_thenMembersAreMerged_andEventsOfUnknownGuildsAreIgnored() throws Exception {
    f.deliver(
        new GatewayEvent.MembersChunk(GUILD, List.of(member(user(1)), member(user(2))), 0, 2));
    f.deliver(new GatewayEvent.MembersChunk(GUILD, List.of(member(user(3), NAIB_ROLE)), 1, 2));
    f.deliver(new GatewayEvent.MemberAdd(1L, member(user(4))));
    f.deliver(new GatewayEvent.MemberRemove(1L, user(1).value()));

    assertThat(f.mirror.count(f.community.id())).isEqualTo(3);
    assertThat(f.auditCount()).isZero();
    assertThat(
            Optional.of(f.mirror.withAnyRole(f.community.id(), Set.of(new Snowflake(NAIB_ROLE)))))
        .hasValueSatisfying(
            l -> assertThat(l).extracting(GuildMember::user).containsExactly(user(3)));
  }
}
