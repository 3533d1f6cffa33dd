package io.arrakis.bot.events;

import static io.arrakis.bot.events.EventsFixture.CHANNEL;
import static io.arrakis.bot.events.EventsFixture.GUILD;
import static io.arrakis.bot.events.EventsFixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.discord.gateway.GatewayEvent;
import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.ChannelConfig;
import io.arrakis.domain.profile.Profile;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActivityEventsTest {
  private final EventsFixture f = new EventsFixture();
  private final UserId alice = user(1);
  private final UserId bob = user(2);
  private final Profile aliceProfile = f.profile(alice, "Alia");
  private final Profile bobProfile = f.profile(bob, "Duncan");
  private long messages = 1;

  private GatewayEvent.MessageCreate message(UserId author, long channel) {
    return new GatewayEvent.MessageCreate(
        messages++, OptionalLong.of(GUILD), channel, author.value(), false);
  }

  private GatewayEvent.ReactionAdd reaction(UserId reactor, UserId author) {
    return new GatewayEvent.ReactionAdd(
        77,
        OptionalLong.of(GUILD),
        CHANNEL,
        reactor.value(),
        false,
        OptionalLong.of(author.value()));
  }

  private ActivityBalance activity(Profile p) {
    return f.repos
        .activity()
        .find(f.community.id(), p.memberId())
        .orElse(ActivityBalance.start(p.memberId(), f.clock.instant()));
  }

  @Test
  void givenMessages_thenOneCountsPerMinuteAndBotsDmsAndOutsidersNever() throws Exception {
    f.deliver(message(alice, CHANNEL));
    f.deliver(message(alice, CHANNEL)); // within 60 s
    f.deliver(
        new GatewayEvent.MessageCreate(90, OptionalLong.of(GUILD), CHANNEL, alice.value(), true));
    f.deliver(
        new GatewayEvent.MessageCreate(91, OptionalLong.empty(), CHANNEL, alice.value(), false));
    f.deliver(message(user(9), CHANNEL)); // no profile
    assertThat(activity(aliceProfile).totalMessages()).isEqualTo(1);
    assertThat(activity(aliceProfile).balance()).isEqualByComparingTo(BigDecimal.ONE);

    f.clock.advance(Duration.ofSeconds(61));
    f.deliver(message(alice, CHANNEL));
    assertThat(activity(aliceProfile).totalMessages()).isEqualTo(2);
    assertThat(f.repos.activity().all(f.community.id())).hasSize(1);
  }

  @Test
  void givenActivityChannels_thenOtherChannelsDoNotCount() throws Exception {
    ChannelConfig channels = f.community.channels();
    f.repos
        .communities()
        .save(
            f.community.withChannels(
                new ChannelConfig(
                    channels.theDoor(),
                    channels.census(),
                    channels.announcements(),
                    Set.of(new Snowflake(CHANNEL)))));

    f.deliver(message(alice, CHANNEL + 1));
    assertThat(activity(aliceProfile).totalMessages()).isZero();
    f.deliver(message(alice, CHANNEL));
    assertThat(activity(aliceProfile).totalMessages()).isEqualTo(1);
  }

  @Test
  void givenReactions_thenTheReactorCountsEveryFiveSecondsAndTheAuthorEveryTime() throws Exception {
    f.deliver(reaction(bob, alice));
    f.deliver(reaction(bob, alice)); // bob's window is closed, alice still earns
    f.deliver(reaction(alice, alice)); // own message: the author earns nothing

    assertThat(activity(bobProfile).totalReactionsGiven()).isEqualTo(1);
    assertThat(activity(aliceProfile).totalReactionsReceived()).isEqualTo(2);
    assertThat(activity(aliceProfile).totalReactionsGiven()).isEqualTo(1);
    assertThat(activity(aliceProfile).balance()).isEqualByComparingTo(BigDecimal.valueOf(5));

    f.clock.advance(Duration.ofSeconds(5));
    f.deliver(reaction(bob, alice));
    assertThat(activity(bobProfile).totalReactionsGiven()).isEqualTo(2);
  }

  @Test
  void givenRedisDown_thenNoActivityIsCounted() throws Exception {
    f.cooldowns.setDown(true);

    f.deliver(message(alice, CHANNEL));
    f.deliver(reaction(alice, user(9)));

    assertThat(f.repos.activity().all(f.community.id())).isEmpty();
  }

  @Test
  void givenAnInactiveCommunity_thenNothingCounts() throws Exception {
    f.repos.communities().save(f.community.withActive(false));
    f.deliver(message(alice, CHANNEL));
    assertThat(f.repos.activity().all(f.community.id())).isEmpty();
  }
}
