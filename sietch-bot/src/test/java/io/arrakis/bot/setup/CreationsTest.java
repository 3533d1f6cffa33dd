package io.arrakis.bot.setup;

import static io.arrakis.bot.setup.SetupFixture.ADMIN;
import static io.arrakis.bot.setup.SetupFixture.GUILD;
import static io.arrakis.bot.setup.SetupFixture.embed;
import static io.arrakis.bot.setup.SetupFixture.field;
import static io.arrakis.bot.setup.SetupFixture.idStartingWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.bot.Answer;
import io.arrakis.bot.CommunityDirectory;
import io.arrakis.bot.GuildEventHandler;
import io.arrakis.bot.Transactions;
import io.arrakis.discord.Button;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.discord.gateway.GatewayEvent;
import io.arrakis.discord.gateway.GatewayEventDecoder;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.roles.RoleKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** "Create missing roles/channels" at deploy, and the gateway events that bring their ids back. */
class CreationsTest {
  private final SetupFixture f = new SetupFixture();

  /** Test payloads are {@code guild|id|name|type}: the JSON decoding belongs to the adapter. */
  private static final GatewayEventDecoder DECODER =
      (type, payload) -> {
        String[] p = new String(payload, StandardCharsets.UTF_8).split("\\|");
        if (p.length != 4) {
          throw new IllegalArgumentException("missing field");
        }
        long guild = Long.parseLong(p[0]);
        long id = Long.parseLong(p[1]);
        return type.equals(CreatedEntityHandler.ROLE_CREATE)
            ? new GatewayEvent.RoleCreate(guild, id, p[2])
            : new GatewayEvent.ChannelCreate(
                OptionalLong.of(guild), id, p[2], Integer.parseInt(p[3]));
      };

  private final List<GuildEventHandler> handlers =
      CreatedEntityHandler.both(
          DECODER,
          f.ports,
          Transactions.none(),
          new CommunityDirectory(f.repos.communities(), Transactions.none()));

  private void event(String type, long id, String name, int channelType) throws Exception {
    GuildEventHandler h =
        handlers.stream().filter(x -> x.eventType().equals(type)).findFirst().orElseThrow();
    h.handle(
        "key-" + id,
        (GUILD + "|" + id + "|" + name + "|" + channelType).getBytes(StandardCharsets.UTF_8));
  }

  /** Drives a wizard to REVIEW with both create toggles on and nothing mapped; returns the sid. */
  private String reviewWithCreation() throws Exception {
    String sid = idStartingWith(f.run("onboard", null, ADMIN, Map.of()), "wizard:").split(":")[2];
    f.click("wizard:start:" + sid, ADMIN);
    f.click("wizard:next:" + sid, ADMIN);
    f.submit(
        "wizard:asset:" + sid,
        ADMIN,
        Map.of(
            "token_address", WizardTest.TOKEN,
            "token_symbol", "BGT",
            "token_decimals", "18",
            "scan_start_block", "0"));
    f.click("wizard:next:" + sid, ADMIN);
    f.click("wizard:next:" + sid, ADMIN); // rules: the preset's
    f.click("wizard:roles-page:" + sid + ":5", ADMIN);
    Answer on = f.click("wizard:create-roles:" + sid, ADMIN);
    assertThat(
            SetupFixture.message(on).components().stream()
                .flatMap(r -> r.components().stream())
                .filter(c -> c instanceof Button b && b.label().startsWith("Create"))
                .map(c -> ((Button) c).label()))
        .containsExactly("Create missing roles: on");
    f.click("wizard:next:" + sid, ADMIN); // naib and fedaykin unmapped: they will be created
    f.click("wizard:create-channels:" + sid, ADMIN);
    Answer review = f.click("wizard:next:" + sid, ADMIN);
    assertThat(field(embed(review), "Checks")).isEqualTo("No problems found.");
    return sid;
  }

  @Test
  void deploy_queuesACreationForEveryUnmappedRoleAndChannel() throws Exception {
    String sid = reviewWithCreation();

    Answer done = f.click("wizard:deploy:" + sid, ADMIN);

    assertThat(f.stored().active()).isTrue();
    assertThat(f.stored().roles().configuredKeys()).isEmpty();
    assertThat(done.actions())
        .filteredOn(a -> a instanceof DiscordAction.CreateRole)
        .extracting(a -> ((DiscordAction.CreateRole) a).name())
        .hasSize(RoleKey.values().length)
        .contains("Naib", "Fedaykin", "Former Naib", "Water Sharer", "Usul");
    assertThat(done.actions())
        .filteredOn(a -> a instanceof DiscordAction.CreateChannel)
        .extracting(a -> ((DiscordAction.CreateChannel) a).name())
        .containsExactly("the-door", "census", "announcements");
    assertThat(done.actions()).allMatch(a -> a.guildId().getAsLong() == GUILD);
    assertThat(field(embed(done), "Being created")).contains("Naib").contains("the-door");
  }

  @Test
  void theCreatedRolesAndChannelsAreMappedFromTheirGatewayEvents_once() throws Exception {
    f.click("wizard:deploy:" + reviewWithCreation(), ADMIN);

    event(CreatedEntityHandler.ROLE_CREATE, 9001, "Naib", 0);
    event(CreatedEntityHandler.ROLE_CREATE, 9002, "Somebody's role", 0);
    event(CreatedEntityHandler.CHANNEL_CREATE, 9100, "the-door", 0);
    event(CreatedEntityHandler.CHANNEL_CREATE, 9101, "census", 2); // a voice channel
    event(CreatedEntityHandler.ROLE_CREATE, 9003, "Naib", 0); // a second "Naib": not ours

    CommunityConfig c = f.stored();
    assertThat(c.roles().bindings().get(RoleKey.NAIB).discordRoleId())
        .contains(new Snowflake(9001));
    assertThat(c.roles().configuredKeys()).containsExactly(RoleKey.NAIB);
    assertThat(c.channels().theDoor()).contains(new Snowflake(9100));
    assertThat(c.channels().census()).isEmpty();
  }

  @Test
  void creationsArrivingTogetherOnSeveralConsumers_areAllMapped() throws Exception {
    f.click("wizard:deploy:" + reviewWithCreation(), ADMIN);
    RoleKey[] keys = RoleKey.values();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int i = 0; i < keys.length; i++) {
        long id = 9_000 + i;
        String name = SetupCreations.roleName(keys[i]);
        done.add(
            pool.submit(
                () -> {
                  event(CreatedEntityHandler.ROLE_CREATE, id, name, 0);
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> d : done) {
        d.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(f.stored().roles().configuredKeys()).containsExactlyInAnyOrder(keys);
  }

  @Test
  void anEventNobodyWaitsFor_changesNothing_andAMalformedOneIsRefused() throws Exception {
    CommunityConfig before = f.stored();
    event(CreatedEntityHandler.ROLE_CREATE, 9001, "Naib", 0);
    assertThat(f.stored()).isEqualTo(before);

    GuildEventHandler roles = handlers.get(0);
    assertThatThrownBy(() -> roles.handle("k", "nonsense".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Optional.of(f.stored())).contains(before);
  }
}
