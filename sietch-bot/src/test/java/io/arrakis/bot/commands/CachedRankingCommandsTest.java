package io.arrakis.bot.commands;

import static io.arrakis.bot.commands.CommandFixture.NOW;
import static io.arrakis.bot.commands.CommandFixture.balanceOfRank;
import static io.arrakis.bot.commands.CommandFixture.user;
import static io.arrakis.bot.commands.CommandFixture.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.bot.Answer;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.SnapshotCache;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.eligibility.OverrideAction;
import io.arrakis.domain.port.Repositories;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The four commands that read the ranking answer exactly the same over the {@link SnapshotCache} as
 * over the repository itself, before the first sync, after it, and after later syncs change the
 * ranking, the overrides, the burners, the links and the registrations.
 */
class CachedRankingCommandsTest {
  private static final UserId RANK_3 = user(3);
  private static final UserId RANK_69 = user(69);
  private static final UserId RANK_80 = user(80);
  private static final UserId UNRANKED = user(500);
  private static final UserId UNLINKED = user(999);

  /** The handlers, over the given repositories. */
  private static List<CommandHandler> handlers(CommandFixture f, Repositories repos) {
    return List.of(
        new CheckEligibilityCommand(repos, f.burners),
        new ThresholdCommand(repos),
        new PositionCommand(repos),
        new RegisterWaitlistCommand(repos));
  }

  private static SnapshotCache cache(CommandFixture f) {
    return new SnapshotCache(f.repos.eligibility(), 100_000);
  }

  /** Every read-only command of interest, by who runs it. */
  private static List<SlashCommand> readOnlyCommands(CommandFixture f) {
    List<SlashCommand> commands = new ArrayList<>();
    for (String w :
        List.of(
            wallet(1).value(),
            wallet(3).value(),
            wallet(69).value(),
            wallet(70).value(),
            wallet(100).value(),
            wallet(105).value(),
            wallet(500).value(),
            "0xnot-a-wallet")) {
      commands.add(f.slash("check-eligibility", Optional.empty(), UNLINKED, Map.of("wallet", w)));
    }
    for (UserId u : List.of(RANK_3, RANK_69, RANK_80, UNRANKED, UNLINKED)) {
      commands.add(f.slash("threshold", Optional.empty(), u, Map.of()));
      commands.add(f.slash("position", Optional.empty(), u, Map.of()));
      commands.add(f.slash("register-waitlist", Optional.of("status"), u, Map.of()));
    }
    return commands;
  }

  private static Answer run(List<CommandHandler> handlers, CommandFixture f, SlashCommand c)
      throws Exception {
    return handlers.stream()
        .filter(h -> h.name().equals(c.name()))
        .findFirst()
        .orElseThrow()
        .handle(f.invocation(c));
  }

  /** Runs every read-only command through both sets of handlers and compares the answers. */
  private static void assertSameAnswers(
      CommandFixture f, List<CommandHandler> plain, List<CommandHandler> cached) throws Exception {
    for (SlashCommand c : readOnlyCommands(f)) {
      Answer expected = run(plain, f, c);
      assertThat(run(cached, f, c)).as(c.path() + " " + c.options()).isEqualTo(expected);
      // and again, now from the cache
      assertThat(run(cached, f, c)).as(c.path() + " " + c.options()).isEqualTo(expected);
    }
  }

  @Test
  void givenSyncsAndChanges_theReadOnlyCommandsAnswerAsWithoutTheCache() throws Exception {
    CommandFixture f = new CommandFixture();
    List<CommandHandler> plain = handlers(f, f.repos.asRepositories());
    SnapshotCache cache = cache(f);
    List<CommandHandler> cached = handlers(f, cache.around(f.repos.asRepositories()));
    f.link(RANK_3, wallet(3));
    f.link(RANK_69, wallet(69));
    f.link(RANK_80, wallet(80));
    f.link(UNRANKED, wallet(500));

    assertSameAnswers(f, plain, cached); // before the first sync

    f.sync();
    assertSameAnswers(f, plain, cached);

    f.member(RANK_3);
    f.registered(RANK_80, wallet(80), 80, NOW.minusSeconds(600));
    assertSameAnswers(f, plain, cached);

    // a later sync: other balances, an exclusion, an admission and a burner
    Function<Integer, BigInteger> shifted = i -> balanceOfRank(i).add(BigInteger.valueOf(7L * i));
    f.sync(
        110,
        shifted::apply,
        List.of(
            f.override(wallet(2), OverrideAction.REMOVE),
            f.override(wallet(500), OverrideAction.ADD)),
        Set.of(wallet(4)));
    assertSameAnswers(f, plain, cached);

    // a sync to an empty ranking
    f.sync(0, i -> BigInteger.ZERO, List.of(), Set.of());
    assertSameAnswers(f, plain, cached);

    // the answers above did come from the cache: one load per snapshot (three), hits otherwise
    assertThat(cache.misses()).isEqualTo(3);
    assertThat(cache.hits()).isGreaterThan(50);
  }

  @Test
  void givenRegistrationsAndUnregistrations_theAnswersAreAsWithoutTheCache() throws Exception {
    CommandFixture plainWorld = new CommandFixture();
    CommandFixture cachedWorld = new CommandFixture();
    List<CommandHandler> plain = handlers(plainWorld, plainWorld.repos.asRepositories());
    List<CommandHandler> cached =
        handlers(cachedWorld, cache(cachedWorld).around(cachedWorld.repos.asRepositories()));
    for (CommandFixture f : List.of(plainWorld, cachedWorld)) {
      f.link(RANK_80, wallet(80));
      f.link(RANK_69, wallet(69));
    }

    List<Function<CommandFixture, SlashCommand>> script =
        List.of(
            f -> f.slash("register-waitlist", Optional.of("register"), RANK_80, Map.of()),
            f -> f.slash("register-waitlist", Optional.of("status"), RANK_80, Map.of()),
            f -> f.slash("register-waitlist", Optional.of("register"), RANK_69, Map.of()),
            f ->
                f.slash(
                    "register-waitlist",
                    Optional.of("register"),
                    UNLINKED,
                    Map.of("wallet", wallet(85).value())),
            f -> f.slash("threshold", Optional.empty(), UNLINKED, Map.of()),
            f -> f.slash("register-waitlist", Optional.of("unregister"), RANK_80, Map.of()),
            f -> f.slash("register-waitlist", Optional.of("status"), RANK_80, Map.of()),
            f -> f.slash("register-waitlist", Optional.of("register"), RANK_80, Map.of()));

    runBoth(plainWorld, plain, cachedWorld, cached, script); // before the first sync
    plainWorld.sync();
    cachedWorld.sync();
    runBoth(plainWorld, plain, cachedWorld, cached, script);
    runBoth(plainWorld, plain, cachedWorld, cached, script);
  }

  private static void runBoth(
      CommandFixture plainWorld,
      List<CommandHandler> plain,
      CommandFixture cachedWorld,
      List<CommandHandler> cached,
      List<Function<CommandFixture, SlashCommand>> script)
      throws Exception {
    for (Function<CommandFixture, SlashCommand> step : script) {
      SlashCommand p = step.apply(plainWorld);
      SlashCommand c = step.apply(cachedWorld);
      assertThat(run(cached, cachedWorld, c))
          .as(c.path() + " " + c.options())
          .isEqualTo(run(plain, plainWorld, p));
    }
  }
}
