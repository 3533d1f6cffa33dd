package io.arrakis.bot.setup;

/** The setup wizard's states and their progress (spec §15.12). */
enum WizardState {
  INIT(0, "Welcome to Sietch setup"),
  CHAIN_SELECT(12, "Step 1: Chain"),
  ASSET_CONFIG(25, "Step 2: Token"),
  ELIGIBILITY_RULES(37, "Step 3: Eligibility rules and tiers"),
  ROLE_MAPPING(50, "Step 4: Roles"),
  CHANNEL_STRUCTURE(62, "Step 5: Channels"),
  REVIEW(75, "Step 6: Review"),
  DEPLOY(87, "Deploying"),
  COMPLETE(100, "Setup complete"),
  FAILED(0, "Setup failed");

  private final int progress;
  private final String title;

  WizardState(int progress, String title) {
    this.progress = progress;
    this.title = title;
  }

  int progress() {
    return progress;
  }

  String title() {
    return title;
  }

  boolean terminal() {
    return this == COMPLETE || this == FAILED;
  }

  /** Back is offered from CHAIN_SELECT through REVIEW. */
  boolean canGoBack() {
    return ordinal() >= CHAIN_SELECT.ordinal() && ordinal() <= REVIEW.ordinal();
  }

  WizardState previous() {
    return values()[ordinal() - 1];
  }

  WizardState following() {
    return values()[ordinal() + 1];
  }

  /** {@code ▰▰▰▱▱▱▱▱▱▱ 25%}. */
  String progressBar() {
    int filled = (int) Math.round(progress / 10.0);
    return "▰".repeat(filled) + "▱".repeat(10 - filled) + " " + progress + "%";
  }
}
