package io.arrakis.bot.directory;

import io.arrakis.bot.Answer;
import io.arrakis.bot.ComponentHandler;
import io.arrakis.bot.ComponentInvocation;
import io.arrakis.bot.Replies;
import io.arrakis.bot.directory.DirectoryState.Sort;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessagePayload;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.state.StateUnavailableException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory's selects and buttons (spec §15.4, §16). Their custom ids carry no user: the state
 * is the clicking user's ({@code sess:directory:{communityId}:{userId}}), recreated with the
 * defaults when missing. Each click writes the state back (refreshing its 5-minute TTL) and edits
 * the message in place.
 */
public final class DirectoryControls implements ComponentHandler {
  private static final Logger log = LoggerFactory.getLogger(DirectoryControls.class);

  static final String CANNOT_UPDATE = "Couldn't update the directory — run /directory again.";

  private final Repositories repos;
  private final DirectoryView view;
  private final DirectorySessions sessions;

  DirectoryControls(Repositories repos, DirectorySessions sessions) {
    this.repos = repos;
    this.view = new DirectoryView(repos);
    this.sessions = sessions;
  }

  @Override
  public Set<String> prefixes() {
    return Set.of(
        DirectoryView.TIER_SELECT,
        DirectoryView.SORT_SELECT,
        DirectoryView.PREV,
        DirectoryView.REFRESH,
        DirectoryView.NEXT);
  }

  @Override
  public Answer handle(ComponentInvocation invocation) {
    boolean member =
        repos
            .profiles()
            .byUser(invocation.communityId(), invocation.caller())
            .map(Profile::active)
            .orElse(false);
    if (!member) {
      return Answer.reply(Replies.notMember());
    }
    try {
      DirectoryState current = sessions.load(invocation.communityId(), invocation.caller());
      Optional<DirectoryState> next = next(current, invocation);
      if (next.isEmpty()) {
        return Answer.error(CANNOT_UPDATE);
      }
      DirectoryView.Rendered page =
          view.render(invocation.community(), next.get(), invocation.now());
      sessions.save(invocation.communityId(), invocation.caller(), page.state());
      MessagePayload update =
          new MessagePayload(
              page.message().content(),
              page.message().embeds(),
              page.message().components(),
              Set.of());
      return Answer.of(new InteractionResponse.UpdateMessage(update));
    } catch (StateUnavailableException ex) {
      log.warn("directory session unavailable: {}", ex.toString());
      return Answer.error(CANNOT_UPDATE);
    }
  }

  /** The state after this click; empty for a pick the selects never offer (a forged payload). */
  static Optional<DirectoryState> next(DirectoryState current, ComponentInvocation invocation) {
    String prefix = invocation.customId().prefix();
    String picked = invocation.values().isEmpty() ? "" : invocation.values().get(0);
    return switch (prefix) {
      case DirectoryView.TIER_SELECT -> {
        if (picked.equals(DirectoryState.ALL_TIERS)) {
          yield Optional.of(current.withTier(Optional.empty()));
        }
        yield Tier.fromId(picked).map(t -> current.withTier(Optional.of(t)));
      }
      case DirectoryView.SORT_SELECT -> Sort.fromValue(picked).map(current::withSort);
      case DirectoryView.PREV -> Optional.of(current.withPage(current.page() - 1));
      case DirectoryView.NEXT -> Optional.of(current.withPage(current.page() + 1));
      case DirectoryView.REFRESH -> Optional.of(current);
      default -> Optional.empty();
    };
  }
}
