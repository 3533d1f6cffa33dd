package io.arrakis.bot.events;

import static io.arrakis.bot.events.EventsFixture.member;
import static io.arrakis.bot.events.EventsFixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.gateway.GatewayEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.SietchPreset;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuildEventsTest {
  private final EventsFixture f = new EventsFixture();
  private static final long NEW_GUILD = 940_000_000_000_000_001L;

  private CommunityConfig newGuildCommunity() {
    return f.repos.communities().findByGuild(new Snowflake(NEW_GUILD)).orElseThrow();
  }

  @Test
  void givenAnUnknownGuild_whenCreated_thenAnInactivePresetCommunityIsCreatedOnceWithItsMembers()
      throws Exception {
    GatewayEvent.GuildCreate create =
        new GatewayEvent.GuildCreate(
            NEW_GUILD, "Caladan", false, false, 2, List.of(member(user(1), 5L), member(user(2))));

    f.deliver(create);
    CommunityConfig created = newGuildCommunity();
    f.deliver(create); // start-up again: the bot is already in the guild

    assertThat(created.active()).isFalse();
    assertThat(created.name()).isEqualTo("Caladan");
    assertThat(created.preset()).isEqualTo(SietchPreset.NAME);
    assertThat(f.repos.communities().findByGuild(new Snowflake(NEW_GUILD))).contains(created);
    assertThat(f.audit(created.id(), AuditType.COMMUNITY_JOINED)).hasSize(1);
    assertThat(f.mirror.count(created.id())).isEqualTo(2);
    assertThat(f.queued).isEmpty();
  }

  @Test
  void givenALargeGuild_whenCreated_thenTheListedMembersAreMergedAndTheRestRequested()
      throws Exception {
    f.mirror.upsert(
        f.community.id(),
        new io.arrakis.domain.port.GuildMember(user(9), java.util.Set.of(), false));
    String key =
        f.deliver(
            new GatewayEvent.GuildCreate(
                EventsFixture.GUILD, "Arrakis", false, true, 900, List.of(member(user(1)))));

    assertThat(f.mirror.count(f.community.id())).isEqualTo(2);
    assertThat(f.queued)
        .containsExactly(
            new DiscordAction.RequestMembers(key + ":members.request", EventsFixture.GUILD));
  }

  @Test
  void givenAnActiveCommunity_whenTheBotIsRemovedAndAddedBack_thenItIsReactivatedWithItsData()
      throws Exception {
    f.deliver(
        new GatewayEvent.GuildCreate(
            EventsFixture.GUILD, "Arrakis", false, false, 1, List.of(member(user(1)))));
    int before = f.auditCount();

    f.deliver(new GatewayEvent.GuildDelete(EventsFixture.GUILD, true)); // outage: ignored
    assertThat(f.repos.communities().find(f.community.id()).orElseThrow().active()).isTrue();

    f.deliver(new GatewayEvent.GuildDelete(EventsFixture.GUILD, false));
    f.deliver(new GatewayEvent.GuildDelete(EventsFixture.GUILD, false)); // replay
    CommunityConfig left = f.repos.communities().find(f.community.id()).orElseThrow();
    assertThat(left.active()).isFalse();
    assertThat(left.roles()).isEqualTo(f.community.roles());
    assertThat(f.mirror.count(f.community.id())).isZero();
    assertThat(f.audit(AuditType.COMMUNITY_LEFT)).hasSize(1);

    f.deliver(
        new GatewayEvent.GuildCreate(
            EventsFixture.GUILD, "Arrakis", false, false, 1, List.of(member(user(1)))));
    assertThat(f.repos.communities().find(f.community.id()).orElseThrow().active()).isTrue();
    assertThat(f.audit(AuditType.COMMUNITY_JOINED)).hasSize(1);
    assertThat(f.auditCount()).isEqualTo(before + 2);
  }

  @Test
  void givenACommunityNeverDeployed_whenTheBotComesBack_thenItStaysInactive() throws Exception {
    f.repos.communities().save(f.community.withActive(false));
    f.deliver(new GatewayEvent.GuildDelete(EventsFixture.GUILD, false));
    f.deliver(
        new GatewayEvent.GuildCreate(EventsFixture.GUILD, "Arrakis", false, false, 0, List.of()));

    assertThat(f.repos.communities().find(f.community.id()).orElseThrow().active()).isFalse();
    assertThat(f.audit(AuditType.COMMUNITY_JOINED)).hasSize(1);
  }

  @Test
  void givenAPayloadTheDecoderRejects_thenTheHandlerThrowsIllegalArgument() {
    var handlers =
        new GatewayEventHandlers(
            f.ports,
            f.mirror,
            f.presence,
            io.arrakis.bot.Transactions.none(),
            f.directory,
            a -> java.util.concurrent.CompletableFuture.completedFuture(null),
            (type, payload) -> {
              throw new IllegalArgumentException("field guild_id is required");
            });
    for (var handler : handlers.all()) {
      assertThatThrownBy(() -> handler.handle("k", new byte[] {'{', '}'}))
          .as(handler.eventType())
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(handlers.all())
        .extracting(io.arrakis.bot.GuildEventHandler::eventType)
        .containsExactlyInAnyOrder(
            "GUILD_CREATE",
            "GUILD_DELETE",
            "GUILD_MEMBER_ADD",
            "GUILD_MEMBER_UPDATE",
            "GUILD_MEMBER_REMOVE",
            "GUILD_MEMBERS_CHUNK",
            "MESSAGE_CREATE",
            "MESSAGE_REACTION_ADD");
  }
}
