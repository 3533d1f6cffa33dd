package io.arrakis.bot;

import static io.arrakis.bot.DispatchFixture.GUILD;
import static io.arrakis.bot.DispatchFixture.OTHER_GUILD;
import static io.arrakis.bot.DispatchFixture.START;
import static io.arrakis.bot.DispatchFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.DispatchFixture.SwitchableCooldownStore;
import io.arrakis.bot.DispatchFixture.SwitchableRateLimiter;
import io.arrakis.discord.MessagePayload;
import io.arrakis.state.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The shared limits of spec §1.1 over the testkit's in-memory rate limiter and cooldown store on a
 * manual clock: 5 interactions per second per user, 100 per second per guild, the per-user command
 * cooldown, and fail-open when Redis is down (spec §20).
 */
class CommandGateTest {
  private static final Pattern COOLDOWN =
      Pattern.compile("You're going too fast\\. Try again <t:(\\d+):R>\\.");

  private final DispatchFixture f = new DispatchFixture();
  private final CommandGate gate = f.gate;
  private final SwitchableRateLimiter limiter = f.limiter;
  private final SwitchableCooldownStore cooldowns = f.cooldowns;

  private static long user(int n) {
    return USER + n;
  }

  /** The unix second of a COOLDOWN reply's {@code <t:…:R>}. */
  static long cooldownTimestamp(MessagePayload reply) {
    assertThat(reply.ephemeral()).as("COOLDOWN is an error reply, ephemeral").isTrue();
    Matcher m = COOLDOWN.matcher(reply.content());
    assertThat(m.matches()).as("COOLDOWN text: %s", reply.content()).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** Asserts the {@code <t:…:R>} is no earlier than {@code end} and at most a second after it. */
  static void assertRetryAt(MessagePayload reply, Instant end) {
    long ceil = end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0);
    assertThat(cooldownTimestamp(reply))
        .as("retry time for a cooldown ending at %s", end)
        .isBetween(ceil, ceil + 1);
  }

  @Nested
  class PerUserRateLimit {

    @Test
    void givenFiveInteractionsInOneSecond_sixth_isRateLimited() {
      for (int i = 0; i < 5; i++) {
        assertThat(gate.checkRate(USER, GUILD)).as("interaction %d", i + 1).isEmpty();
        f.clock.advance(Duration.ofMillis(100));
      }

      assertThat(gate.checkRate(USER, GUILD)).contains(Replies.rateLimited());
    }

    @Test
    void rateLimitedReply_isTheEphemeralStandardText() {
      for (int i = 0; i < 5; i++) {
        gate.checkRate(USER, GUILD);
      }

      MessagePayload reply = gate.checkRate(USER, GUILD).orElseThrow();

      assertThat(reply.content()).isEqualTo("Too many requests. Please wait a moment.");
      assertThat(reply.ephemeral()).isTrue();
    }

    @Test
    void window_slides_ratherThanResettingOnTheSecond() {
      for (int i = 0; i < 3; i++) {
        assertThat(gate.checkRate(USER, GUILD)).isEmpty(); // t = 0
      }
      f.clock.advance(Duration.ofMillis(500));
      assertThat(gate.checkRate(USER, GUILD)).isEmpty(); // t = 0.5
      assertThat(gate.checkRate(USER, GUILD)).isEmpty();
      assertThat(gate.checkRate(USER, GUILD)).as("5 in the last second").isPresent();

      f.clock.advance(Duration.ofMillis(499)); // t = 0.999: the first three still count
      assertThat(gate.checkRate(USER, GUILD)).isPresent();

      f.clock.advance(Duration.ofMillis(1)); // t = 1.0: the first three left the window
      assertThat(gate.checkRate(USER, GUILD)).isEmpty();
      assertThat(gate.checkRate(USER, GUILD)).isEmpty();
      assertThat(gate.checkRate(USER, GUILD)).isEmpty();
      assertThat(gate.checkRate(USER, GUILD))
          .as("the two of t = 0.5 still count: a fixed window would allow 5 here")
          .isPresent();

      f.clock.advance(Duration.ofMillis(500)); // t = 1.5: the two of t = 0.5 left
      assertThat(gate.checkRate(USER, GUILD)).isEmpty();
      assertThat(gate.checkRate(USER, GUILD)).isEmpty();
      assertThat(gate.checkRate(USER, GUILD)).isPresent();
    }

    @Test
    void refusedAttempts_doNotCount_soHammeringDoesNotExtendTheBlock() {
      for (int i = 0; i < 5; i++) {
        gate.checkRate(USER, GUILD);
      }
      f.clock.advance(Duration.ofMillis(900));
      for (int i = 0; i < 20; i++) {
        assertThat(gate.checkRate(USER, GUILD)).isPresent();
      }

      f.clock.advance(Duration.ofMillis(100));

      assertThat(gate.checkRate(USER, GUILD)).isEmpty();
    }

    @Test
    void eachUser_hasTheirOwnFivePerSecond() {
      for (int i = 0; i < 5; i++) {
        gate.checkRate(user(1), GUILD);
      }
      assertThat(gate.checkRate(user(1), GUILD)).isPresent();

      for (int i = 0; i < 5; i++) {
        assertThat(gate.checkRate(user(2), GUILD)).as("user 2, interaction %d", i + 1).isEmpty();
      }
    }

    @Test
    void userLimit_holdsAcrossGuilds() {
      for (int i = 0; i < 5; i++) {
        gate.checkRate(USER, i % 2 == 0 ? GUILD : OTHER_GUILD);
      }

      assertThat(gate.checkRate(USER, OTHER_GUILD)).isPresent();
    }
  }

  @Nested
  class PerGuildRateLimit {

    @Test
    void givenHundredInteractionsInOneSecond_hundredAndFirst_isRateLimited() {
      for (int i = 1; i <= 100; i++) {
        assertThat(gate.checkRate(user(i), GUILD)).as("user %d", i).isEmpty();
      }

      assertThat(gate.checkRate(user(101), GUILD)).contains(Replies.rateLimited());
    }

    @Test
    void guildWindow_slides_andOtherGuildsAreUnaffected() {
      for (int i = 1; i <= 60; i++) {
        gate.checkRate(user(i), GUILD);
      }
      f.clock.advance(Duration.ofMillis(600));
      for (int i = 61; i <= 100; i++) {
        gate.checkRate(user(i), GUILD);
      }
      assertThat(gate.checkRate(user(101), GUILD)).isPresent();
      assertThat(gate.checkRate(user(101), OTHER_GUILD)).as("another guild").isEmpty();

      f.clock.advance(Duration.ofMillis(400)); // the first 60 leave the window
      for (int i = 102; i <= 161; i++) {
        assertThat(gate.checkRate(user(i), GUILD)).as("user %d", i).isEmpty();
      }
      assertThat(gate.checkRate(user(162), GUILD)).isPresent();
    }

    @Test
    void interactionRefusedByTheUserLimit_isNotChargedToTheGuild() {
      for (int i = 0; i < 15; i++) {
        gate.checkRate(USER, GUILD); // 5 allowed, 10 refused by the user limit
      }

      for (int i = 1; i <= 95; i++) {
        assertThat(gate.checkRate(user(i), GUILD)).as("user %d", i).isEmpty();
      }
      assertThat(gate.checkRate(user(96), GUILD)).isPresent();
    }
  }

  @Nested
  class LimiterKeys {

    @Test
    void checkRate_asksForFivePerSecondPerUserThenHundredPerSecondPerGuild() {
      gate.checkRate(USER, GUILD);

      assertThat(limiter.calls)
          .extracting(
              SwitchableRateLimiter.Acquire::identifier,
              SwitchableRateLimiter.Acquire::endpoint,
              SwitchableRateLimiter.Acquire::limit)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  "user:" + USER, "interactions", new RateLimiter.Limit(5, Duration.ofSeconds(1))),
              org.assertj.core.groups.Tuple.tuple(
                  "guild:" + GUILD,
                  "interactions",
                  new RateLimiter.Limit(100, Duration.ofSeconds(1))));
    }

    @Test
    void snowflakesAboveTheSignedRange_areWrittenUnsigned() {
      gate.checkRate(-1L, Long.MIN_VALUE);
      gate.checkCooldown("stats", -1L, Duration.ofSeconds(3));

      assertThat(limiter.calls)
          .extracting(SwitchableRateLimiter.Acquire::identifier)
          .containsExactly("user:18446744073709551615", "guild:9223372036854775808");
      assertThat(cooldowns.calls)
          .extracting(SwitchableCooldownStore.Start::userId)
          .containsExactly("18446744073709551615");
    }

    @Test
    void userRefused_guildIsNotAsked() {
      for (int i = 0; i < 5; i++) {
        gate.checkRate(USER, GUILD);
      }
      limiter.calls.clear();

      gate.checkRate(USER, GUILD);

      assertThat(limiter.calls)
          .extracting(SwitchableRateLimiter.Acquire::identifier)
          .containsExactly("user:" + USER);
    }
  }

  @Nested
  class Cooldown {

    @Test
    void firstInvocation_startsTheCooldown_secondWithinIt_isRefusedWithRetryTime() {
      assertThat(gate.checkCooldown("stats", USER, Duration.ofSeconds(3))).isEmpty();
      f.clock.advance(Duration.ofMillis(1_250));

      Optional<MessagePayload> refused = gate.checkCooldown("stats", USER, Duration.ofSeconds(3));

      assertThat(refused).isPresent();
      assertRetryAt(refused.get(), START.plusSeconds(3));
      assertThat(cooldowns.calls)
          .containsExactly(
              new SwitchableCooldownStore.Start(
                  "stats", Long.toString(USER), Duration.ofSeconds(3)),
              new SwitchableCooldownStore.Start(
                  "stats", Long.toString(USER), Duration.ofSeconds(3)));
    }

    @Test
    void retryTime_isTheCooldownEndRoundedUpToTheSecond() {
      f.clock.advance(Duration.ofMillis(400)); // the cooldown ends at START + 3.4 s
      gate.checkCooldown("stats", USER, Duration.ofSeconds(3));
      f.clock.advance(Duration.ofSeconds(1));

      MessagePayload refused =
          gate.checkCooldown("stats", USER, Duration.ofSeconds(3)).orElseThrow();

      assertThat(cooldownTimestamp(refused))
          .as("never earlier than the end, or the user retries into another COOLDOWN")
          .isEqualTo(START.getEpochSecond() + 4);
    }

    @Test
    void refusal_doesNotExtendTheCooldown_whichExpiresOnTime() {
      gate.checkCooldown("stats", USER, Duration.ofSeconds(3));
      f.clock.advance(Duration.ofSeconds(1));
      assertThat(gate.checkCooldown("stats", USER, Duration.ofSeconds(3))).isPresent();
      f.clock.advance(Duration.ofMillis(1_999));
      assertThat(gate.checkCooldown("stats", USER, Duration.ofSeconds(3))).isPresent();

      f.clock.advance(Duration.ofMillis(1)); // exactly 3 s after the start

      assertThat(gate.checkCooldown("stats", USER, Duration.ofSeconds(3))).isEmpty();
      f.clock.advance(Duration.ofSeconds(1));
      assertThat(gate.checkCooldown("stats", USER, Duration.ofSeconds(3)))
          .as("the allowed invocation started a new cooldown")
          .isPresent();
    }

    @Test
    void cooldown_isPerCommandAndPerUser() {
      gate.checkCooldown("stats", user(1), Duration.ofSeconds(3));

      assertThat(gate.checkCooldown("position", user(1), Duration.ofSeconds(3))).isEmpty();
      assertThat(gate.checkCooldown("stats", user(2), Duration.ofSeconds(3))).isEmpty();
      assertThat(gate.checkCooldown("stats", user(1), Duration.ofSeconds(3))).isPresent();
    }

    @Test
    void zeroOrNegativeCooldown_neverRefuses_andDoesNotTouchTheStore() {
      for (int i = 0; i < 3; i++) {
        assertThat(gate.checkCooldown("stats", USER, Duration.ZERO)).isEmpty();
        assertThat(gate.checkCooldown("stats", USER, Duration.ofSeconds(-1))).isEmpty();
      }

      assertThat(cooldowns.calls).isEmpty();
    }
  }

  @Nested
  class RedisDown {

    @Test
    void givenLimiterDown_checkRate_failsOpenAndCounts() {
      limiter.setDown(true);

      for (int i = 0; i < 10; i++) {
        assertThat(gate.checkRate(USER, GUILD)).as("interaction %d", i + 1).isEmpty();
      }

      assertThat(gate.failedOpen()).isEqualTo(10);
    }

    @Test
    void givenOnlyTheGuildWindowUnreachable_checkRate_failsOpenAfterCountingTheUser() {
      limiter.setDownFor("guild:");

      assertThat(gate.checkRate(USER, GUILD)).isEmpty();

      assertThat(gate.failedOpen()).isEqualTo(1);
      assertThat(limiter.calls)
          .extracting(SwitchableRateLimiter.Acquire::identifier)
          .containsExactly("user:" + USER, "guild:" + GUILD);
    }

    @Test
    void givenCooldownStoreDown_checkCooldown_failsOpenAndCounts() {
      gate.checkCooldown("stats", USER, Duration.ofSeconds(3));
      cooldowns.setDown(true);

      assertThat(gate.checkCooldown("stats", USER, Duration.ofSeconds(3)))
          .as("a running cooldown cannot be read: let the user through")
          .isEmpty();
      assertThat(gate.checkCooldown("stats", USER, Duration.ofSeconds(3))).isEmpty();

      assertThat(gate.failedOpen()).isEqualTo(2);
    }

    @Test
    void whenRedisComesBack_limitsApplyAgain() {
      limiter.setDown(true);
      cooldowns.setDown(true);
      gate.checkRate(USER, GUILD);
      gate.checkCooldown("stats", USER, Duration.ofSeconds(3));

      limiter.setDown(false);
      cooldowns.setDown(false);

      assertThat(gate.checkCooldown("stats", USER, Duration.ofSeconds(3))).isEmpty();
      assertThat(gate.checkCooldown("stats", USER, Duration.ofSeconds(3))).isPresent();
      for (int i = 0; i < 5; i++) {
        assertThat(gate.checkRate(USER, GUILD)).isEmpty();
      }
      assertThat(gate.checkRate(USER, GUILD)).isPresent();
      assertThat(gate.failedOpen()).as("only the two checks made while down").isEqualTo(2);
    }

    @Test
    void failedOpen_startsAtZero_andLimitsThatRefuseAreNotFailures() {
      assertThat(gate.failedOpen()).isZero();
      for (int i = 0; i < 6; i++) {
        gate.checkRate(USER, GUILD);
      }
      gate.checkCooldown("stats", USER, Duration.ofSeconds(3));
      gate.checkCooldown("stats", USER, Duration.ofSeconds(3));

      assertThat(gate.failedOpen()).isZero();
    }
  }
}
