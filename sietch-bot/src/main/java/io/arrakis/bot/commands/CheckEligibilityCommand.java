package io.arrakis.bot.commands;

import io.arrakis.bot.Answer;
import io.arrakis.bot.AnswerMode;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.Invocation;
import io.arrakis.discord.Embed;
import io.arrakis.discord.Interaction.SlashCommand;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.command.SietchCommands;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.eligibility.EligibilityOverride;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.OverrideAction;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.eligibility.TokenRef;
import io.arrakis.domain.port.BurnerRegistry;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.tiers.Tier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /check-eligibility wallet:} (spec §15.15): anyone may look up any wallet; the reply is
 * ephemeral and deferred. Rank, tier, balance and eligibility come from the current ranking (as of
 * the last successful sync); the burner flag from the chain's burner registry; the notes from the
 * community's active overrides of that wallet.
 */
public final class CheckEligibilityCommand implements CommandHandler {
  static final String OPTION_WALLET = "wallet";

  static final String INVALID_WALLET =
      "That isn't a valid wallet address (0x followed by 40 hex characters).";
  static final String NO_RANKING = "No ranking yet — the first sync hasn't completed.";
  static final String EXCLUDED_NOTE = "Excluded by an administrator";
  static final String ADMITTED_NOTE = "Admitted by an administrator";

  /** Embed colour of an eligible wallet. */
  static final int COLOR_ELIGIBLE = 0x2ECC71;

  /** Embed colour of a wallet that is not eligible. */
  static final int COLOR_NOT_ELIGIBLE = 0x95A5A6;

  private final Repositories repos;
  private final BurnerRegistry burners;

  public CheckEligibilityCommand(Repositories repos, BurnerRegistry burners) {
    this.repos = Objects.requireNonNull(repos, "repos");
    this.burners = Objects.requireNonNull(burners, "burners");
  }

  @Override
  public String name() {
    return SietchCommands.CHECK_ELIGIBILITY;
  }

  /** Spec §2: also answers while the community is still being set up. */
  @Override
  public boolean needsActiveCommunity() {
    return false;
  }

  @Override
  public AnswerMode answerMode(SlashCommand command) {
    return AnswerMode.DEFER_EPHEMERAL;
  }

  @Override
  public Answer handle(Invocation invocation) {
    Optional<Address> parsed = invocation.options().string(OPTION_WALLET).flatMap(Address::parse);
    if (parsed.isEmpty()) {
      return Answer.error(INVALID_WALLET);
    }
    Address wallet = parsed.get();
    CommunityConfig community = invocation.community();
    Optional<Boolean> burned = burned(community, wallet);

    Optional<EligibilitySnapshot> snapshot = repos.eligibility().current(community.id());
    if (snapshot.isEmpty()) {
      String text = NO_RANKING + burned.map(b -> "\nBurned: " + yesNo(b)).orElse("");
      return Answer.error(text);
    }

    Optional<RankingEntry> entry = snapshot.get().ranking().entry(wallet);
    Optional<OverrideAction> override =
        repos.eligibility().activeOverrides(community.id()).stream()
            .filter(o -> o.address().equals(wallet))
            .map(EligibilityOverride::action)
            .findFirst();
    boolean eligible = entry.map(RankingEntry::eligible).orElse(false);

    Embed.Builder embed =
        Embed.builder()
            .title("Eligibility — " + wallet.truncated())
            .color(eligible ? COLOR_ELIGIBLE : COLOR_NOT_ELIGIBLE)
            .field("Eligible", yesNo(eligible), true)
            .field(
                "Rank",
                entry
                    .filter(RankingEntry::isRanked)
                    .map(e -> Formats.rank(e.rank().getAsInt()))
                    .orElse("Not ranked"),
                true)
            .field(
                "Tier", entry.flatMap(RankingEntry::tier).map(Tier::displayName).orElse("—"), true)
            .field("Balance", balance(entry, burned, override, community), true)
            .field("Burned", burned.map(CheckEligibilityCommand::yesNo).orElse("—"), true)
            .field("As of", Formats.relative(snapshot.get().createdAt()), true);
    List<String> notes = new ArrayList<>();
    override.ifPresent(a -> notes.add(a == OverrideAction.REMOVE ? EXCLUDED_NOTE : ADMITTED_NOTE));
    if (!notes.isEmpty()) {
      embed.description(String.join("\n", notes));
    }
    return Answer.reply(MessagePayload.builder().embed(embed.build()).ephemeral().build());
  }

  /**
   * Known only once the community names its token; the registry is shared by every community
   * ranking that token, so it may know a wallet before this community's first sync.
   */
  private Optional<Boolean> burned(CommunityConfig community, Address wallet) {
    return community
        .token()
        .tokenAddress()
        .map(token -> burners.isBurner(new TokenRef(community.token().chainId(), token), wallet));
  }

  /**
   * The ranking holds every positive, non-burned balance: a wallet missing from it holds nothing,
   * unless it burned or an administrator removed it, when its balance is simply not recorded.
   */
  private static String balance(
      Optional<RankingEntry> entry,
      Optional<Boolean> burned,
      Optional<OverrideAction> override,
      CommunityConfig community) {
    if (entry.isPresent()) {
      return Formats.amount(entry.get().balance(), community);
    }
    boolean unrecorded =
        burned.orElse(false) || override.equals(Optional.of(OverrideAction.REMOVE));
    return unrecorded ? "—" : Formats.amount(BigInteger.ZERO, community);
  }

  private static String yesNo(boolean value) {
    return value ? "Yes" : "No";
  }
}
