package io.arrakis.ingestor.actions;

import io.arrakis.discord.Snowflake;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.jda.actions.MemberListSink;
import io.arrakis.messaging.Envelope;
import io.arrakis.messaging.EventPublisher;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns a member list read for {@code members.request} into {@code GUILD_MEMBERS_CHUNK} events on
 * the events exchange, shaped like the gateway's chunks so the workers' member mirror fills from
 * them the same way:
 *
 * <pre>{@code
 * type GUILD_MEMBERS_CHUNK, routing key member.chunk, message id {actionId}:chunk:{i}, x-guild-id:
 * {"guild_id":"…","chunk_index":0,"chunk_count":3,"members":[…Discord's member objects…]}
 * }</pre>
 *
 * Each page request first takes one permit of the {@link GlobalPacer}. Every chunk must be
 * confirmed by the broker, else the action is retried (the worker dedupes on the message ids).
 */
public final class MemberChunkPublisher implements MemberListSink {
  public static final String TYPE = "GUILD_MEMBERS_CHUNK";
  public static final String ROUTING_KEY = "member.chunk";

  /** Below member joins and leaves (5): a bulk refill should not overtake them. */
  static final int PRIORITY = 3;

  static final Duration CONFIRM = Duration.ofSeconds(30);

  private final EventPublisher publisher;
  private final GlobalPacer pacer;
  private final Clock clock;

  public MemberChunkPublisher(EventPublisher publisher, GlobalPacer pacer, Clock clock) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.pacer = Objects.requireNonNull(pacer, "pacer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public boolean beforePage() throws InterruptedException {
    return pacer.acquire(1, () -> false);
  }

  @Override
  public void deliver(DiscordAction.RequestMembers request, List<byte[]> pages) throws Exception {
    List<CompletableFuture<Void>> confirms = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      confirms.add(
          publisher.publish(
              publisher.names().eventsExchange(), chunk(request, i, pages.size(), pages.get(i))));
    }
    CompletableFuture.allOf(confirms.toArray(CompletableFuture[]::new))
        .get(CONFIRM.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One chunk event; {@code members} is a JSON array as Discord sent it. */
  Envelope chunk(DiscordAction.RequestMembers request, int index, int count, byte[] members) {
    String guild = Snowflake.format(request.guild());
    ByteArrayOutputStream body = new ByteArrayOutputStream(members.length + 96);
    body.writeBytes(
        ("{\"guild_id\":\""
                + guild
                + "\",\"chunk_index\":"
                + index
                + ",\"chunk_count\":"
                + count
                + ",\"members\":")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(members);
    body.write('}');
    Instant now = clock.instant();
    return Envelope.builder(
            request.actionId() + ":chunk:" + index, TYPE, ROUTING_KEY, body.toByteArray())
        .contentType(Envelope.JSON)
        .priority(PRIORITY)
        .guildId(guild)
        .receivedAtMicros(Math.addExact(now.getEpochSecond() * 1_000_000L, now.getNano() / 1_000L))
        .noExpiration()
        .build();
  }
}
