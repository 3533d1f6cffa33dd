package io.arrakis.bot.profile;

import io.arrakis.bot.AutocompleteHandler;
import io.arrakis.bot.BotPorts;
import io.arrakis.bot.CommandHandler;
import io.arrakis.bot.ComponentHandler;
import io.arrakis.bot.HandlerGroup;
import java.util.List;

/** {@code /profile}, its nym autocomplete, the onboarding wizard and the edit wizard. */
public final class ProfileHandlers implements HandlerGroup {
  private final BotPorts ports;

  public ProfileHandlers(BotPorts ports) {
    this.ports = ports;
  }

  @Override
  public List<CommandHandler> commands() {
    return List.of(new ProfileCommand(ports.repositories(), ports.sessions()));
  }

  @Override
  public List<ComponentHandler> components() {
    return List.of(
        new OnboardingWizard(ports.repositories(), ports.sessions()),
        new ProfileEditWizard(ports.repositories(), ports.sessions()));
  }

  @Override
  public List<AutocompleteHandler> completions() {
    return List.of(new NymAutocomplete(ports.repositories()));
  }
}
