package io.arrakis.bot.setup;

import io.arrakis.bot.BotPorts;
import io.arrakis.bot.CommunityDirectory;
import io.arrakis.bot.GuildEventHandler;
import io.arrakis.bot.Transactions;
import io.arrakis.discord.gateway.GatewayEvent;
import io.arrakis.discord.gateway.GatewayEventDecoder;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.ChannelConfig;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.state.Leases;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GUILD_ROLE_CREATE} and {@code CHANNEL_CREATE}: when setup is waiting for a role or channel
 * of that name ({@link SetupCreations}), its id goes into the community's role mapping or channels.
 * Anything else created in the guild is none of setup's business. Idempotent: a second delivery
 * finds the marker gone, or maps the same id again.
 */
public final class CreatedEntityHandler implements GuildEventHandler {
  public static final String ROLE_CREATE = "GUILD_ROLE_CREATE";
  public static final String CHANNEL_CREATE = "CHANNEL_CREATE";
  private static final Duration LOCK_TTL = Duration.ofSeconds(10);
  private static final Duration LOCK_PAUSE = Duration.ofMillis(50);
  private static final int LOCK_ATTEMPTS = 100;
  private static final int TEXT_CHANNEL = 0;

  private final String eventType;
  private final GatewayEventDecoder decoder;
  private final Repositories repos;
  private final SetupCreations creations;
  private final Transactions transactions;
  private final CommunityDirectory directory;
  private final Leases leases;

  private CreatedEntityHandler(
      String eventType,
      GatewayEventDecoder decoder,
      BotPorts ports,
      Transactions transactions,
      CommunityDirectory directory) {
    this.eventType = eventType;
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.repos = ports.repositories();
    this.creations = new SetupCreations(new Sessions(ports.sessions()));
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.leases = ports.leases();
  }

  /** The handlers of both events. */
  public static List<GuildEventHandler> both(
      GatewayEventDecoder decoder,
      BotPorts ports,
      Transactions transactions,
      CommunityDirectory directory) {
    return List.of(
        new CreatedEntityHandler(ROLE_CREATE, decoder, ports, transactions, directory),
        new CreatedEntityHandler(CHANNEL_CREATE, decoder, ports, transactions, directory));
  }

  @Override
  public String eventType() {
    return eventType;
  }

  /**
   * Takes {@code lock:setup-create:{communityId}}, waiting a little for another creation's update;
   * still held after that, the event is retried later.
   */
  private Leases.Lease lock(CommunityConfig community) throws Exception {
    String name = "setup-create:" + community.id().value();
    for (int attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
      if (leases.tryAcquire(name, "mapper", LOCK_TTL) instanceof Leases.Acquired a) {
        return a.lease();
      }
      Thread.sleep(LOCK_PAUSE.toMillis());
    }
    throw new IllegalStateException("the setup creations of " + community.id() + " stay locked");
  }

  @Override
  public void handle(String eventKey, byte[] payload) throws Exception {
    CreatedEntity entity;
    GatewayEvent event = decoder.decode(eventType, payload);
    if (event instanceof GatewayEvent.RoleCreate r) {
      entity = new CreatedEntity(r.guildId(), r.roleId(), r.name(), false);
    } else if (event instanceof GatewayEvent.ChannelCreate c
        && c.guildId().isPresent()
        && c.type() == TEXT_CHANNEL) {
      entity = new CreatedEntity(c.guildId().getAsLong(), c.channelId(), c.name(), true);
    } else {
      return; // a DM or non-text channel: never one setup created
    }
    boolean role = eventType.equals(ROLE_CREATE);
    Optional<CommunityConfig> known = directory.community(entity.guildId());
    if (known.isEmpty()) {
      return;
    }
    CommunityConfig community = known.get();
    Optional<SetupCreations.Wanted> wanted =
        role
            ? creations.expectedRole(community.id(), entity.name(), community.parallelRolePrefix())
            : creations.expectedChannel(community.id(), entity.name());
    if (wanted.isEmpty()) {
      return;
    }
    // Creations arrive together on several consumers: one read-modify-write of the configuration
    // at a time, or one would overwrite another's id.
    Leases.Lease lease = lock(community);
    try {
      transactions.inCommunity(
          community.id(),
          () -> {
            CommunityConfig current = repos.communities().find(community.id()).orElse(community);
            repos.communities().save(mapped(current, wanted.get(), new Snowflake(entity.id())));
            return null;
          });
      creations.arrived(community.id(), wanted.get());
    } finally {
      leases.release(lease);
    }
    directory.forget(entity.guildId());
  }

  private static CommunityConfig mapped(
      CommunityConfig c, SetupCreations.Wanted wanted, Snowflake id) {
    return switch (wanted.kind()) {
      case ROLE -> c.withRoles(c.roles().with(RoleKey.fromKey(wanted.key()).orElseThrow(), id));
      case PARALLEL_ROLE ->
          c.withRoles(c.roles().withParallel(RoleKey.fromKey(wanted.key()).orElseThrow(), id));
      case CHANNEL -> {
        ChannelConfig ch = c.channels();
        yield c.withChannels(
            switch (wanted.key()) {
              case WizardDraft.THE_DOOR ->
                  new ChannelConfig(
                      Optional.of(id), ch.census(), ch.announcements(), ch.activityChannelIds());
              case WizardDraft.CENSUS ->
                  new ChannelConfig(
                      ch.theDoor(), Optional.of(id), ch.announcements(), ch.activityChannelIds());
              default ->
                  new ChannelConfig(
                      ch.theDoor(), ch.census(), Optional.of(id), ch.activityChannelIds());
            });
      }
    };
  }
}
